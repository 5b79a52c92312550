#pragma once

#include "config/providerpresets.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

class RequestLog;
struct RequestRecord;

// Token usage totals per local day, provider and upstream model, kept across restarts in a
// JSON file: what the window's Usage tab shows. It follows a RequestLog and counts each
// request once, when it finishes.
class UsageStats : public QObject
{
    Q_OBJECT

public:
    struct Totals
    {
        qint64 requests = 0;
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
        qint64 cacheReadTokens = 0;
        qint64 errors = 0;

        Totals &operator+=(const Totals &other);
        friend bool operator==(const Totals &, const Totals &) = default;
    };

    struct Row
    {
        QDate day;
        QString provider;
        QString model;
        Totals totals;

        friend bool operator==(const Row &, const Row &) = default;
    };

    // The list price of a provider's model, if known. A function rather than the presets
    // themselves: provider names in the config need not be preset ids, and tests fake it.
    using PriceLookup = std::function<std::optional<ModelPrice>(const QString &provider, const QString &model)>;
    using Clock = std::function<QDate()>;

    // Loads `path`: no file is no history; a corrupt one is moved aside to
    // `path`.corrupt-<time> and counting starts afresh; one that cannot be read (or moved)
    // is left alone and this session's usage is not saved. An empty path keeps the totals in
    // memory only. Days more than `retentionDays` before today are dropped, on load and when
    // the day changes. `today` (QDate::currentDate by default) decides each request's day.
    explicit UsageStats(const QString &path, PriceLookup prices = {}, int retentionDays = 365, Clock today = {},
                        QObject *parent = nullptr);
    ~UsageStats() override;

    // The usage another process keeps in `path`, read without touching the file: nothing is
    // moved aside, pruned or saved. Empty when the file cannot be read.
    static std::unique_ptr<UsageStats> readOnly(const QString &path, PriceLookup prices = {});

    // Counts every request `log` finishes from now on.
    void follow(const RequestLog *log);
    // Counts one finished request under today's date.
    void add(const RequestRecord &record);

    // Every day, provider and model with usage between `from` and `to` (inclusive), sorted
    // by day, then provider, then model.
    QList<Row> rows(QDate from, QDate to) const;
    Totals total(QDate from, QDate to) const;
    // One entry per day from `from` to `to`, days without requests included as zeros.
    QMap<QDate, Totals> perDay(QDate from, QDate to) const;

    // What `totals` of one provider's model cost at list prices; nullopt when its price is
    // not known. Cache writes are not counted separately (their tokens are not reported).
    std::optional<double> estimatedCostUsd(const QString &provider, const QString &model, const Totals &totals) const;

    // Writes pending changes now. False if the file could not be written.
    bool flush();

    // How long a change waits before it is written, so that a busy session writes the file
    // once every few seconds rather than once per request.
    static constexpr int saveDelayMs = 2000;

Q_SIGNALS:
    void changed();

private:
    using Key = std::pair<QString, QString>; // provider, model
    using Day = QMap<Key, Totals>;

    void load();
    // Reads the file's rows into m_days; what is wrong with it if it cannot be read.
    QString parse(const QByteArray &data);
    void moveAside(const QString &reason);
    void prune();
    void scheduleSave();

    QString m_path;
    PriceLookup m_prices;
    int m_retentionDays;
    Clock m_today;
    QDate m_currentDay; // the day retention was last applied for
    QMap<QDate, Day> m_days;
    QTimer m_saveTimer;
    bool m_dirty = false;
};
