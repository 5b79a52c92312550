#include "imagedescriber.h"

#include "imagedescriptions.h"

#include "protocol/anthropic/anthropicresponseencoder.h"
#include "protocol/anthropicpivotcodec.h"
#include "protocol/upstreamerror.h"
#include "protocol/upstreamformat.h"
#include "proxy/upstreamcall.h"

#include <QJsonDocument>

namespace {
// Descriptions remembered; each is a few hundred words.
constexpr int rememberedDescriptions = 512;
constexpr qsizetype maxAnswerBytes = 4 * 1024 * 1024;

// One request's images on their way: what is known, how many answers are still to come.
struct Pending
{
    QHash<QByteArray, QString> descriptions;
    int waiting = 0;
    bool failed = false;
    ImageDescriber::Outcome outcome;
};
}

ImageDescriber::ImageDescriber(const UpstreamClient &client)
    : m_client(client)
    , m_descriptions(std::make_shared<Cache>(rememberedDescriptions))
{
}

void ImageDescriber::describe(const QJsonObject &request, const Route &vision, const QString &textModel,
                              const HttpRequest &clientRequest, QObject *owner, std::function<void(const Outcome &)> done)
{
    const ProviderConfig &provider = *vision.provider;
    const QString describedBy = provider.name + QLatin1Char('/') + vision.upstreamModel;
    auto pending = std::make_shared<Pending>();
    const auto finish = [pending, request, describedBy, textModel, done] {
        pending->outcome.request =
            ImageDescriptions::withDescriptions(request, pending->descriptions, describedBy, textModel);
        done(pending->outcome);
    };
    QList<ImageDescriptions::Image> unknown;
    for (const ImageDescriptions::Image &image : ImageDescriptions::imagesIn(request)) {
        if (const QString *known = m_descriptions->object(image.hash)) {
            pending->descriptions.insert(image.hash, *known);
            ++pending->outcome.remembered;
        } else {
            unknown << image;
        }
    }
    if (unknown.isEmpty()) {
        finish();
        return;
    }

    const UpstreamFormat *format = &UpstreamFormat::forApi(provider.format);
    pending->waiting = int(unknown.size());
    pending->outcome.described = int(unknown.size());
    const auto fail = [pending, done, describedBy](const QString &why) {
        if (pending->failed)
            return;
        pending->failed = true;
        pending->outcome.error = ApiError::fromStatus(
            502, tr("The vision route %1 could not describe an image: %2").arg(describedBy, why));
        done(pending->outcome);
    };
    for (const ImageDescriptions::Image &image : unknown) {
        ResponseOptions response;
        response.model = vision.upstreamModel;
        auto codec = std::make_shared<AnthropicPivotCodec>(
            ImageDescriptions::describeRequest(image.block, vision.upstreamModel), provider.format,
            RequestOptions{vision.upstreamModel, vision.maxOutputTokens, provider.rules}, response,
            std::make_shared<AnthropicResponseEncoder>());
        UpstreamCall *call = m_client.post(provider.endpoint(format->messagesPath()),
                                           format->requestHeaders(provider.headers, provider.apiKey, clientRequest),
                                           codec->upstreamRequest().body, owner);
        auto body = std::make_shared<QByteArray>();
        const std::shared_ptr<Cache> descriptions = m_descriptions;
        const QByteArray hash = image.hash;
        QObject::connect(call, &UpstreamCall::dataReceived, call, [call, body, fail](const QByteArray &bytes) {
            *body += bytes;
            if (body->size() > maxAnswerBytes) {
                call->disconnect();
                call->deleteLater();
                fail(tr("its answer is larger than %1 bytes").arg(maxAnswerBytes));
            }
        });
        QObject::connect(call, &UpstreamCall::failed, call, [call, fail](UpstreamCall::Failure, const QString &message) {
            call->deleteLater();
            fail(message);
        });
        QObject::connect(call, &UpstreamCall::finished, call,
                         [call, body, codec, format, descriptions, hash, pending, fail, finish] {
            call->deleteLater();
            const int status = call->status();
            const QJsonObject answer = QJsonDocument::fromJson(*body).object();
            std::optional<ApiError> error = status >= 200 && status < 300 ? format->errorIn(answer)
                                                                          : UpstreamError::fromResponse(status, *body);
            if (!error && answer.isEmpty())
                error = ApiError::fromStatus(502, tr("the answer is not JSON"));
            if (error) {
                fail(error->message);
                return;
            }
            const QJsonObject message = QJsonDocument::fromJson(codec->answer(answer, *body, false).bytes).object();
            const QString description = ImageDescriptions::textOf(message);
            if (description.isEmpty()) {
                fail(tr("the answer has no text"));
                return;
            }
            descriptions->insert(hash, new QString(description));
            pending->descriptions.insert(hash, description);
            if (--pending->waiting == 0 && !pending->failed)
                finish();
        });
    }
}
