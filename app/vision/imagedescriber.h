#pragma once

#include "protocol/anthropic/apierror.h"
#include "proxy/router.h"
#include "proxy/upstreamclient.h"

#include <QByteArray>
#include <QCache>
#include <QCoreApplication>
#include <QJsonObject>

#include <functional>
#include <memory>
#include <optional>

struct HttpRequest;
class QObject;

// Describes the images of a request with a vision route's model, for a model that cannot see
// them, and remembers each description by the image's hash for as long as the proxy runs:
// a conversation sends its screenshots again with every turn, and pays for them once.
class ImageDescriber
{
    Q_DECLARE_TR_FUNCTIONS(ImageDescriber)

public:
    struct Outcome
    {
        QJsonObject request;           // with descriptions in the images' places
        std::optional<ApiError> error; // an image could not be described
        int described = 0;             // asked of the vision model now
        int remembered = 0;            // taken from earlier requests
    };

    explicit ImageDescriber(const UpstreamClient &client);

    // Calls `done` with the outcome: at once when every image is remembered, else once the
    // vision model has answered, unless `owner` is gone by then (its calls go with it).
    void describe(const QJsonObject &request, const Route &vision, const QString &textModel,
                  const HttpRequest &clientRequest, QObject *owner, std::function<void(const Outcome &)> done);

private:
    using Cache = QCache<QByteArray, QString>;

    UpstreamClient m_client;
    std::shared_ptr<Cache> m_descriptions; // shared with calls in flight
};
