#pragma once

#include <QJsonObject>
#include <QString>

// The settings.ini of CC Bridge 0.1 (QSettings, INI format), read into the JSON configuration
// that replaced it. Values are brought within today's bounds, as 0.1 clamped them on reading.
class LegacySettings
{
public:
    // The name 0.1 used, in the same folder as today's config.json.
    static inline const QString fileName = QStringLiteral("settings.ini");

    static QJsonObject read(const QString &path);
};
