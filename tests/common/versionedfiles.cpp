#include "versionedfiles.h"

#include "config/configtransfer.h"
#include "config/settings.h"
#include "monitor/requestrecord.h"
#include "monitor/usagestats.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace {
// Big enough that a write takes a while (about a megabyte), so that kills land inside it.
constexpr int usageDays = 300;
constexpr int usageModelsPerDay = 30;
constexpr int allowedHostCount = 20000;

const QString markerProvider = QStringLiteral("marker");
const QString markerModel = QStringLiteral("version");
const QDate lastDay(2025, 6, 30);

// The configuration's marker: limits.maxBodyBytes is the smallest it may be plus the version.
constexpr qint64 bodyBytesBase = 64 * 1024;

RequestRecord usageRecord(const QString &provider, const QString &model, int tokens)
{
    RequestRecord record;
    record.status = 200;
    record.provider = provider;
    record.upstreamModel = model;
    record.usage.input = tokens;
    record.usage.output = tokens / 3;
    return record;
}

// A usage history over `path` (loaded from it when there), with `today` moving as it is seeded.
struct UsageHistory
{
    QDate today = lastDay;
    UsageStats stats;

    explicit UsageHistory(const QString &path)
        : stats(path, {}, 365, [this] { return today; })
    {
    }

    int markerCount() const
    {
        for (const UsageStats::Row &row : stats.rows(lastDay, lastDay)) {
            if (row.provider == markerProvider && row.model == markerModel)
                return int(row.totals.requests);
        }
        return 0;
    }

    void seed()
    {
        for (today = lastDay.addDays(1 - usageDays); today <= lastDay; today = today.addDays(1)) {
            for (int model = 0; model < usageModelsPerDay; ++model)
                stats.add(usageRecord(QStringLiteral("provider-%1").arg(model % 4), QStringLiteral("model-%1").arg(model),
                                      today.dayOfYear() * 1000 + model));
        }
        today = lastDay;
    }

    void addVersion() { stats.add(usageRecord(markerProvider, markerModel, 1)); }
};

QJsonArray manyHosts()
{
    QJsonArray hosts;
    for (int i = 0; i < allowedHostCount; ++i)
        hosts << QStringLiteral("host-%1.example.internal").arg(i, 5, 10, QLatin1Char('0'));
    return hosts;
}

// Version 0, written at once: the bulk of the file and the marker at 0.
void seed(Settings &settings)
{
    const QJsonObject root{{QStringLiteral("allowedHosts"), manyHosts()},
                           {QStringLiteral("limits"), QJsonObject{{QStringLiteral("maxBodyBytes"), bodyBytesBase}}}};
    if (const QStringList problems = settings.replaceDocument(root); !problems.isEmpty())
        qFatal("%s", qPrintable(problems.join(QLatin1Char(' '))));
}

QJsonDocument readJson(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()) : QJsonDocument();
}
} // namespace

VersionedFiles::VersionedFiles(Kind kind)
    : m_kind(kind)
{
}

bool VersionedFiles::parseKind(const QString &name, Kind *kind)
{
    static const QList<std::pair<QString, Kind>> names{
        {QStringLiteral("usage"), Kind::Usage}, {QStringLiteral("settings"), Kind::Settings}, {QStringLiteral("export"), Kind::Export}};
    for (const auto &[known, value] : names) {
        if (known == name) {
            *kind = value;
            return true;
        }
    }
    return false;
}

void VersionedFiles::writeForever(const QString &path, const std::function<void(int)> &written) const
{
    if (m_kind == Kind::Usage) {
        UsageHistory history(path);
        int version = history.markerCount();
        if (version == 0)
            history.seed();
        for (;;) {
            history.addVersion();
            if (!history.stats.flush())
                qFatal("could not write %s", qPrintable(path));
            written(++version);
        }
    }

    // The export's source configuration lives in its own folder, apart from the file watched.
    const QString settingsPath = m_kind == Kind::Settings
                                     ? path
                                     : QFileInfo(path).dir().filePath(QStringLiteral("source/config.json"));
    Settings settings(settingsPath);
    if (!settings.document().contains(QLatin1StringView("allowedHosts")))
        seed(settings);
    int version = int(settings.maxBodyBytes() - bodyBytesBase);
    if (m_kind == Kind::Export)
        version = qMax(0, versionOf(readJson(path)));
    for (;;) {
        ++version;
        settings.setMaxBodyBytes(bodyBytesBase + version);
        if (settings.maxBodyBytes() != bodyBytesBase + version)
            qFatal("could not write %s", qPrintable(settingsPath));
        if (m_kind == Kind::Export) {
            if (const auto error = ConfigTransfer::exportTo(settings, path))
                qFatal("%s", qPrintable(*error));
        }
        written(version);
    }
}

int VersionedFiles::versionOf(const QJsonDocument &document) const
{
    const QJsonObject root = document.object();
    if (m_kind == Kind::Usage) {
        for (const QJsonValue &row : root.value(QLatin1StringView("rows")).toArray()) {
            const QJsonObject object = row.toObject();
            if (object.value(QLatin1StringView("provider")) == markerProvider && object.value(QLatin1StringView("model")) == markerModel)
                return object.value(QLatin1StringView("requests")).toInt(-1);
        }
        return -1;
    }
    const QJsonValue bodyBytes = root.value(QLatin1StringView("limits")).toObject().value(QLatin1StringView("maxBodyBytes"));
    return bodyBytes.isDouble() ? int(bodyBytes.toInteger() - bodyBytesBase) : -1;
}

QJsonDocument VersionedFiles::expected(int version) const
{
    QTemporaryDir scratch;
    const QString path = scratch.filePath(QStringLiteral("expected.json"));
    if (m_kind == Kind::Usage) {
        auto history = std::make_unique<UsageHistory>(path);
        history->seed();
        for (int i = 0; i < version; ++i)
            history->addVersion();
        history->stats.flush();
    } else {
        Settings settings(scratch.filePath(QStringLiteral("config.json")));
        seed(settings);
        settings.setMaxBodyBytes(bodyBytesBase + version);
        if (m_kind == Kind::Settings)
            return readJson(settings.fileName());
        ConfigTransfer::exportTo(settings, path);
    }
    return readJson(path);
}
