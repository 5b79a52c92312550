#include "anthropicstream.h"
#include "fuzzcheck.h"
#include "protocol/anthropic/anthropicresponseencoder.h"
#include "protocol/sseparser.h"
#include "protocol/upstreamformat.h"
#include "streamreplay.h"
#include "testdata.h"
#include "websearch/websearchturn.h"

#include <QJsonDocument>

// A web search turn over a Chat Completions stream, as ProxyExchange runs it: the input is the
// first round (its calls of web_search are searches, any others the client's tools), each
// search gets an outcome the input picks (results, nothing, a failure), and every further round
// the turn asks for is a short answer. What the client gets must follow Anthropic's event
// grammar, and the turn must end.
namespace {

const QByteArray answerRound = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Found it.\"}}]}\n\n"
                               "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                               "data: [DONE]\n\n";

// One round through the translator and the turn; false when the upstream's stream was cut
// short (the exchange then ends the client's stream with the error, and searches nothing).
bool relayRound(WebSearchTurn &turn, QByteArrayView body, QByteArray &client)
{
    const std::unique_ptr<StreamTranslator> translator =
        UpstreamFormat::forApi(UpstreamApi::OpenAiChat).streamTranslator(StreamReplay::options());
    SseParser parser;
    const auto relay = [&](const QList<SseEvent> &events) {
        client += turn.streamFrames(translator->translateBurst(events));
        return translator->isFinished();
    };
    if (relay(parser.feed(body)) || relay(parser.finish()))
        return true;
    if (translator->isComplete()) {
        client += turn.streamFrames(translator->finish());
        return true;
    }
    client += turn.streamFrames(translator->fail(ApiError::fromStatus(502, QStringLiteral("cut short"))));
    return false;
}

SearchOutcome outcomeFor(qsizetype choice)
{
    switch (choice % 3) {
    case 0:
        return {{SearchResult{QStringLiteral("A page"), QStringLiteral("https://example.org/a"), QStringLiteral("An extract."),
                              QStringLiteral("2026-01-01")}},
                {}, {}};
    case 1:
        return {};
    default:
        return SearchOutcome::failure(QStringLiteral("unavailable"), QStringLiteral("the backend is down"));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView body(data, qsizetype(size));
    const QJsonObject request = TestData::messagesRequest(
        {{QStringLiteral("stream"), true},
         {QStringLiteral("tools"), TestData::singleQuotedArray("[{'type':'web_search_20250305','name':'web_search','max_uses':2}]")}});
    WebSearchTurn turn(request, *WebSearchRequest::serverToolOf(request), std::make_shared<AnthropicResponseEncoder>());
    QByteArray client;
    bool going = relayRound(turn, body, client);
    for (int step = 0; going && (turn.searching() || turn.hasNextRound()); ++step) {
        FuzzCheck::require(step < 64, "the turn does not end");
        if (turn.searching()) {
            const QList<WebSearchTurn::Search> pending = turn.pendingSearches();
            for (qsizetype i = 0; i < pending.size(); ++i) {
                const WebSearchTurn::Search &search = pending.at(i);
                client += turn.searched(search.id, search.decided.value_or(outcomeFor(size + i)));
            }
            continue;
        }
        turn.beginNextRound();
        FuzzCheck::require(turn.roundRequest().value(QLatin1StringView("messages")).isArray(), "a round without messages");
        going = relayRound(turn, answerRound, client);
    }

    SseParser parser;
    QList<QJsonObject> events;
    for (const SseEvent &event : parser.feed(client))
        events << QJsonDocument::fromJson(event.data).object();
    const QString problem = AnthropicStream::grammarProblem(events);
    FuzzCheck::require(problem.isEmpty(), problem.toUtf8());
    return 0;
}
