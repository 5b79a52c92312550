#pragma once

#include "searchbackendapi.h"

#include "proxy/upstreamclient.h"

#include <QCoreApplication>

#include <functional>

class QObject;

// Runs searches on the configured backend, over the proxy's own HTTP client (its TLS, its
// proxies, its pool), with timeouts of its own: a search is a short wait inside a request.
class WebSearcher
{
    Q_DECLARE_TR_FUNCTIONS(WebSearcher)

public:
    static constexpr int connectTimeoutMs = 10'000;
    static constexpr int readTimeoutMs = 20'000;

    WebSearcher(SearchBackendConfig config, const UpstreamClient &client);

    bool isConfigured() const { return m_config.kind != SearchBackendKind::None; }
    QString backendName() const { return SearchBackendName::of(m_config.kind); }
    // Searches for `query` and calls `done` with the outcome, later, unless `owner` is gone
    // by then: the search belongs to it.
    void search(const QString &query, QObject *owner, std::function<void(const SearchOutcome &)> done) const;

private:
    SearchBackendConfig m_config;
    UpstreamClient m_client;
};
