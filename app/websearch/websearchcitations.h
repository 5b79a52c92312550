#pragma once

#include "searchresult.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

// A provider's own web search, as OpenAI-style answers report it: `annotations` of type
// url_citation on the message (OpenRouter's web plugin, OpenAI's search models). They become
// the blocks Anthropic's server tool gives, so that Claude Code sees the search it asked for
// and its sources. Pure.
namespace WebSearchCitations {

// The distinct pages cited, in order; empty when there are no url_citation annotations.
QList<SearchResult> resultsOf(const QJsonArray &annotations);

// A server_tool_use block (the provider does not say what it searched for, so the query is
// empty) and the web_search_tool_result with `results`.
QList<QJsonObject> blocksFor(const QList<SearchResult> &results);

// An Anthropic usage object with the searches counted, as usage.server_tool_use says them.
QJsonObject withSearches(QJsonObject usage, int searches);

} // namespace WebSearchCitations
