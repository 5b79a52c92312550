#include "usagestats.h"

#include "localclock.h"
#include "requestlog.h"
#include "requestrecord.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>

namespace {

Q_LOGGING_CATEGORY(lcUsage, "ccbridge.usage")

// Bumped when the file's layout changes in a way older builds cannot read.
constexpr int fileVersion = 1;

const QLatin1StringView dayKey("day");
const QLatin1StringView providerKey("provider");
const QLatin1StringView modelKey("model");

struct Counter
{
    QLatin1StringView name;
    qint64 UsageStats::Totals::*member;
};
constexpr Counter counters[] = {{QLatin1StringView("requests"), &UsageStats::Totals::requests},
                                {QLatin1StringView("inputTokens"), &UsageStats::Totals::inputTokens},
                                {QLatin1StringView("outputTokens"), &UsageStats::Totals::outputTokens},
                                {QLatin1StringView("cacheReadTokens"), &UsageStats::Totals::cacheReadTokens},
                                {QLatin1StringView("errors"), &UsageStats::Totals::errors}};

} // namespace

UsageStats::Totals &UsageStats::Totals::operator+=(const Totals &other)
{
    requests += other.requests;
    inputTokens += other.inputTokens;
    outputTokens += other.outputTokens;
    cacheReadTokens += other.cacheReadTokens;
    errors += other.errors;
    return *this;
}

UsageStats::UsageStats(const QString &path, PriceLookup prices, int retentionDays, Clock today, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_prices(std::move(prices))
    , m_retentionDays(qMax(0, retentionDays))
    , m_today(today ? std::move(today) : Clock(&LocalClock::today))
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(saveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &UsageStats::flush);
    m_currentDay = m_today();
    load();
    prune();
}

UsageStats::~UsageStats()
{
    flush();
}

std::unique_ptr<UsageStats> UsageStats::readOnly(const QString &path, PriceLookup prices)
{
    // No path of its own: nothing it does is ever written.
    auto usage = std::make_unique<UsageStats>(QString(), std::move(prices));
    QFile file(path);
    if (file.open(QIODevice::ReadOnly) && !usage->parse(file.readAll()).isEmpty())
        usage->m_days.clear();
    return usage;
}

void UsageStats::follow(const RequestLog *log)
{
    connect(log, &RequestLog::finished, this, [this, log](quint64 id) {
        if (const RequestRecord *record = log->find(id))
            add(*record);
    });
}

void UsageStats::add(const RequestRecord &record)
{
    // Counted on the day it finished, as the clock says now: a request running across
    // midnight belongs to the day its tokens were billed.
    const QDate today = m_today();
    Q_ASSERT(today.isValid());
    if (today != m_currentDay) {
        m_currentDay = today;
        prune();
    }

    Totals totals;
    totals.requests = 1;
    totals.errors = record.status >= 400 || !record.error.isEmpty() ? 1 : 0;
    Key key;
    // Without a provider the request never reached an upstream (e.g. no route): it used no
    // tokens, and its model name would only be the client's.
    if (!record.provider.isEmpty()) {
        key = {record.provider, record.upstreamModel};
        totals.inputTokens = record.usage.input;
        totals.outputTokens = record.usage.output;
        totals.cacheReadTokens = record.usage.cacheRead;
    }
    m_days[today][key] += totals;
    scheduleSave();
    Q_EMIT changed();
}

QList<UsageStats::Row> UsageStats::rows(QDate from, QDate to) const
{
    QList<Row> result;
    for (auto day = m_days.lowerBound(from); day != m_days.cend() && day.key() <= to; ++day) {
        for (auto entry = day->cbegin(); entry != day->cend(); ++entry)
            result << Row{day.key(), entry.key().first, entry.key().second, entry.value()};
    }
    return result;
}

UsageStats::Totals UsageStats::total(QDate from, QDate to) const
{
    Totals result;
    for (const Row &row : rows(from, to))
        result += row.totals;
    return result;
}

QMap<QDate, UsageStats::Totals> UsageStats::perDay(QDate from, QDate to) const
{
    QMap<QDate, Totals> result;
    if (!from.isValid() || !to.isValid())
        return result;
    for (QDate day = from; day <= to; day = day.addDays(1))
        result.insert(day, Totals{});
    for (const Row &row : rows(from, to))
        result[row.day] += row.totals;
    return result;
}

std::optional<double> UsageStats::estimatedCostUsd(const QString &provider, const QString &model,
                                                   const Totals &totals) const
{
    if (!m_prices)
        return std::nullopt;
    const std::optional<ModelPrice> price = m_prices(provider, model);
    if (!price)
        return std::nullopt;
    const double perMillion = 1e6;
    return (double(totals.inputTokens) * price->input + double(totals.outputTokens) * price->output
            + double(totals.cacheReadTokens) * price->cacheRead)
        / perMillion;
}

bool UsageStats::flush()
{
    m_saveTimer.stop();
    if (!m_dirty || m_path.isEmpty())
        return true;

    QJsonArray rowsJson;
    for (auto day = m_days.cbegin(); day != m_days.cend(); ++day) {
        for (auto entry = day->cbegin(); entry != day->cend(); ++entry) {
            QJsonObject json{{dayKey, day.key().toString(Qt::ISODate)},
                             {providerKey, entry.key().first},
                             {modelKey, entry.key().second}};
            for (const auto &[name, counter] : counters)
                json.insert(name, entry.value().*counter);
            rowsJson << json;
        }
    }
    const QJsonObject root{{QLatin1StringView("version"), fileVersion}, {QLatin1StringView("rows"), rowsJson}};

    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0
        || !file.commit()) {
        // Still dirty: the next change or exit tries again.
        qCWarning(lcUsage).noquote()
            << tr("Could not save the usage statistics to %1: %2").arg(m_path, file.errorString());
        return false;
    }
    m_dirty = false;
    return true;
}

void UsageStats::load()
{
    if (m_path.isEmpty() || !QFileInfo::exists(m_path))
        return;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        // Saving over a file we could not read would lose its history.
        qCWarning(lcUsage).noquote()
            << tr("Could not read the usage statistics in %1 (%2); this session's usage will not be saved.")
                   .arg(m_path, file.errorString());
        m_path.clear();
        return;
    }
    const QByteArray data = file.readAll();
    file.close();
    if (const QString problem = parse(data); !problem.isEmpty()) {
        m_days.clear();
        moveAside(problem);
    }
}

QString UsageStats::parse(const QByteArray &data)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return parseError.errorString();
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(QLatin1StringView("version")).toInt() != fileVersion)
        return tr("not a version %1 usage file").arg(fileVersion);
    const QJsonValue rowsJson = root.value(QLatin1StringView("rows"));
    if (!rowsJson.isArray())
        return tr("it has no rows");

    for (const QJsonValue &value : rowsJson.toArray()) {
        const QJsonObject row = value.toObject();
        const QDate day = QDate::fromString(row.value(dayKey).toString(), Qt::ISODate);
        const QJsonValue provider = row.value(providerKey);
        const QJsonValue model = row.value(modelKey);
        if (!value.isObject() || !day.isValid() || !provider.isString() || !model.isString())
            return tr("a row without a day, provider or model");
        Totals totals;
        for (const auto &[name, counter] : counters) {
            const QJsonValue count = row.value(name);
            if (count.isUndefined())
                continue;
            if (!count.isDouble() || count.toInteger(-1) < 0)
                return tr("%1 is not a count").arg(name);
            totals.*counter = count.toInteger();
        }
        m_days[day][Key{provider.toString(), model.toString()}] += totals;
    }
    return {};
}

void UsageStats::moveAside(const QString &reason)
{
    // Kept rather than deleted, so that a bug of ours or a hand edit can still be recovered.
    const QString stem = m_path + QStringLiteral(".corrupt-")
        + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = stem;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = stem + QLatin1Char('-') + QString::number(n);
    if (QFile::rename(m_path, target)) {
        qCWarning(lcUsage).noquote()
            << tr("The usage statistics in %1 could not be read (%2); moved to %3, starting afresh.")
                   .arg(m_path, reason, target);
    } else {
        // Saving over it would lose what a closer look might still recover.
        qCWarning(lcUsage).noquote()
            << tr("The usage statistics in %1 could not be read (%2) nor moved aside; "
                  "this session's usage will not be saved.")
                   .arg(m_path, reason);
        m_path.clear();
    }
}

void UsageStats::prune()
{
    const QDate oldestKept = m_currentDay.addDays(-m_retentionDays);
    bool pruned = false;
    while (!m_days.isEmpty() && m_days.firstKey() < oldestKept) {
        m_days.erase(m_days.begin());
        pruned = true;
    }
    if (pruned)
        scheduleSave();
}

void UsageStats::scheduleSave()
{
    m_dirty = true;
    // Not restarted by later changes, so that steady traffic still saves every few seconds.
    if (!m_path.isEmpty() && !m_saveTimer.isActive())
        m_saveTimer.start();
}
