#pragma once

#include "searchresult.h"

#include "http/httpheaders.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

#include <optional>

// The search services CC Bridge can run Anthropic's web search on.
enum class SearchBackendKind {
    None,
    SearXng, // a self-hosted SearXNG with its JSON format on; no key
    Brave,   // the Brave Search API; a subscription token
    Tavily,  // the Tavily search API; a tvly- key
};

namespace SearchBackendName {
QString of(SearchBackendKind kind);            // "searxng", "brave", "tavily"; empty for None
std::optional<SearchBackendKind> parse(const QString &name);
QStringList names();
// The service's own address, for the ones that have one; SearXNG is always self-hosted.
QUrl defaultUrl(SearchBackendKind kind);
}

struct SearchBackendConfig
{
    SearchBackendKind kind = SearchBackendKind::None;
    QUrl url;           // SearXNG's base URL; the API's endpoint for the others (empty: theirs)
    QString apiKey;     // never logged or shown
    int maxResults = 5; // per search
};

// How one backend is asked and how its answer reads: pure, no I/O.
class SearchBackendApi
{
    Q_DECLARE_TR_FUNCTIONS(SearchBackendApi)

public:
    struct Request
    {
        QByteArray method; // GET or POST
        QUrl url;
        HttpHeaders headers;
        QByteArray body;   // for POST
    };

    static Request requestFor(const SearchBackendConfig &config, const QString &query);
    // The results in a 2xx answer's body, at most `maxResults`, or a failure when it is not
    // the backend's JSON.
    static SearchOutcome parse(SearchBackendKind kind, const QByteArray &body, int maxResults);
    // A non-2xx answer as an outcome the model can read, with the backend's own words.
    static SearchOutcome failureOf(SearchBackendKind kind, int status, const QByteArray &body);
};
