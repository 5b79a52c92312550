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
}

ImageDescriber::ImageDescriber(const UpstreamClient &client)
    : m_client(client)
    , m_conversion(&ImageDescriptions::isImage, rememberedDescriptions)
{
}

void ImageDescriber::describe(const QJsonObject &request, const Route &vision, const QString &textModel,
                              const HttpRequest &clientRequest, QObject *owner, std::function<void(const Outcome &)> done)
{
    const QString describedBy = vision.provider->name + QLatin1Char('/') + vision.upstreamModel;
    m_conversion.run(
        request,
        [this, vision, &clientRequest](const QJsonObject &image, QObject *callOwner, BlockConversion::Finished finished) {
            ask(image, vision, clientRequest, callOwner, finished);
        },
        [describedBy, textModel](const QJsonObject &, const QString &description) {
            return ImageDescriptions::descriptionBlock(description, describedBy, textModel);
        },
        owner,
        [describedBy, done](Outcome outcome) {
            if (!outcome.error.isEmpty())
                outcome.error = tr("The vision route %1 could not describe an image: %2").arg(describedBy, outcome.error);
            done(outcome);
        });
}

void ImageDescriber::ask(const QJsonObject &image, const Route &vision, const HttpRequest &clientRequest, QObject *owner,
                         const BlockConversion::Finished &finished) const
{
    const ProviderConfig &provider = *vision.provider;
    const UpstreamFormat *format = &UpstreamFormat::forApi(provider.format);
    ResponseOptions response;
    response.model = vision.upstreamModel;
    auto codec = std::make_shared<AnthropicPivotCodec>(
        ImageDescriptions::describeRequest(image, vision.upstreamModel), provider.format,
        RequestOptions{vision.upstreamModel, vision.maxOutputTokens, provider.rules}, response,
        std::make_shared<AnthropicResponseEncoder>());
    UpstreamCall *call = m_client.post(provider.endpoint(format->messagesPath()),
                                       format->requestHeaders(provider.headers, provider.apiKey, clientRequest),
                                       codec->upstreamRequest().body, owner);
    auto body = std::make_shared<QByteArray>();
    const auto fail = [call, finished](const QString &why) {
        call->disconnect();
        call->deleteLater(); // we are inside one of its signals
        finished({{}, why});
    };
    QObject::connect(call, &UpstreamCall::dataReceived, call, [body, fail](const QByteArray &bytes) {
        *body += bytes;
        if (body->size() > maxAnswerBytes)
            fail(tr("its answer is larger than %1 bytes").arg(maxAnswerBytes));
    });
    QObject::connect(call, &UpstreamCall::failed, call,
                     [fail](UpstreamCall::Failure, const QString &message) { fail(message); });
    QObject::connect(call, &UpstreamCall::finished, call, [call, body, codec, format, fail, finished] {
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
        const QString description = ImageDescriptions::textOf(
            QJsonDocument::fromJson(codec->answer(answer, *body, false).bytes).object());
        if (description.isEmpty()) {
            fail(tr("the answer has no text"));
            return;
        }
        call->disconnect();
        call->deleteLater();
        finished({description, {}});
    });
}
