#include "websearchturn.h"

#include "protocol/anthropic/anthropicids.h"
#include "protocol/anthropic/messageevents.h"

#include <QJsonDocument>

namespace {
// Without the tool's max_uses, no turn searches more often than this.
constexpr int defaultMaxUses = 10;
// Rounds beyond the searches allowed: the model may call the function once too often.
constexpr int spareRounds = 2;

QString typeOf(const QJsonObject &object)
{
    return object.value(QLatin1StringView("type")).toString();
}

QJsonObject withIndex(QJsonObject event, int index)
{
    event[QStringLiteral("index")] = index;
    return event;
}

bool isFunctionCall(const QJsonObject &block)
{
    return typeOf(block) == QLatin1StringView("tool_use")
           && block.value(QLatin1StringView("name")).toString() == WebSearchRequest::functionName;
}

// A streamed block's delta added to the block, so the next round can send it back.
void accumulate(QJsonObject &block, QString &partialJson, const QJsonObject &delta)
{
    const QString type = typeOf(delta);
    const auto append = [&](const char *blockField, const char *deltaField) {
        const QLatin1StringView name(blockField);
        block[name] = QString(block.value(name).toString() + delta.value(QLatin1StringView(deltaField)).toString());
    };
    if (type == QLatin1StringView("text_delta"))
        append("text", "text");
    else if (type == QLatin1StringView("thinking_delta"))
        append("thinking", "thinking");
    else if (type == QLatin1StringView("signature_delta"))
        append("signature", "signature");
    else if (type == QLatin1StringView("input_json_delta"))
        partialJson += delta.value(QLatin1StringView("partial_json")).toString();
}

QJsonObject inputOf(const QString &partialJson)
{
    return QJsonDocument::fromJson(partialJson.toUtf8()).object();
}
}

WebSearchTurn::WebSearchTurn(QJsonObject clientRequest, WebSearchRequest::ServerTool tool,
                             std::shared_ptr<ResponseEncoder> client)
    : m_clientRequest(std::move(clientRequest))
    , m_tool(std::move(tool))
    , m_client(std::move(client))
{
}

int WebSearchTurn::usesLeft() const
{
    return (m_tool.maxUses > 0 ? m_tool.maxUses : defaultMaxUses) - m_searchesAsked;
}

QJsonObject WebSearchTurn::roundRequest() const
{
    QJsonObject request = WebSearchRequest::forUpstream(m_clientRequest, usesLeft() > 0);
    if (!m_conversation.isEmpty()) {
        QJsonArray messages = request.value(QLatin1StringView("messages")).toArray();
        for (const QJsonValue &message : m_conversation)
            messages.append(message);
        request.insert(QStringLiteral("messages"), messages);
        // A forced call was for the first round: the model must be free to answer now.
        const QString choice = typeOf(request.value(QLatin1StringView("tool_choice")).toObject());
        if (choice == QLatin1StringView("tool") || choice == QLatin1StringView("any"))
            request.remove(QStringLiteral("tool_choice"));
    }
    return request;
}

QJsonObject WebSearchTurn::searchCall(const QJsonObject &input)
{
    Search search;
    search.id = QStringLiteral("srv") + AnthropicIds::newToolUseId();
    search.query = input.value(QLatin1StringView("query")).toString().trimmed();
    if (search.query.isEmpty())
        search.decided = SearchOutcome::failure(QStringLiteral("invalid_tool_input"),
                                                QStringLiteral("the call has no query"));
    else if (usesLeft() <= 0)
        search.decided = SearchOutcome::failure(QStringLiteral("max_uses_exceeded"),
                                                QStringLiteral("the searches allowed for this answer are used up; "
                                                               "answer with what you found"));
    ++m_searchesAsked;
    m_pending << search;
    return {{QStringLiteral("type"), QStringLiteral("server_tool_use")},
            {QStringLiteral("id"), search.id},
            {QStringLiteral("name"), WebSearchRequest::functionName},
            {QStringLiteral("input"), QJsonObject{{QStringLiteral("query"), search.query}}}};
}

QByteArray WebSearchTurn::streamFrames(const QList<QJsonObject> &anthropicEvents)
{
    m_streaming = true;
    QList<QJsonObject> out;
    for (const QJsonObject &event : anthropicEvents)
        takeStreamEvent(event, out);
    return out.isEmpty() ? QByteArray() : m_client->streamFrames(out);
}

void WebSearchTurn::takeStreamEvent(const QJsonObject &event, QList<QJsonObject> &out)
{
    const QString type = typeOf(event);
    const int index = event.value(QLatin1StringView("index")).toInt();
    if (type == QLatin1StringView("message_start")) {
        m_round = RoundUsage::of(event.value(QLatin1StringView("message")).toObject().value(QLatin1StringView("usage")));
        if (!m_messageStarted)
            out << event;
        m_messageStarted = true;
    } else if (type == QLatin1StringView("content_block_start")) {
        const QJsonObject block = event.value(QLatin1StringView("content_block")).toObject();
        RoundBlock &slot = m_roundBlocks[index];
        slot.block = block;
        slot.isSearch = isFunctionCall(block);
        if (slot.isSearch)
            return; // the client sees the search once its query is whole
        slot.clientIndex = m_nextClientIndex++;
        m_roundCallsClientTools = m_roundCallsClientTools || typeOf(block) == QLatin1StringView("tool_use");
        out << withIndex(event, slot.clientIndex);
    } else if (type == QLatin1StringView("content_block_delta")) {
        RoundBlock &slot = m_roundBlocks[index];
        accumulate(slot.block, slot.partialJson, event.value(QLatin1StringView("delta")).toObject());
        if (!slot.isSearch)
            out << withIndex(event, slot.clientIndex);
    } else if (type == QLatin1StringView("content_block_stop")) {
        RoundBlock &slot = m_roundBlocks[index];
        if (typeOf(slot.block) == QLatin1StringView("tool_use"))
            slot.block[QStringLiteral("input")] = inputOf(slot.partialJson);
        if (!slot.isSearch) {
            out << withIndex(event, slot.clientIndex);
            return;
        }
        const QJsonObject call = searchCall(slot.block.value(QLatin1StringView("input")).toObject());
        slot.block[QStringLiteral("id")] = call.value(QLatin1StringView("id"));
        slot.clientIndex = m_nextClientIndex++;
        // The query goes in the input_json_delta, where Claude Code reads it.
        out << MessageEvents::ofBlock(slot.clientIndex, call);
    } else if (type == QLatin1StringView("message_delta")) {
        const QJsonObject delta = event.value(QLatin1StringView("delta")).toObject();
        m_stopReason = delta.value(QLatin1StringView("stop_reason")).toString();
        m_stopSequence = delta.value(QLatin1StringView("stop_sequence"));
        // Chat Completions upstreams count a stream's input only at its end.
        m_round.update(event.value(QLatin1StringView("usage")));
        m_total.add(m_round);
        m_round = {};
        if (m_pending.isEmpty())
            out << finalDelta();
    } else if (type == QLatin1StringView("message_stop")) {
        if (m_pending.isEmpty())
            out << event;
    } else {
        out << event;
    }
}

QByteArray WebSearchTurn::messageBody(const QJsonObject &anthropicMessage)
{
    if (m_message.isEmpty())
        m_message = anthropicMessage;
    m_total.add(RoundUsage::of(anthropicMessage.value(QLatin1StringView("usage"))));
    m_stopReason = anthropicMessage.value(QLatin1StringView("stop_reason")).toString();
    m_stopSequence = anthropicMessage.value(QLatin1StringView("stop_sequence"));
    int index = 0;
    for (const QJsonValue &value : anthropicMessage.value(QLatin1StringView("content")).toArray()) {
        RoundBlock &slot = m_roundBlocks[index++];
        slot.block = value.toObject();
        if (isFunctionCall(slot.block)) {
            const QJsonObject call = searchCall(slot.block.value(QLatin1StringView("input")).toObject());
            slot.block[QStringLiteral("id")] = call.value(QLatin1StringView("id"));
            m_clientContent.append(call);
            continue;
        }
        m_roundCallsClientTools = m_roundCallsClientTools || typeOf(slot.block) == QLatin1StringView("tool_use");
        m_clientContent.append(slot.block);
    }
    return m_pending.isEmpty() ? wholeAnswer() : QByteArray();
}

QByteArray WebSearchTurn::searched(const QString &id, const SearchOutcome &outcome)
{
    const auto search = std::find_if(m_pending.begin(), m_pending.end(), [&](const Search &pending) { return pending.id == id; });
    if (search == m_pending.end())
        return {};
    SearchOutcome kept = outcome;
    kept.results.removeIf([this](const SearchResult &result) { return !WebSearchRequest::allows(m_tool, result.url); });
    if (!outcome.failed() && !search->decided)
        ++m_searchesRun;

    QJsonValue content;
    if (kept.failed()) {
        content = QJsonObject{{QStringLiteral("type"), QStringLiteral("web_search_tool_result_error")},
                              {QStringLiteral("error_code"), kept.errorCode}};
    } else {
        QJsonArray results;
        for (const SearchResult &result : kept.results)
            results.append(WebSearchRequest::resultBlock(result));
        content = results;
    }
    const QJsonObject block{{QStringLiteral("type"), QStringLiteral("web_search_tool_result")},
                            {QStringLiteral("tool_use_id"), id},
                            {QStringLiteral("content"), content}};
    QJsonObject toolResult{{QStringLiteral("type"), QStringLiteral("tool_result")},
                           {QStringLiteral("tool_use_id"), id},
                           {QStringLiteral("content"), WebSearchRequest::resultText(search->query, kept)}};
    if (kept.failed())
        toolResult.insert(QStringLiteral("is_error"), true);
    m_toolResults.append(toolResult);

    QList<QJsonObject> out;
    if (m_streaming) {
        out << MessageEvents::ofBlock(m_nextClientIndex++, block);
    } else {
        m_clientContent.append(block);
    }
    if (++m_answered == m_pending.size())
        endRound(out);
    return out.isEmpty() ? QByteArray() : m_client->streamFrames(out);
}

void WebSearchTurn::endRound(QList<QJsonObject> &out)
{
    QJsonArray assistant;
    for (const RoundBlock &slot : std::as_const(m_roundBlocks))
        assistant.append(slot.block);
    m_conversation.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), assistant}});
    m_conversation.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), m_toolResults}});
    // A round that also called the client's tools ends the turn: the client runs them, and
    // sends the searches back with their results in the conversation.
    const int roundsAllowed = (m_tool.maxUses > 0 ? m_tool.maxUses : defaultMaxUses) + spareRounds;
    m_nextRound = m_stopReason == QLatin1StringView("tool_use") && !m_roundCallsClientTools && m_rounds < roundsAllowed;
    if (m_nextRound)
        return;
    m_pending.clear();
    if (m_streaming)
        out << finalDelta() << QJsonObject{{QStringLiteral("type"), QStringLiteral("message_stop")}};
}

void WebSearchTurn::beginNextRound()
{
    ++m_rounds;
    m_nextRound = false;
    m_roundBlocks.clear();
    m_pending.clear();
    m_answered = 0;
    m_toolResults = {};
    m_roundCallsClientTools = false;
}

WebSearchTurn::RoundUsage WebSearchTurn::RoundUsage::of(const QJsonValue &usage)
{
    RoundUsage counts;
    counts.update(usage);
    return counts;
}

void WebSearchTurn::RoundUsage::update(const QJsonValue &usage)
{
    const QJsonObject counts = usage.toObject();
    const auto take = [&counts](const char *name, qint64 &count) {
        const QJsonValue value = counts.value(QLatin1StringView(name));
        if (value.isDouble())
            count = value.toInteger();
    };
    take("input_tokens", input);
    take("output_tokens", output);
    take("cache_read_input_tokens", cacheRead);
}

void WebSearchTurn::RoundUsage::add(const RoundUsage &other)
{
    input += other.input;
    output += other.output;
    cacheRead += other.cacheRead;
}

QJsonObject WebSearchTurn::usageSoFar() const
{
    return {{QStringLiteral("input_tokens"), m_total.input},
            {QStringLiteral("output_tokens"), m_total.output},
            {QStringLiteral("cache_read_input_tokens"), m_total.cacheRead},
            {QStringLiteral("cache_creation_input_tokens"), 0},
            {QStringLiteral("server_tool_use"), QJsonObject{{QStringLiteral("web_search_requests"), m_searchesRun}}}};
}

QJsonObject WebSearchTurn::finalDelta() const
{
    return {{QStringLiteral("type"), QStringLiteral("message_delta")},
            {QStringLiteral("delta"), QJsonObject{{QStringLiteral("stop_reason"), m_stopReason},
                                                  {QStringLiteral("stop_sequence"), m_stopSequence}}},
            {QStringLiteral("usage"), usageSoFar()}};
}

QByteArray WebSearchTurn::wholeAnswer()
{
    QJsonObject message = m_message;
    message[QStringLiteral("content")] = m_clientContent;
    message[QStringLiteral("stop_reason")] = m_stopReason;
    message[QStringLiteral("stop_sequence")] = m_stopSequence;
    message[QStringLiteral("usage")] = usageSoFar();
    return m_client->messageBody(message);
}
