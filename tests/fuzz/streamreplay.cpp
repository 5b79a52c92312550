#include "streamreplay.h"

#include "anthropicstream.h"
#include "fuzzcheck.h"
#include "protocol/anthropic/anthropicresponseencoder.h"
#include "protocol/sseparser.h"
#include "protocol/upstreamformat.h"

ResponseOptions StreamReplay::options()
{
    ResponseOptions options;
    options.model = QStringLiteral("claude-sonnet-4-5");
    // A fixed id: the same input must give the same run.
    options.messageId = QStringLiteral("msg_fuzz");
    options.stopSequences = QStringList{QStringLiteral("\n\nHuman:")};
    options.inputTokenEstimate = 100;
    return options;
}

namespace {

// What the client is sent for `body`: the translator reads its events one by one, or (as the
// proxy reads them) each read's events as one burst.
QList<QJsonObject> translated(QByteArrayView body, UpstreamApi api, const ResponseOptions &options, bool inBursts)
{
    const std::unique_ptr<StreamTranslator> translator = UpstreamFormat::forApi(api).streamTranslator(options);
    QList<QJsonObject> sent;
    // True once the translator has ended the client's stream.
    const auto relay = [&](const QList<SseEvent> &events) {
        if (inBursts) {
            sent += translator->translateBurst(events);
            return translator->isFinished();
        }
        for (const SseEvent &event : events) {
            sent += translator->translate(event);
            if (translator->isFinished())
                return true;
        }
        return false;
    };
    SseParser parser;
    // Two reads, cut in the middle, so that a burst may end inside an event.
    const qsizetype cut = body.size() / 2;
    if (!relay(parser.feed(body.first(cut))) && !relay(parser.feed(body.sliced(cut))) && !relay(parser.finish())) {
        sent += translator->isComplete() ? translator->finish()
                                         : translator->fail(ApiError::fromStatus(502, QStringLiteral("cut short")));
    }
    return sent;
}

// The blocks without the tool_use ids, which calls parsed from text get afresh on every run.
QList<QJsonObject> withoutToolUseIds(QList<QJsonObject> content)
{
    for (QJsonObject &block : content)
        block.remove(QLatin1StringView("id"));
    return content;
}

bool sameMessage(const AnthropicStream::AssembledMessage &a, const AnthropicStream::AssembledMessage &b)
{
    return a.start == b.start && withoutToolUseIds(a.content) == withoutToolUseIds(b.content) && a.delta == b.delta
           && a.error == b.error && a.errorEvents == b.errorEvents;
}

} // namespace

void StreamReplay::replay(QByteArrayView body, UpstreamApi api, const ResponseOptions &options)
{
    const QList<QJsonObject> sent = translated(body, api, options, false);
    AnthropicResponseEncoder().streamFrames(sent);
    const QString problem = AnthropicStream::grammarProblem(sent);
    FuzzCheck::require(problem.isEmpty(), problem.toUtf8());

    const QList<QJsonObject> sentInBursts = translated(body, api, options, true);
    const QString burstProblem = AnthropicStream::grammarProblem(sentInBursts);
    FuzzCheck::require(burstProblem.isEmpty(), QByteArray("in bursts: " + burstProblem.toUtf8()));
    FuzzCheck::require(sameMessage(AnthropicStream::assemble(sentInBursts), AnthropicStream::assemble(sent)),
                       "the message read in bursts differs");
}
