#include "recurringjsonparser.h"

#include <QJsonObject>
#include <QSet>

#include <optional>

namespace {
struct MemberSpan
{
    QByteArrayView key; // with its quotes
    QByteArrayView value;
};

// Finds where each member of a top-level object starts and ends, without parsing the values.
// It only follows strings and bracket depth; whatever it does not understand (or any text
// that is not a plain object) is left to QJsonDocument, which parses every byte that has not
// been parsed before anyway.
class TopLevelScanner
{
public:
    explicit TopLevelScanner(QByteArrayView text) : m_text(text) {}

    std::optional<QList<MemberSpan>> members()
    {
        QList<MemberSpan> members;
        if (!expect('{'))
            return std::nullopt;
        if (expect('}'))
            return atEnd() ? std::optional(members) : std::nullopt;
        do {
            skipSpace();
            const qsizetype keyStart = m_pos;
            if (!skipString())
                return std::nullopt;
            const QByteArrayView key = m_text.sliced(keyStart, m_pos - keyStart);
            if (!expect(':'))
                return std::nullopt;
            skipSpace();
            const qsizetype valueStart = m_pos;
            if (!skipValue())
                return std::nullopt;
            members.append({key, m_text.sliced(valueStart, m_pos - valueStart)});
        } while (expect(','));
        if (!expect('}') || !atEnd())
            return std::nullopt;
        return members;
    }

private:
    static bool isSpace(char character)
    {
        return character == ' ' || character == '\n' || character == '\r' || character == '\t';
    }

    static bool endsScalar(char character)
    {
        return character == ',' || character == '}' || isSpace(character);
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && isSpace(m_text[m_pos]))
            ++m_pos;
    }

    bool expect(char character)
    {
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == character) {
            ++m_pos;
            return true;
        }
        return false;
    }

    bool atEnd()
    {
        skipSpace();
        return m_pos == m_text.size();
    }

    // At an opening quote: moves past the closing one.
    bool skipString()
    {
        if (m_pos >= m_text.size() || m_text[m_pos] != '"')
            return false;
        for (++m_pos; m_pos < m_text.size(); ++m_pos) {
            if (m_text[m_pos] == '\\')
                ++m_pos;
            else if (m_text[m_pos] == '"')
                return ++m_pos, true;
        }
        return false;
    }

    bool skipValue()
    {
        if (m_pos >= m_text.size())
            return false;
        const char first = m_text[m_pos];
        if (first == '"')
            return skipString();
        if (first != '{' && first != '[') { // a number or a literal ends where the member does
            const qsizetype start = m_pos;
            while (m_pos < m_text.size() && !endsScalar(m_text[m_pos]))
                ++m_pos;
            return m_pos > start;
        }
        int depth = 0;
        while (m_pos < m_text.size()) {
            const char character = m_text[m_pos];
            if (character == '"') {
                if (!skipString())
                    return false;
                continue;
            }
            ++m_pos;
            if (character == '{' || character == '[')
                ++depth;
            else if ((character == '}' || character == ']') && --depth == 0)
                return true;
        }
        return false;
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

// The member's name, or nullopt when it holds an escape (left to the full parse).
std::optional<QString> plainKey(QByteArrayView quoted)
{
    const QByteArrayView key = quoted.sliced(1, quoted.size() - 2);
    if (key.contains('\\'))
        return std::nullopt;
    return QString::fromUtf8(key);
}
} // namespace

QJsonDocument RecurringJsonParser::parse(const QByteArray &json, QJsonParseError *error)
{
    const auto members = TopLevelScanner(json).members();
    if (!members)
        return QJsonDocument::fromJson(json, error);

    // The values parsed before are taken as they were; the others are parsed together. Every
    // name is parsed, a recalled value's with a null in its place, so a name Qt refuses (a
    // control character, invalid UTF-8) fails the body as it would in a full parse.
    QByteArray fresh = "{";
    fresh.reserve(json.size() + 1);
    QList<std::pair<QString, QJsonValue>> recalled;
    QList<std::pair<QString, QByteArrayView>> toRemember;
    QSet<QString> keys;
    for (const MemberSpan &member : *members) {
        const std::optional<QString> key = plainKey(member.key);
        if (!key || keys.contains(*key)) // the full parse decides what a repeated name means
            return QJsonDocument::fromJson(json, error);
        keys.insert(*key);
        std::optional<QJsonValue> recalledValue;
        if (Remembered::isWorthRemembering(member.value.size())) {
            recalledValue = m_remembered.recall(member.value);
            if (recalledValue)
                recalled.append({*key, *recalledValue});
            else
                toRemember.append({*key, member.value});
        }
        if (fresh.size() > 1)
            fresh += ',';
        fresh.append(member.key).append(':').append(recalledValue ? QByteArrayView("null") : member.value);
    }
    fresh += '}';

    QJsonParseError freshError;
    QJsonDocument document = QJsonDocument::fromJson(fresh, &freshError);
    if (freshError.error != QJsonParseError::NoError) // the error and its offset as the whole body has them
        return QJsonDocument::fromJson(json, error);
    QJsonObject object = document.object();
    for (const auto &[key, value] : std::as_const(recalled))
        object.insert(key, value);
    for (const auto &[key, value] : std::as_const(toRemember))
        m_remembered.remember(value.toByteArray(), object.value(key), value.size());
    if (error)
        *error = freshError;
    return QJsonDocument(object);
}
