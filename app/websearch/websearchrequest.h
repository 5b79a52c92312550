#pragma once

#include "searchresult.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

// How a request that offers Anthropic's web search is put to a model that has none: the
// server tool becomes a `web_search` function the model can call, and the searches already in
// the conversation (server_tool_use and web_search_tool_result blocks a client sends back)
// become that function's calls and results. Pure.
namespace WebSearchRequest {

inline constexpr QLatin1StringView functionName("web_search");

// What the client's server tool asks for.
struct ServerTool
{
    int maxUses = 0; // 0: no limit
    QStringList allowedDomains;
    QStringList blockedDomains;
};

// The request's web_search_* server tool, if it has one.
std::optional<ServerTool> serverToolOf(const QJsonObject &request);

// The request with the server tool replaced by the function (or dropped when `offerFunction`
// is false: the turn's searches are used up) and the conversation's searches as function
// calls and results.
QJsonObject forUpstream(const QJsonObject &request, bool offerFunction);

// One search as the model reads it in the function's result.
QString resultText(const QString &query, const SearchOutcome &outcome);

// A result as it goes to the client: a web_search_result whose encrypted_content carries what
// the model read, so that a conversation sent back gives the model the same text.
QJsonObject resultBlock(const SearchResult &result);
// The results a web_search_tool_result block holds (the snippets of ones CC Bridge made).
SearchOutcome outcomeOf(const QJsonObject &resultBlock);

// Whether `url`'s host is allowed by the tool's domain lists (subdomains included).
bool allows(const ServerTool &tool, const QString &url);

} // namespace WebSearchRequest
