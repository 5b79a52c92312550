#include "claudesettingsfile.h"

#include <algorithm>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

namespace {

// The scanner below only walks text that QJsonDocument has already accepted, so it can rely
// on the text being well formed and only needs to find where members start and end.

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

qsizetype skipSpace(const QByteArray &text, qsizetype i)
{
    while (i < text.size() && isJsonSpace(text.at(i)))
        ++i;
    return i;
}

// i is at the opening quote; returns the index after the closing one.
qsizetype skipString(const QByteArray &text, qsizetype i)
{
    for (++i; i < text.size(); ++i) {
        if (text.at(i) == '\\')
            ++i;
        else if (text.at(i) == '"')
            return i + 1;
    }
    return i;
}

qsizetype skipValue(const QByteArray &text, qsizetype i)
{
    if (i >= text.size())
        return i;
    if (text.at(i) == '"')
        return skipString(text, i);
    if (text.at(i) == '{' || text.at(i) == '[') {
        int depth = 0;
        while (i < text.size()) {
            const char c = text.at(i);
            if (c == '"') {
                i = skipString(text, i);
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return i + 1;
            ++i;
        }
        return i;
    }
    while (i < text.size() && !isJsonSpace(text.at(i)) && text.at(i) != ',' && text.at(i) != '}' && text.at(i) != ']')
        ++i;
    return i;
}

struct Member
{
    QString key;
    qsizetype keyStart = 0;
    qsizetype keyEnd = 0;
    qsizetype valueStart = 0;
    qsizetype valueEnd = 0;
};

QString decodeString(const QByteArray &quoted)
{
    return QJsonDocument::fromJson('[' + quoted + ']').array().at(0).toString();
}

QByteArray encodeValue(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// The members of the object whose '{' is at `open`; `close` receives the index of its '}'.
QList<Member> objectMembers(const QByteArray &text, qsizetype open, qsizetype *close)
{
    QList<Member> members;
    qsizetype i = skipSpace(text, open + 1);
    while (i < text.size() && text.at(i) == '"') {
        Member member;
        member.keyStart = i;
        member.keyEnd = skipString(text, i);
        member.key = decodeString(text.mid(member.keyStart, member.keyEnd - member.keyStart));
        i = skipSpace(text, member.keyEnd) + 1; // past ':'
        member.valueStart = skipSpace(text, i);
        member.valueEnd = skipValue(text, member.valueStart);
        members << member;
        i = skipSpace(text, member.valueEnd);
        if (i < text.size() && text.at(i) == ',')
            i = skipSpace(text, i + 1);
    }
    *close = i;
    return members;
}

QByteArray slice(const QByteArray &text, qsizetype from, qsizetype to)
{
    return text.mid(from, to - from);
}

// The indentation the file already uses, taken from its first member; two spaces like
// Claude Code writes when there is nothing to go by.
QByteArray indentUnit(const QByteArray &text, const QList<Member> &members)
{
    if (!members.isEmpty()) {
        const qsizetype lineStart = text.lastIndexOf('\n', members.first().keyStart) + 1;
        const QByteArray indent = slice(text, lineStart, members.first().keyStart);
        if (lineStart > 0 && !indent.isEmpty() && indent.count(' ') + indent.count('\t') == indent.size())
            return indent;
    }
    return QByteArrayLiteral("  ");
}

// An object written member per line, one indent deeper than the top level's members.
QByteArray objectBlock(const QList<QPair<QByteArray, QByteArray>> &entries, const QByteArray &newline, const QByteArray &indent)
{
    QByteArray block = "{";
    for (qsizetype i = 0; i < entries.size(); ++i) {
        block += newline + indent + indent + entries.at(i).first + ": " + entries.at(i).second;
        if (i + 1 < entries.size())
            block += ',';
    }
    if (!entries.isEmpty())
        block += newline + indent;
    return block + '}';
}

} // namespace

QString ClaudeSettingsFile::defaultPath()
{
    return QDir::homePath() + QStringLiteral("/.claude/settings.json");
}

std::optional<QString> ClaudeSettingsFile::merge(const QByteArray &original, const QJsonObject &env,
                                                 const QJsonObject &statusLine, const QString &displayPath, QByteArray *merged)
{
    // An editor's byte order mark is kept but is no part of the JSON.
    const QByteArray bom = original.startsWith("\xEF\xBB\xBF") ? original.left(3) : QByteArray();
    const QByteArray text = original.mid(bom.size());
    const QByteArray newline = text.contains("\r\n") ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");

    QJsonObject expected;
    qsizetype open = -1;
    if (!text.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            const auto line = text.left(parseError.offset).count('\n') + 1;
            return tr("%1 is not valid JSON (line %2: %3), so it was left unchanged.")
                .arg(displayPath)
                .arg(line)
                .arg(parseError.errorString());
        }
        if (!document.isObject())
            return tr("%1 does not hold a JSON object, so it was left unchanged.").arg(displayPath);
        expected = document.object();
        if (expected.contains(QLatin1StringView("env")) && !expected.value(QLatin1StringView("env")).isObject())
            return tr("The \"env\" entry of %1 is not an object, so the file was left unchanged.").arg(displayPath);
        open = skipSpace(text, 0);
    }

    QJsonObject expectedEnv = expected.value(QLatin1StringView("env")).toObject();
    for (auto it = env.begin(); it != env.end(); ++it)
        expectedEnv.insert(it.key(), it.value());
    expected.insert(QStringLiteral("env"), expectedEnv);
    if (!statusLine.isEmpty())
        expected.insert(QStringLiteral("statusLine"), statusLine);

    qsizetype close = 0;
    const QList<Member> members = open >= 0 ? objectMembers(text, open, &close) : QList<Member>();
    const QByteArray indent = indentUnit(text, members);

    // Claude Code, like any JavaScript reader, takes the last of duplicate keys.
    const auto lastMember = [&members](QLatin1StringView key) -> const Member * {
        const Member *found = nullptr;
        for (const Member &member : members) {
            if (member.key == key)
                found = &member;
        }
        return found;
    };
    const Member *envMember = lastMember(QLatin1StringView("env"));

    // The env block keeps its variables' order and spelling; ours replace values in place
    // and new ones follow.
    QList<QPair<QByteArray, QByteArray>> entries;
    QStringList written;
    if (envMember) {
        qsizetype envClose = 0;
        for (const Member &variable : objectMembers(text, envMember->valueStart, &envClose)) {
            const bool ours = env.contains(variable.key);
            entries.append({slice(text, variable.keyStart, variable.keyEnd),
                            ours ? encodeValue(env.value(variable.key)) : slice(text, variable.valueStart, variable.valueEnd)});
            if (ours)
                written << variable.key;
        }
    }
    for (auto it = env.begin(); it != env.end(); ++it) {
        if (!written.contains(it.key()))
            entries.append({encodeValue(it.key()), encodeValue(it.value())});
    }

    // Each top-level value we set replaces the old one where it stands, or is added at the end.
    struct Replacement
    {
        const Member *member;
        QByteArray key;
        QByteArray value;
    };
    QList<Replacement> replacements{{envMember, "\"env\"", objectBlock(entries, newline, indent)}};
    if (!statusLine.isEmpty()) {
        QList<QPair<QByteArray, QByteArray>> fields;
        for (auto it = statusLine.begin(); it != statusLine.end(); ++it)
            fields.append({encodeValue(it.key()), encodeValue(it.value())});
        replacements.append({lastMember(QLatin1StringView("statusLine")), "\"statusLine\"", objectBlock(fields, newline, indent)});
    }
    QByteArray added;
    for (const Replacement &replacement : std::as_const(replacements)) {
        if (!replacement.member)
            added += (added.isEmpty() ? QByteArray() : ',' + newline) + indent + replacement.key + ": " + replacement.value;
    }
    QByteArray result = text;
    if (open < 0)
        result = "{" + newline + added + newline + "}" + newline;
    else if (members.isEmpty())
        result = text.left(open + 1) + newline + added + newline + text.mid(close);
    else if (!added.isEmpty())
        result.insert(members.last().valueEnd, ',' + newline + added);
    // Replaced from the end, so that the positions of the others still hold.
    std::sort(replacements.begin(), replacements.end(), [](const Replacement &a, const Replacement &b) {
        return (a.member ? a.member->valueStart : -1) > (b.member ? b.member->valueStart : -1);
    });
    for (const Replacement &replacement : std::as_const(replacements)) {
        if (replacement.member)
            result.replace(replacement.member->valueStart, replacement.member->valueEnd - replacement.member->valueStart,
                           replacement.value);
    }

    // The splice relies on the scanner; a second parse proves it kept everything else.
    if (QJsonDocument::fromJson(result).object() != expected)
        return tr("CC Bridge could not merge its settings into %1, so it was left unchanged.").arg(displayPath);
    *merged = bom + result;
    return std::nullopt;
}

QString ClaudeSettingsFile::writeBackup(const QString &settingsPath, const QByteArray &original, QString *error)
{
    const QFileDevice::Permissions permissions = QFileInfo(settingsPath).permissions();
    const QString stem = settingsPath + QStringLiteral(".ccbridge-backup-")
                         + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    // Two applies within a second must not overwrite the first backup.
    for (int attempt = 1; attempt < 100; ++attempt) {
        const QString path = attempt == 1 ? stem : stem + QLatin1Char('-') + QString::number(attempt);
        if (QFileInfo::exists(path))
            continue;
        // Saved whole or not at all, like the settings themselves: a crash must not leave a
        // torn copy that passes for the backup. The settings may hold secrets, so the copy is
        // never more readable than the original.
        QSaveFile backup(path);
        if (!backup.open(QIODevice::WriteOnly) || !backup.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || backup.write(original) != original.size() || !backup.commit()) {
            *error = tr("Could not write the backup %1 (%2), so %3 was left unchanged.")
                         .arg(QDir::toNativeSeparators(path), backup.errorString(), QDir::toNativeSeparators(settingsPath));
            return {};
        }
        QFile::setPermissions(path, permissions);
        return path;
    }
    *error = tr("Too many backups of %1 were made this second; try again.").arg(QDir::toNativeSeparators(settingsPath));
    return {};
}

std::optional<QString> ClaudeSettingsFile::apply(const QString &settingsPath, const QJsonObject &env, QString *backupPath,
                                                 const QJsonObject &statusLine)
{
    if (backupPath)
        backupPath->clear();
    const QString displayPath = QDir::toNativeSeparators(settingsPath);
    if (settingsPath.isEmpty())
        return tr("No settings file was given.");

    // A settings.json kept in a dotfiles repository and linked in stays a link: the write
    // goes to its target.
    const QFileInfo info(settingsPath);
    const QString target = info.isSymLink() ? info.symLinkTarget() : settingsPath;
    const bool exists = info.exists();
    if (exists && !info.isFile())
        return tr("%1 is not a file, so it was left unchanged.").arg(displayPath);

    QByteArray original;
    if (exists) {
        QFile file(target);
        if (!file.open(QIODevice::ReadOnly))
            return tr("Could not read %1 (%2), so it was left unchanged.").arg(displayPath, file.errorString());
        original = file.readAll();
        if (file.error() != QFileDevice::NoError)
            return tr("Could not read %1 (%2), so it was left unchanged.").arg(displayPath, file.errorString());
    }

    QByteArray merged;
    if (const std::optional<QString> error = merge(original, env, statusLine, displayPath, &merged))
        return error;
    if (exists && merged == original)
        return std::nullopt;

    QString backup;
    if (exists) {
        QString error;
        backup = writeBackup(settingsPath, original, &error);
        if (backup.isEmpty())
            return error;
    } else if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
        return tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(QFileInfo(target).absolutePath()));
    }

    // QSaveFile gives the new file the old one's permissions; a new file holds the proxy
    // token, so only its owner may read it.
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Could not write %1 (%2).").arg(displayPath, file.errorString());
    if (!exists)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(merged);
    if (!file.commit())
        return tr("Could not write %1 (%2).").arg(displayPath, file.errorString());
    if (backupPath)
        *backupPath = backup;
    return std::nullopt;
}
