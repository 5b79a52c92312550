#include "websearcher.h"

#include "proxy/wholeanswer.h"

namespace {
// A backend's answer is a page of results; more than this is not one.
constexpr qsizetype maxAnswerBytes = 4 * 1024 * 1024;
}

WebSearcher::WebSearcher(SearchBackendConfig config, const UpstreamClient &client)
    : m_config(std::move(config))
    , m_client(client.withTimeouts(connectTimeoutMs, readTimeoutMs))
{
}

void WebSearcher::search(const QString &query, QObject *owner, std::function<void(const SearchOutcome &)> done) const
{
    const SearchBackendApi::Request request = SearchBackendApi::requestFor(m_config, query);
    UpstreamCall *call = request.method == "POST" ? m_client.post(request.url, request.headers, request.body, owner)
                                                  : m_client.get(request.url, request.headers, owner);
    const SearchBackendKind kind = m_config.kind;
    const int maxResults = m_config.maxResults;
    WholeAnswer::collect(call, maxAnswerBytes, [kind, maxResults, done](const WholeAnswer &answer) {
        if (answer.tooLarge)
            done(SearchOutcome::failure(QStringLiteral("unavailable"),
                                        tr("The search backend's answer is larger than %1 bytes.").arg(maxAnswerBytes)));
        else if (answer.failure)
            done(SearchOutcome::failure(QStringLiteral("unavailable"),
                                        *answer.failure == UpstreamCall::Failure::Network
                                            ? tr("The search backend cannot be reached: %1").arg(answer.failureMessage)
                                            : tr("The search backend did not answer in time: %1").arg(answer.failureMessage)));
        else
            done(answer.succeeded() ? SearchBackendApi::parse(kind, answer.body, maxResults)
                                    : SearchBackendApi::failureOf(kind, answer.status, answer.body));
    });
}
