#include "toolnamemap.h"

#include <QCryptographicHash>
#include <QStringList>

#include <algorithm>

namespace {
bool isAllowed(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || c == u'_' || c == u'-';
}

QString withAllowedCharacters(const QString &name)
{
    QString result = name;
    for (QChar &c : result) {
        if (!isAllowed(c))
            c = u'_';
    }
    return result;
}

bool isServerTool(const QJsonObject &tool)
{
    const QJsonValue type = tool.value(QLatin1StringView("type"));
    return !type.isUndefined() && !type.isNull() && type.toString() != QLatin1StringView("custom");
}

QJsonObject withClientName(const QJsonObject &block, const ToolNameMap &map)
{
    if (block.value(QLatin1StringView("type")).toString() != QLatin1StringView("tool_use"))
        return block;
    QJsonObject restored = block;
    restored.insert(QStringLiteral("name"), map.toClient(block.value(QLatin1StringView("name")).toString()));
    return restored;
}
}

ToolNameMap ToolNameMap::forTools(const QJsonArray &anthropicTools, int maxLength,
                                  const QHash<QString, QString> &overrides)
{
    ToolNameMap map;
    map.m_maxLength = maxLength;

    QStringList names;
    for (const QJsonValue &value : anthropicTools) {
        const QJsonObject tool = value.toObject();
        const QJsonValue name = tool.value(QLatin1StringView("name"));
        if (name.isString() && !isServerTool(tool))
            names.append(name.toString());
    }
    // Sorted, so that the result depends on the set of names and not on the tools' order.
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());

    // The configured renames come first: the user asked for exactly these names.
    QStringList remaining;
    for (const QString &name : std::as_const(names)) {
        const QString wanted = overrides.value(name);
        if (!wanted.isEmpty() && !map.m_toClient.contains(wanted))
            map.insert(name, wanted);
        else
            remaining.append(name);
    }
    names = remaining;

    // Valid names come next: they are what the client and the model already agree on, and
    // in the usual case (Claude Code's own tools) the only names there are.
    QStringList invalid;
    for (const QString &name : std::as_const(names)) {
        if (map.isValid(name) && !map.m_toClient.contains(name))
            map.insert(name, name);
        else
            invalid.append(name);
    }

    // The readable rewrite when it is free and no other name shares it; names that share one
    // ("a.b" and "a/b") all get a hash, so neither wins by coming first.
    QHash<QString, int> plainUses;
    for (const QString &name : std::as_const(invalid))
        ++plainUses[map.plainRewrite(name)];
    QStringList clashing;
    for (const QString &name : std::as_const(invalid)) {
        const QString plain = map.plainRewrite(name);
        if (plainUses.value(plain) == 1 && !map.m_toClient.contains(plain))
            map.insert(name, plain);
        else
            clashing.append(name);
    }
    for (const QString &name : std::as_const(clashing))
        map.insert(name, map.freeHashedRewrite(name));
    return map;
}

QString ToolNameMap::toUpstream(const QString &name) const
{
    const auto known = m_toUpstream.constFind(name);
    if (known != m_toUpstream.constEnd())
        return *known;
    // A name from the history only: it must not pass for one of the offered tools.
    if (isValid(name) && !m_toClient.contains(name))
        return name;
    const QString plain = plainRewrite(name);
    return m_toClient.contains(plain) ? freeHashedRewrite(name) : plain;
}

QString ToolNameMap::toClient(const QString &upstreamName) const
{
    return m_toClient.value(upstreamName, upstreamName);
}

bool ToolNameMap::isIdentity() const
{
    for (auto it = m_toUpstream.constBegin(); it != m_toUpstream.constEnd(); ++it) {
        if (it.key() != it.value())
            return false;
    }
    return true;
}

QJsonObject ToolNameMap::restoreInEvent(const QJsonObject &anthropicEvent) const
{
    if (isIdentity()
        || anthropicEvent.value(QLatin1StringView("type")).toString() != QLatin1StringView("content_block_start"))
        return anthropicEvent;
    const QJsonObject block = anthropicEvent.value(QLatin1StringView("content_block")).toObject();
    QJsonObject restored = anthropicEvent;
    restored.insert(QStringLiteral("content_block"), withClientName(block, *this));
    return restored;
}

QJsonObject ToolNameMap::restoreInMessage(const QJsonObject &anthropicMessage) const
{
    const QJsonValue content = anthropicMessage.value(QLatin1StringView("content"));
    if (isIdentity() || !content.isArray())
        return anthropicMessage;
    QJsonArray blocks;
    const QJsonArray original = content.toArray();
    for (const QJsonValue &block : original)
        blocks.append(block.isObject() ? QJsonValue(withClientName(block.toObject(), *this)) : block);
    QJsonObject restored = anthropicMessage;
    restored.insert(QStringLiteral("content"), blocks);
    return restored;
}

bool ToolNameMap::isValid(const QString &name) const
{
    if (name.isEmpty() || (m_maxLength > 0 && name.size() > m_maxLength))
        return false;
    return std::all_of(name.cbegin(), name.cend(), isAllowed);
}

QString ToolNameMap::plainRewrite(const QString &name) const
{
    const QString allowed = withAllowedCharacters(name);
    if (allowed.isEmpty() || (m_maxLength > 0 && allowed.size() > m_maxLength))
        return hashedRewrite(name, 0);
    return allowed;
}

// The hash is of the original name, so two long names sharing their first 55 characters
// still differ. A further attempt adds a counter, for the (in practice impossible) case of
// two hashes sharing their first 8 digits.
QString ToolNameMap::hashedRewrite(const QString &name, int attempt) const
{
    const QByteArray hash = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha1).toHex();
    QString suffix = u'_' + QString::fromLatin1(hash.left(8));
    if (attempt > 0)
        suffix += u'_' + QString::number(attempt);
    const QString allowed = withAllowedCharacters(name);
    if (m_maxLength <= 0)
        return allowed + suffix;
    // With a limit too small for any prefix, the hash alone has to do.
    if (suffix.size() >= m_maxLength)
        return suffix.right(m_maxLength);
    return allowed.left(m_maxLength - suffix.size()) + suffix;
}

QString ToolNameMap::freeHashedRewrite(const QString &name) const
{
    // Candidates differ from one attempt to the next whenever the limit leaves room for the
    // suffix, so this ends within one attempt per name in the map.
    const qsizetype attempts = m_toClient.size() + 1;
    QString candidate = hashedRewrite(name, 0);
    for (int attempt = 1; attempt <= attempts && m_toClient.contains(candidate); ++attempt)
        candidate = hashedRewrite(name, attempt);
    return candidate;
}

void ToolNameMap::insert(const QString &name, const QString &upstreamName)
{
    m_toUpstream.insert(name, upstreamName);
    m_toClient.insert(upstreamName, name);
}
