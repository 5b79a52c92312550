#include "texttoolcallparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

namespace {
using ToolCall = TextToolCallParser::ToolCall;

constexpr QLatin1StringView toolCallOpen("<tool_call>");
constexpr QLatin1StringView toolCallClose("</tool_call>");
constexpr QLatin1StringView functionOpen("<function=");
constexpr QLatin1StringView functionClose("</function>");

void appendText(const QString &text, QList<TextToolCallParser::Segment> &segments)
{
    if (text.isEmpty())
        return;
    if (!segments.isEmpty() && !segments.last().toolCall)
        segments.last().text += text;
    else
        segments.append({text, std::nullopt});
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// A JSON value from text, if the whole text is one. QJsonDocument parses only objects and
// arrays, hence the brackets; "1, 2" gives two elements and stays text.
std::optional<QJsonValue> jsonValueOf(const QString &text)
{
    QJsonParseError error;
    QByteArray json = text.trimmed().toUtf8();
    json.prepend('[').append(']');
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        return std::nullopt;
    return document.array().first();
}

// An argument written as text: JSON where it parses as JSON (numbers, booleans, objects),
// else the string itself. Without the tool's schema this is the best guess there is.
QJsonValue argumentValueOf(const QString &text)
{
    return jsonValueOf(text).value_or(QJsonValue(text));
}

// A name as the model wrote it: one word, nothing that belongs to markup or prose.
bool isToolName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[^\\s<>{}\\[\\]\"',]+$"));
    return pattern.match(name).hasMatch();
}

// Hermes: {"name": …, "arguments": {…} or "<JSON text>"}; "parameters" as Llama writes it.
std::optional<ToolCall> hermesCallOf(const QJsonObject &object)
{
    const QString name = object.value(QLatin1StringView("name")).toString();
    if (!isToolName(name))
        return std::nullopt;
    QJsonValue arguments = object.value(QLatin1StringView("arguments"));
    if (arguments.isUndefined())
        arguments = object.value(QLatin1StringView("parameters"));
    QString text;
    if (arguments.isObject()) {
        text = compactJson(arguments.toObject());
    } else if (arguments.isString()) {
        text = arguments.toString();
    } else if (arguments.isUndefined() || arguments.isNull()) {
        text = QStringLiteral("{}");
    } else {
        // Not an object: passed on as written, for the tool's validation to reject.
        const QByteArray array = QJsonDocument(QJsonArray{arguments}).toJson(QJsonDocument::Compact);
        text = QString::fromUtf8(array.mid(1, array.size() - 2));
    }
    return ToolCall{name, text};
}

std::optional<QList<ToolCall>> hermesCallsOf(const QString &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        // Broken JSON with a readable name still makes a call: its arguments come back to
        // the model as {"_raw_arguments": …}, and the tool's error says what went wrong.
        static const QRegularExpression namePattern(
            QStringLiteral("^\\{\\s*\"name\"\\s*:\\s*\"([^\"\\\\]+)\""));
        const QRegularExpressionMatch match = namePattern.match(body);
        if (!match.hasMatch() || !isToolName(match.captured(1)))
            return std::nullopt;
        return QList<ToolCall>{{match.captured(1), body}};
    }
    // Some models put several calls in one tag as a list.
    const QJsonArray objects = document.isArray() ? document.array()
                                                  : QJsonArray{document.object()};
    QList<ToolCall> calls;
    for (const QJsonValue &value : objects) {
        const auto call = hermesCallOf(value.toObject());
        if (!call)
            return std::nullopt;
        calls.append(*call);
    }
    if (calls.isEmpty())
        return std::nullopt;
    return calls;
}

// The text between `open` and `close` from `from` on; `from` moves past the close tag.
std::optional<QString> takeBetween(const QString &text, QLatin1StringView open,
                                   QLatin1StringView close, qsizetype &from)
{
    const qsizetype start = text.indexOf(open, from);
    if (start < 0)
        return std::nullopt;
    const qsizetype end = text.indexOf(close, start + open.size());
    if (end < 0)
        return std::nullopt;
    from = end + close.size();
    return text.mid(start + open.size(), end - start - open.size());
}

// GLM: NAME, then <arg_key>k</arg_key><arg_value>v</arg_value> pairs.
std::optional<ToolCall> glmCallOf(const QString &body)
{
    const qsizetype firstTag = body.indexOf(QLatin1Char('<'));
    const QString name = body.left(firstTag).trimmed();
    if (!isToolName(name))
        return std::nullopt;
    QJsonObject arguments;
    qsizetype from = firstTag < 0 ? body.size() : firstTag;
    while (body.indexOf(QLatin1StringView("<arg_key>"), from) >= 0) {
        const auto key = takeBetween(body, QLatin1StringView("<arg_key>"),
                                     QLatin1StringView("</arg_key>"), from);
        const auto value = key ? takeBetween(body, QLatin1StringView("<arg_value>"),
                                             QLatin1StringView("</arg_value>"), from)
                               : std::nullopt;
        if (!value)
            return std::nullopt;
        arguments.insert(key->trimmed(), argumentValueOf(*value));
    }
    return ToolCall{name, compactJson(arguments)};
}

// Qwen3-Coder: <function=NAME><parameter=k>v</parameter>…</function>. Values sit on lines of
// their own, so one newline either side is layout; a missing </parameter> ends at the next tag.
std::optional<ToolCall> functionCallOf(const QString &markup)
{
    const qsizetype start = markup.indexOf(functionOpen);
    const qsizetype nameEnd = markup.indexOf(QLatin1Char('>'), start);
    if (start < 0 || nameEnd < 0)
        return std::nullopt;
    const QString name = markup.mid(start + functionOpen.size(), nameEnd - start - functionOpen.size())
                             .trimmed();
    if (!isToolName(name))
        return std::nullopt;
    qsizetype end = markup.indexOf(functionClose, nameEnd);
    if (end < 0)
        end = markup.size();

    QJsonObject arguments;
    const QLatin1StringView parameterOpen("<parameter=");
    const QLatin1StringView parameterClose("</parameter>");
    qsizetype from = markup.indexOf(parameterOpen, nameEnd);
    while (from >= 0 && from < end) {
        const qsizetype keyEnd = markup.indexOf(QLatin1Char('>'), from);
        if (keyEnd < 0 || keyEnd >= end)
            return std::nullopt;
        const QString key = markup.mid(from + parameterOpen.size(), keyEnd - from - parameterOpen.size())
                                .trimmed();
        qsizetype valueEnd = end;
        for (const QLatin1StringView tag : {parameterClose, parameterOpen}) {
            const qsizetype at = markup.indexOf(tag, keyEnd);
            if (at >= 0 && at < valueEnd)
                valueEnd = at;
        }
        QString value = markup.mid(keyEnd + 1, valueEnd - keyEnd - 1);
        if (value.startsWith(QLatin1Char('\n')))
            value.remove(0, 1);
        if (value.endsWith(QLatin1Char('\n')))
            value.chop(1);
        if (key.isEmpty())
            return std::nullopt;
        arguments.insert(key, argumentValueOf(value));
        from = markup.indexOf(parameterOpen, valueEnd);
    }
    return ToolCall{name, compactJson(arguments)};
}

// Where the first opening tag begins in text, whole or (at its end) still incomplete; -1 for
// none. As no tag holds a second `<`, an incomplete one is the shortest suffix worth holding.
qsizetype openingAt(QStringView text, QLatin1StringView &tag, bool &whole)
{
    for (qsizetype lt = text.indexOf(u'<'); lt >= 0; lt = text.indexOf(u'<', lt + 1)) {
        const QStringView rest = text.mid(lt);
        for (const QLatin1StringView candidate : {toolCallOpen, functionOpen}) {
            whole = rest.startsWith(candidate);
            if (whole || candidate.startsWith(rest)) {
                tag = candidate;
                return lt;
            }
        }
    }
    return -1;
}

// The calls in a whole <tool_call>…</tool_call>, or nullopt when it holds none that can be made.
std::optional<QList<ToolCall>> toolCallsOf(const QString &markup)
{
    const QString body =
        markup.mid(toolCallOpen.size(), markup.size() - toolCallOpen.size() - toolCallClose.size())
            .trimmed();
    if (body.startsWith(QLatin1Char('{')) || body.startsWith(QLatin1Char('[')))
        return hermesCallsOf(body);
    if (body.startsWith(functionOpen)) {
        if (const auto call = functionCallOf(body))
            return QList<ToolCall>{*call};
        return std::nullopt;
    }
    if (const auto call = glmCallOf(body))
        return QList<ToolCall>{*call};
    return std::nullopt;
}
}

QList<TextToolCallParser::Segment> TextToolCallParser::feed(const QString &delta)
{
    m_held += delta;
    QList<Segment> segments;
    while (!m_held.isEmpty()) {
        if (m_open != Markup::None) {
            if (!closeMarkup(segments))
                break;
            continue;
        }
        QLatin1StringView tag;
        bool whole = false;
        const qsizetype at = openingAt(m_held, tag, whole);
        if (at < 0) {
            release(m_held.size(), segments);
            break;
        }
        release(at, segments);
        if (!whole)
            break; // the start of a tag, held until the next delta decides
        m_open = tag == toolCallOpen ? Markup::ToolCall : Markup::Function;
        m_closingSearchFrom = tag.size();
    }
    return segments;
}

QList<TextToolCallParser::Segment> TextToolCallParser::finish()
{
    QList<Segment> segments;
    appendText(m_held, segments);
    m_held.clear();
    m_open = Markup::None;
    m_closingSearchFrom = 0;
    return segments;
}

void TextToolCallParser::release(qsizetype length, QList<Segment> &segments)
{
    appendText(m_held.left(length), segments);
    m_held.remove(0, length);
}

// Ends the open markup if its closing tag has arrived: its calls, or the markup as text when
// no call can be made of it. False while the closing tag is still to come.
bool TextToolCallParser::closeMarkup(QList<Segment> &segments)
{
    const QLatin1StringView closing = m_open == Markup::ToolCall ? toolCallClose : functionClose;
    const qsizetype at = m_held.indexOf(closing, m_closingSearchFrom);
    if (at < 0) {
        // Only the tail can still hold the start of the closing tag: long calls stay linear.
        m_closingSearchFrom = qMax(m_closingSearchFrom, m_held.size() - closing.size() + 1);
        return false;
    }
    const qsizetype length = at + closing.size();
    const QString markup = m_held.left(length);
    std::optional<QList<ToolCall>> calls;
    if (m_open == Markup::ToolCall) {
        calls = toolCallsOf(markup);
    } else if (const auto call = functionCallOf(markup)) {
        calls = QList<ToolCall>{*call};
    }
    if (calls) {
        for (const ToolCall &call : std::as_const(*calls))
            segments.append({QString(), call});
    } else {
        appendText(markup, segments);
    }
    m_held.remove(0, length);
    m_open = Markup::None;
    m_closingSearchFrom = 0;
    return true;
}
