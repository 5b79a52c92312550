#pragma once

#include "proxy/blockconversion.h"
#include "proxy/router.h"
#include "proxy/upstreamclient.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <functional>

struct HttpRequest;
class QObject;

// Describes the images of a request with a vision route's model, for a model that cannot see
// them, and remembers each description while the proxy runs: a conversation sends its
// screenshots again with every turn, and pays for them once.
class ImageDescriber
{
    Q_DECLARE_TR_FUNCTIONS(ImageDescriber)

public:
    using Outcome = BlockConversion::Outcome;

    explicit ImageDescriber(const UpstreamClient &client);

    bool appliesTo(const QJsonObject &request) const { return m_conversion.appliesTo(request); }
    // Calls `done` with the request whose images are descriptions, or the error of the first
    // image the vision model could not describe.
    void describe(const QJsonObject &request, const Route &vision, const QString &textModel,
                  const HttpRequest &clientRequest, QObject *owner, std::function<void(const Outcome &)> done);

private:
    // Asks the vision model about one image.
    void ask(const QJsonObject &image, const Route &vision, const HttpRequest &clientRequest, QObject *owner,
             const BlockConversion::Finished &finished) const;

    UpstreamClient m_client;
    BlockConversion m_conversion;
};
