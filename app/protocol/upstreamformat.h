#pragma once

#include "anthropic/apierror.h"
#include "http/httpheaders.h"
#include "http/httprequest.h"
#include "providerrules.h"
#include "streamtranslator.h"
#include "tokenusage.h"
#include "upstreamapi.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

// One upstream API dialect: where Messages requests go, how they are authenticated and
// translated, and how the answers come back as Anthropic messages and events.
class UpstreamFormat
{
public:
    virtual ~UpstreamFormat() = default;

    static const UpstreamFormat &forApi(UpstreamApi api);

    // Appended to the provider's base URL for a Messages request.
    virtual QString messagesPath() const = 0;
    // Appended for the upstream's model list (GET).
    virtual QString modelsPath() const { return QStringLiteral("/models"); }
    // Appended for count_tokens, where the upstream counts itself; empty where it cannot.
    virtual QString countTokensPath() const { return {}; }
    virtual HttpHeaders authHeaders(const QString &apiKey) const;
    // Whether the upstream reads PDF documents sent inline.
    virtual bool readsPdf(const ProviderRules &) const { return true; }
    // Client request headers passed on unchanged (lower-case names).
    virtual QList<QByteArray> forwardedClientHeaders() const { return {}; }
    // Everything a request to the provider carries: the provider's own headers, the key, and
    // the client headers this format passes on.
    HttpHeaders requestHeaders(const HttpHeaders &providerHeaders, const QString &apiKey,
                               const HttpRequest &clientRequest) const;

    virtual QJsonObject translateRequest(const QJsonObject &anthropicRequest, const RequestOptions &options) const = 0;
    virtual std::unique_ptr<StreamTranslator> streamTranslator(const ResponseOptions &options) const = 0;
    virtual QJsonObject translateResponse(const QJsonObject &upstreamResponse, const ResponseOptions &options) const = 0;
    virtual std::optional<TokenUsage> usageOf(const QJsonObject &upstreamResponse) const = 0;
    // The error a whole answer that came with a success status reports, if it reports one.
    virtual std::optional<ApiError> errorIn(const QJsonObject &upstreamResponse) const;
};
