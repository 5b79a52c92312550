#pragma once

#include "../upstreamformat.h"

// The OpenAI Responses API: /responses with a Bearer key; reasoning effort and summaries
// travel natively.
class ResponsesFormat : public UpstreamFormat
{
public:
    QString messagesPath() const override { return QStringLiteral("/responses"); }
    QJsonObject translateRequest(const QJsonObject &anthropicRequest, const RequestOptions &options) const override;
    std::unique_ptr<StreamTranslator> streamTranslator(const ResponseOptions &options) const override;
    QJsonObject translateResponse(const QJsonObject &upstreamResponse, const ResponseOptions &options) const override;
    std::optional<TokenUsage> usageOf(const QJsonObject &upstreamResponse) const override;
    std::optional<ApiError> errorIn(const QJsonObject &upstreamResponse) const override;
};
