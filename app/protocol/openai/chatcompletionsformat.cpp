#include "chatcompletionsformat.h"

#include "chatcompletion.h"
#include "chatrequesttranslator.h"
#include "chatresponsetranslator.h"
#include "chatstreamtranslator.h"

QJsonObject ChatCompletionsFormat::translateRequest(const QJsonObject &anthropicRequest, const RequestOptions &options) const
{
    return ChatRequestTranslator::translate(anthropicRequest, options);
}

std::unique_ptr<StreamTranslator> ChatCompletionsFormat::streamTranslator(const ResponseOptions &options) const
{
    return std::make_unique<ChatStreamTranslator>(options);
}

QJsonObject ChatCompletionsFormat::translateResponse(const QJsonObject &upstreamResponse, const ResponseOptions &options) const
{
    return ChatResponseTranslator::translate(upstreamResponse, options);
}

std::optional<TokenUsage> ChatCompletionsFormat::usageOf(const QJsonObject &upstreamResponse) const
{
    return ChatCompletion::usageOf(upstreamResponse);
}
