#include "configtransfer.h"

#include "configfile.h"
#include "settings.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QSaveFile>

namespace {
// The importer's own preferences, not part of a shared setup.
const QString appSection = QStringLiteral("app");

// Where each provider whose key is in the keychain sends it: scheme, host and port.
QHash<QString, QString> keychainKeyDestinations(const QJsonObject &root)
{
    QHash<QString, QString> destinations;
    for (const ProviderConfig &provider : ConfigFile::parse(QJsonDocument(root).toJson(QJsonDocument::Compact)).config.providers) {
        if (provider.keyInKeychain)
            destinations.insert(provider.name, provider.baseUrl
                                                   .adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery
                                                             | QUrl::RemoveFragment)
                                                   .toString());
    }
    return destinations;
}
}

std::optional<QString> ConfigTransfer::exportTo(const Settings &settings, const QString &path)
{
    QJsonObject shared = settings.document();
    shared.remove(appSection);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(shared).toJson(QJsonDocument::Indented)) < 0
        || !file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return std::nullopt;
}

QStringList ConfigTransfer::importFrom(Settings &settings, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {tr("Cannot read %1: %2").arg(path, file.errorString())};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject())
        return {tr("%1 is not a CC Bridge configuration (a JSON object): %2").arg(path, error.errorString())};
    QJsonObject imported = document.object();
    imported.remove(appSection);
    if (const QJsonValue own = settings.document().value(appSection); own.isObject())
        imported.insert(appSection, own);

    // Keys in the keychain go by provider name: a file that kept a name and changed where it
    // points would send the key stored under it to a server nobody typed it for.
    const QHash<QString, QString> before = keychainKeyDestinations(settings.document());
    QStringList redirected;
    for (const auto &[name, destination] : keychainKeyDestinations(imported).asKeyValueRange()) {
        if (const QString was = before.value(name); !was.isEmpty() && was != destination)
            redirected << tr("The provider \"%1\" would send the key stored for it to %2 instead of %3. Change its "
                             "address on the Providers page if that is meant.")
                              .arg(name, destination, was);
    }
    if (!redirected.isEmpty())
        return redirected;
    return settings.replaceDocument(imported);
}
