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
