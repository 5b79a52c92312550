#pragma once

#include "../upstreamformat.h"

// OpenAI Chat Completions: /chat/completions with a Bearer key.
class ChatCompletionsFormat : public UpstreamFormat
{
public:
    QString messagesPath() const override { return QStringLiteral("/chat/completions"); }
    // Chat Completions has file parts, but only some providers read them.
    bool readsPdf(const ProviderRules &rules) const override { return rules.fileParts; }
    QJsonObject translateRequest(const QJsonObject &anthropicRequest, const RequestOptions &options) const override;
    std::unique_ptr<StreamTranslator> streamTranslator(const ResponseOptions &options) const override;
    QJsonObject translateResponse(const QJsonObject &upstreamResponse, const ResponseOptions &options) const override;
    std::optional<TokenUsage> usageOf(const QJsonObject &upstreamResponse) const override;
};
