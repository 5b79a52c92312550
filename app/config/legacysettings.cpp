#include "legacysettings.h"

#include "configschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

#include <algorithm>

namespace {

using K = ConfigKey;

// Where 0.1 kept each setting. Files older than its settingsVersion 1 used proxy/ for the address.
struct LegacyKey
{
    const char *name;
    ConfigKey key;
};

const LegacyKey legacyKeys[] = {
    {"limits/maxHeaderBytes", K::MaxHeaderBytes},
    {"limits/maxBodyBytes", K::MaxBodyBytes},
    {"limits/headerTimeoutMs", K::HeaderTimeoutMs},
    {"limits/idleTimeoutMs", K::IdleTimeoutMs},
    {"timeouts/connectMs", K::ConnectTimeoutMs},
    {"timeouts/readMs", K::ReadTimeoutMs},
    {"timeouts/pingIntervalMs", K::PingIntervalMs},
    {"timeouts/requestMs", K::RequestTimeoutMs},
    {"retry/maxAttempts", K::RetryMaxAttempts},
    {"retry/baseDelayMs", K::RetryBaseDelayMs},
    {"retry/maxDelayMs", K::RetryMaxDelayMs},
    {"retry/maxTotalWaitMs", K::RetryMaxTotalWaitMs},
    {"routing/longContextTokens", K::LongContextTokens},
    {"log/retainedRequests", K::LogRetention},
    {"usage/retentionDays", K::UsageRetentionDays},
    {"app/language", K::Language},
    {"app/startAtLogin", K::StartAtLogin},
    {"app/startProxyAtLaunch", K::StartProxyAtLaunch},
    {"routing/activeProfile", K::ActiveProfile},
    {"routing/providers", K::Providers},
    {"routing/routes", K::Routes},
    {"routing/profiles", K::Profiles},
};

// The INI's text as the field's JSON type; undefined when it cannot be read as one.
QJsonValue converted(const ConfigField &field, const QVariant &stored)
{
    const QString text = stored.toString().trimmed();
    switch (field.type) {
    case ConfigField::Type::Integer: {
        bool ok = false;
        const qint64 number = text.toLongLong(&ok);
        return ok ? QJsonValue(double(std::clamp(number, field.minimum, field.maximum))) : QJsonValue();
    }
    case ConfigField::Type::Boolean:
        if (text.compare(QLatin1StringView("true"), Qt::CaseInsensitive) == 0 || text == QLatin1StringView("1"))
            return true;
        if (text.compare(QLatin1StringView("false"), Qt::CaseInsensitive) == 0 || text == QLatin1StringView("0"))
            return false;
        return {};
    case ConfigField::Type::List: {
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue();
    }
    case ConfigField::Type::Text:
    case ConfigField::Type::Listen:
    case ConfigField::Type::Object:
        break;
    }
    return stored.typeId() == QMetaType::QString ? QJsonValue(text) : QJsonValue();
}

} // namespace

QJsonObject LegacySettings::read(const QString &path)
{
    const QSettings ini(path, QSettings::IniFormat);
    QJsonObject root;
    for (const LegacyKey &legacy : legacyKeys) {
        const QString name = QLatin1StringView(legacy.name);
        if (!ini.contains(name))
            continue;
        const ConfigField &field = ConfigSchema::field(legacy.key);
        const QJsonValue value = converted(field, ini.value(name));
        if (!value.isUndefined() && !ConfigSchema::problem(field, value))
            ConfigSchema::setValueAt(root, field, value);
    }
    const QString address = ini.value(QStringLiteral("listen/address"), ini.value(QStringLiteral("proxy/address"))).toString();
    const QString port = ini.value(QStringLiteral("listen/port"), ini.value(QStringLiteral("proxy/port"))).toString();
    if (!address.isEmpty() || !port.isEmpty()) {
        const QString host = address.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(address) : address;
        const QJsonValue listen = QStringLiteral("%1:%2").arg(host.isEmpty() ? QStringLiteral("127.0.0.1") : host,
                                                             port.isEmpty() ? QStringLiteral("8765") : port);
        const ConfigField &field = ConfigSchema::field(K::Listen);
        if (!ConfigSchema::problem(field, listen))
            ConfigSchema::setValueAt(root, field, listen);
    }
    return root;
}
