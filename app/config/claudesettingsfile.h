#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

// Claude Code's user settings file, edited so that only its `env` block (and, when asked, its
// `statusLine`) changes. The rest of the file (other keys, their order and formatting, line
// endings) is copied as it is: a user's hooks and permissions are theirs, and a re-serialised
// file would reorder them.
class ClaudeSettingsFile
{
    Q_DECLARE_TR_FUNCTIONS(ClaudeSettingsFile)

public:
    // ~/.claude/settings.json
    static QString defaultPath();

    // Merges `env` into the top-level "env" object of the file at settingsPath: our variables
    // are replaced, every other variable and key is kept. A non-empty `statusLine` becomes the
    // file's "statusLine" (replacing the one there). Creates the file (and its folder)
    // when missing. When the file exists, a byte-for-byte copy is written next to it first
    // (settings.json.ccbridge-backup-<yyyyMMdd-HHmmss>) and its path stored in backupPath.
    // Returns an error text, or nullopt on success. A file that cannot be read or is not a
    // JSON object is never touched. Nothing is written when the file already holds it all.
    static std::optional<QString> apply(const QString &settingsPath, const QJsonObject &env, QString *backupPath = nullptr,
                                        const QJsonObject &statusLine = {});

private:
    // The file's new text, or an error for text that is not a JSON object.
    static std::optional<QString> merge(const QByteArray &original, const QJsonObject &env, const QJsonObject &statusLine,
                                        const QString &displayPath, QByteArray *merged);
    static QString writeBackup(const QString &settingsPath, const QByteArray &original, QString *error);
};
