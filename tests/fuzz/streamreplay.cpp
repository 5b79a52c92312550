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

void StreamReplay::replay(QByteArrayView body, UpstreamApi api, const ResponseOptions &options)
{
    const std::unique_ptr<StreamTranslator> translator = UpstreamFormat::forApi(api).streamTranslator(options);
    QList<QJsonObject> sent;
    // True once the translator has ended the client's stream.
    const auto relay = [&](const QList<SseEvent> &events) {
        for (const SseEvent &event : events) {
            sent += translator->translate(event);
            if (translator->isFinished())
                return true;
        }
        return false;
    };
    SseParser parser;
    if (!relay(parser.feed(body)) && !relay(parser.finish())) {
        sent += translator->isComplete() ? translator->finish()
                                         : translator->fail(ApiError::fromStatus(502, QStringLiteral("cut short")));
    }
    AnthropicResponseEncoder().streamFrames(sent);
    const QString problem = AnthropicStream::grammarProblem(sent);
    FuzzCheck::require(problem.isEmpty(), problem.toUtf8());
}
