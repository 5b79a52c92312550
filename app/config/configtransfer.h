#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

class Settings;

// A configuration shared as a file, so that a team can pass a setup around: export writes what
// the proxy needs (never a key: the configuration holds none), import replaces it whole and
// keeps the importer's own app preferences (language, start at login).
class ConfigTransfer
{
    Q_DECLARE_TR_FUNCTIONS(ConfigTransfer)

public:
    // Why the file could not be written; nullopt when it was.
    static std::optional<QString> exportTo(const Settings &settings, const QString &path);
    // Every problem with the file; nothing is changed when there are any. A file that points a
    // provider whose key is in the keychain at another server is refused.
    static QStringList importFrom(Settings &settings, const QString &path);
};
