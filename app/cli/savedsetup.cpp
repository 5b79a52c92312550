#include "savedsetup.h"

#include "cli/console.h"
#include "config/keychainsecretstore.h"
#include "proxy/proxycontroller.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QStandardPaths>

QString SavedSetup::usageFileName()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/usage.json");
}

bool SavedSetup::exists(const Settings &settings)
{
    if (QFile::exists(settings.fileName()))
        return true;
    Console::print(stderr, QCoreApplication::translate("main", "No configuration yet: set CC Bridge up in its window, or "
                                                               "give --config <file>, --preset <id>, or --upstream <url> "
                                                               "--model <name> [--api-key-env <variable>].\n"));
    return false;
}

QString SavedSetup::secret(const QString &name)
{
    KeychainSecretStore secrets;
    QString secret;
    QEventLoop loop;
    secrets.read(name, &loop, [&secret, &loop](const SecretStore::Result &result) {
        secret = result.ok ? result.secret : QString();
        loop.quit();
    });
    loop.exec();
    return secret;
}

QString SavedSetup::clientToken()
{
    return secret(ProxyController::clientTokenName);
}

std::optional<ProxyConfig> SavedSetup::configurationFor(const CommandLine &commandLine, QStringList &problems)
{
    if (!commandLine.usesSavedConfiguration()) {
        problems = commandLine.problems();
        return commandLine.config();
    }
    const Settings settings(Settings::defaultFileName());
    if (!exists(settings))
        return std::nullopt;
    ConfigFile::Result saved = settings.toProxyConfig();
    problems = saved.errors;
    saved.config.clientToken = clientToken();
    return saved.config;
}

std::optional<ModelPrice> SavedSetup::priceOf(const Settings &settings, const QString &provider, const QString &model)
{
    for (const QJsonValue &entry : settings.providers()) {
        const QJsonObject object = entry.toObject();
        const QString presetId = object.value(QLatin1StringView("preset")).toString();
        const QString name = object.value(QLatin1StringView("name")).toString(presetId);
        if (name == provider)
            return ProviderPresets::priceOf(presetId, model);
    }
    return std::nullopt;
}
