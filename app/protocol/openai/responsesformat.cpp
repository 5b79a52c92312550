#include "responsesformat.h"

#include "responsesrequesttranslator.h"
#include "responsesresponsetranslator.h"
#include "responsesstreamtranslator.h"

QJsonObject ResponsesFormat::translateRequest(const QJsonObject &anthropicRequest, const RequestOptions &options) const
{
    return ResponsesRequestTranslator::translate(anthropicRequest, options);
}

std::unique_ptr<StreamTranslator> ResponsesFormat::streamTranslator(const ResponseOptions &options) const
{
    return std::make_unique<ResponsesStreamTranslator>(options);
}

QJsonObject ResponsesFormat::translateResponse(const QJsonObject &upstreamResponse, const ResponseOptions &options) const
{
    return ResponsesResponseTranslator::translate(upstreamResponse, options);
}

std::optional<TokenUsage> ResponsesFormat::usageOf(const QJsonObject &upstreamResponse) const
{
    return ResponsesResponseTranslator::usageOf(upstreamResponse);
}

std::optional<ApiError> ResponsesFormat::errorIn(const QJsonObject &upstreamResponse) const
{
    // A Response always names `error`: null unless its status is "failed", when the object
    // says why, as a failed stream's response.failed event does.
    const QJsonValue error = upstreamResponse.value(QLatin1StringView("error"));
    if (error.isObject() || upstreamResponse.value(QLatin1StringView("status")).toString() == QLatin1StringView("failed"))
        return ResponsesResponseTranslator::errorFrom(error.toObject());
    return UpstreamFormat::errorIn(upstreamResponse);
}
