#pragma once

#include <QList>
#include <QString>

// One page a search backend found, in the terms Anthropic's web_search_result uses.
struct SearchResult
{
    QString title;
    QString url;
    QString snippet;  // what the page says about the query; the model reads it
    QString pageAge;  // when the page was published, as the backend says it; may be empty

    friend bool operator==(const SearchResult &, const SearchResult &) = default;
};

// What one search came to: results, or an error in Anthropic's web_search_tool_result_error
// terms (error_code) with a sentence for the model and the request log.
struct SearchOutcome
{
    QList<SearchResult> results;
    QString errorCode; // empty on success: unavailable, invalid_tool_input, max_uses_exceeded, …
    QString errorMessage;

    bool failed() const { return !errorCode.isEmpty(); }
    static SearchOutcome failure(const QString &code, const QString &message) { return {{}, code, message}; }
};
