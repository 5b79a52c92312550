#include "websearcher.h"

#include "proxy/upstreamcall.h"

#include <memory>

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
    auto body = std::make_shared<QByteArray>();
    const SearchBackendKind kind = m_config.kind;
    const int maxResults = m_config.maxResults;
    const auto finish = [call, done](const SearchOutcome &outcome) {
        call->disconnect();
        call->deleteLater(); // we are inside one of its signals
        done(outcome);
    };
    QObject::connect(call, &UpstreamCall::dataReceived, call, [body, finish](const QByteArray &bytes) {
        *body += bytes;
        if (body->size() > maxAnswerBytes)
            finish(SearchOutcome::failure(QStringLiteral("unavailable"),
                                          tr("The search backend's answer is larger than %1 bytes.").arg(maxAnswerBytes)));
    });
    QObject::connect(call, &UpstreamCall::finished, call, [call, body, kind, maxResults, finish] {
        const int status = call->status();
        finish(status >= 200 && status < 300 ? SearchBackendApi::parse(kind, *body, maxResults)
                                             : SearchBackendApi::failureOf(kind, status, *body));
    });
    QObject::connect(call, &UpstreamCall::failed, call, [finish](UpstreamCall::Failure failure, const QString &message) {
        finish(SearchOutcome::failure(QStringLiteral("unavailable"),
                                      failure == UpstreamCall::Failure::Network
                                          ? tr("The search backend cannot be reached: %1").arg(message)
                                          : tr("The search backend did not answer in time: %1").arg(message)));
    });
}
