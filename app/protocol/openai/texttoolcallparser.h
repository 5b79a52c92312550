#pragma once

#include <QList>
#include <QString>

#include <optional>

// Finds the tool calls a model writes as text in its answer, for upstreams that pass the
// model's raw output on (a vLLM, SGLang or llama.cpp server started without a tool parser,
// some gateways). Three spellings are understood:
//   Hermes, Qwen 2.5/3:  <tool_call>{"name": "f", "arguments": {"k": "v"}}</tool_call>
//   GLM-4.5/4.6:         <tool_call>f<arg_key>k</arg_key><arg_value>v</arg_value></tool_call>
//   Qwen3-Coder:         <function=f><parameter=k>v</parameter></function>
//                        (usually inside <tool_call>…</tool_call>)
//
// Incremental and pure: fed the answer's text deltas in order, it returns what may be shown
// now and the calls completed so far, in the order the model wrote them. It holds back only
// what may still turn out to be markup: the shortest suffix that could begin an opening tag
// ("<tool" is held, "<b>" is not), or a call whose closing tag has not arrived.
class TextToolCallParser
{
public:
    struct ToolCall
    {
        QString name;
        QString arguments; // a JSON object as text, like OpenAI's function.arguments
    };

    // Text to show, or (when toolCall is set) a completed call.
    struct Segment
    {
        QString text;
        std::optional<ToolCall> toolCall;
    };

    // The next delta of the answer's text.
    QList<Segment> feed(const QString &delta);
    // The answer is complete: releases what was held. An unclosed call cannot be made from a
    // fragment, so it is shown as the text it is. The parser starts afresh afterwards.
    QList<Segment> finish();

private:
    enum class Markup { None, ToolCall, Function };

    void release(qsizetype length, QList<Segment> &segments);
    bool closeMarkup(QList<Segment> &segments);

    QString m_held;                   // undecided text: a possible tag start, or open markup
    Markup m_open = Markup::None;     // the markup m_held begins with, once it is certain
    qsizetype m_closingSearchFrom = 0; // where in m_held the closing tag may still start
};
