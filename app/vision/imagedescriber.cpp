#include "imagedescriber.h"

#include "imagedescriptions.h"

#include "protocol/anthropic/anthropicresponseencoder.h"
#include "protocol/anthropicpivotcodec.h"
#include "protocol/upstreamerror.h"
#include "protocol/upstreamformat.h"
#include "proxy/wholeanswer.h"

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
    WholeAnswer::collect(call, maxAnswerBytes, [codec, format, finished](const WholeAnswer &whole) {
        if (whole.tooLarge) {
            finished({{}, tr("its answer is larger than %1 bytes").arg(maxAnswerBytes)});
            return;
        }
        if (whole.failure) {
            finished({{}, whole.failureMessage});
            return;
        }
        const QJsonObject answer = QJsonDocument::fromJson(whole.body).object();
        std::optional<ApiError> error = whole.succeeded() ? format->errorIn(answer)
                                                          : UpstreamError::fromResponse(whole.status, whole.body);
        if (!error && answer.isEmpty())
            error = ApiError::fromStatus(502, tr("the answer is not JSON"));
        if (error) {
            finished({{}, error->message});
            return;
        }
        const QString description = ImageDescriptions::textOf(
            QJsonDocument::fromJson(codec->answer(answer, whole.body, false).bytes).object());
        if (description.isEmpty())
            finished({{}, tr("the answer has no text")});
        else
            finished({description, {}});
    });
}
