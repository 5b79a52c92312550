#include "configtransfer.h"

#include "settings.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace {
// The importer's own preferences, not part of a shared setup.
const QString appSection = QStringLiteral("app");
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
    return settings.replaceDocument(imported);
}
