// The Usage tab over real UsageStats kept in a temporary file: the figures, the chart and
// the table follow the chosen period and the requests that finish while it is open.
#include "monitor/requestrecord.h"
#include "monitor/usagestats.h"
#include "usagechart.h"
#include "usagepage.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>
#include <optional>

using Period = UsagePage::Period;

namespace {

QJsonObject fileRow(QDate day, const QString &provider, const QString &model, qint64 requests, qint64 input,
                    qint64 output, qint64 cacheRead, qint64 errors)
{
    return QJsonObject{{QStringLiteral("day"), day.toString(Qt::ISODate)},
                       {QStringLiteral("provider"), provider},
                       {QStringLiteral("model"), model},
                       {QStringLiteral("requests"), requests},
                       {QStringLiteral("inputTokens"), input},
                       {QStringLiteral("outputTokens"), output},
                       {QStringLiteral("cacheReadTokens"), cacheRead},
                       {QStringLiteral("errors"), errors}};
}

RequestRecord finished(const QString &provider, const QString &model, qint64 input, qint64 output, qint64 cacheRead,
                       int status = 200)
{
    RequestRecord record;
    record.method = QStringLiteral("POST");
    record.path = QStringLiteral("/v1/messages");
    record.clientModel = QStringLiteral("claude-sonnet-4-5");
    record.provider = provider;
    record.upstreamModel = model;
    record.usage.input = input;
    record.usage.output = output;
    record.usage.cacheRead = cacheRead;
    record.usage.reported = true;
    record.status = status;
    record.finished = true;
    return record;
}

// Dollars per million tokens; only openrouter's glm-4.6 has a known price.
std::optional<ModelPrice> fakePrices(const QString &provider, const QString &model)
{
    if (provider == QLatin1StringView("openrouter") && model == QLatin1StringView("glm-4.6"))
        return ModelPrice{1.0, 2.0, 0.5};
    return std::nullopt;
}

QString dollars(double amount)
{
    return QLocale().toCurrencyString(amount, QStringLiteral("$"), 2);
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

} // namespace

class TestUsagePage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QDate m_today;
    std::unique_ptr<UsageStats> m_stats;
    std::unique_ptr<UsagePage> m_page;

    template<typename T>
    T *child(const char *name) const
    {
        T *widget = m_page->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }

    QString figure(const char *name) const { return child<QLabel>(name)->text(); }

    void choose(Period period)
    {
        auto *combo = child<QComboBox>("usagePeriod");
        combo->setCurrentIndex(combo->findData(int(period)));
        QCOMPARE(m_page->period(), period);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_today = QDate::currentDate();
        // Three days ago (this week), twelve days ago (this 30 days), forty (neither).
        const QJsonArray rows{
            fileRow(m_today.addDays(-3), QStringLiteral("openrouter"), QStringLiteral("glm-4.6"), 4, 10000, 2000, 5000, 1),
            fileRow(m_today.addDays(-3), QStringLiteral("deepseek"), QStringLiteral("deepseek-chat"), 2, 3000, 700, 0, 0),
            fileRow(m_today.addDays(-12), QStringLiteral("openrouter"), QStringLiteral("glm-4.6"), 7, 70000, 9000, 1000, 2),
            fileRow(m_today.addDays(-40), QStringLiteral("openrouter"), QStringLiteral("glm-4.6"), 1, 5, 5, 5, 0)};
        const QString path = m_dir.filePath(QStringLiteral("usage.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("rows"), rows}}).toJson());
        file.close();

        m_stats = std::make_unique<UsageStats>(path, &fakePrices);
        m_stats->add(finished(QStringLiteral("openrouter"), QStringLiteral("glm-4.6"), 1000, 500, 2000));
        m_page = std::make_unique<UsagePage>(m_stats.get());
        m_page->resize(900, 640);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_stats.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("usage.json")));
    }

    void summaryFollowsPeriod()
    {
        choose(Period::Today);
        QCOMPARE(figure("usageRequests"), number(1));
        QCOMPARE(figure("usageInputTokens"), number(1000));
        QCOMPARE(figure("usageOutputTokens"), number(500));
        QCOMPARE(figure("usageCachedTokens"), number(2000));
        QCOMPARE(figure("usageErrors"), number(0));
        // 1000 × $1 + 500 × $2 + 2000 × $0.50 per million: less than a cent, but not nothing.
        QCOMPARE(figure("usageCost"), QStringLiteral("< ") + dollars(0.01));

        choose(Period::Last7Days);
        QCOMPARE(figure("usageRequests"), number(7));
        QCOMPARE(figure("usageInputTokens"), number(14000));
        QCOMPARE(figure("usageOutputTokens"), number(3200));
        QCOMPARE(figure("usageCachedTokens"), number(7000));
        QCOMPARE(figure("usageErrors"), number(1));
        // deepseek-chat has no known price, so the estimate (glm-4.6's 11000 × $1 + 2500 × $2
        // + 7000 × $0.50 per million) is a lower bound.
        QCOMPARE(figure("usageCost"), QStringLiteral("≥ ") + dollars(0.0195));

        choose(Period::Last30Days);
        QCOMPARE(figure("usageRequests"), number(14));
        QCOMPARE(figure("usageInputTokens"), number(84000));
        QCOMPARE(figure("usageErrors"), number(3));
        QCOMPARE(figure("usageCost"), QStringLiteral("≥ ") + dollars(0.108));

        choose(Period::ThisMonth);
        const UsageStats::Totals month = m_stats->total(QDate(m_today.year(), m_today.month(), 1), m_today);
        QCOMPARE(figure("usageRequests"), number(month.requests));
        QCOMPARE(figure("usageOutputTokens"), number(month.outputTokens));
    }

    void chartMatchesPerDay_data()
    {
        // As int: an enum class column would need a declared metatype.
        QTest::addColumn<int>("period");
        QTest::addColumn<int>("days");
        QTest::newRow("today") << int(Period::Today) << 1;
        QTest::newRow("7 days") << int(Period::Last7Days) << 7;
        QTest::newRow("30 days") << int(Period::Last30Days) << 30;
        QTest::newRow("this month") << int(Period::ThisMonth) << QDate::currentDate().day();
    }

    void chartMatchesPerDay()
    {
        QFETCH(int, period);
        QFETCH(int, days);
        choose(Period(period));
        const auto [from, to] = UsagePage::rangeOf(Period(period), m_today);
        QCOMPARE(from.daysTo(to) + 1, days);
        const QMap<QDate, UsageStats::Totals> data = child<UsageChart>("usageChart")->data();
        QCOMPARE(data.size(), days);
        QCOMPARE(data, m_stats->perDay(from, to));
    }

    void tableMatchesRows_data()
    {
        chartMatchesPerDay_data();
    }

    void tableMatchesRows()
    {
        QFETCH(int, period);
        choose(Period(period));
        const auto [from, to] = UsagePage::rangeOf(Period(period), m_today);
        auto *table = child<QTreeWidget>("usageTable");
        const QList<UsageStats::Row> rows = m_stats->rows(from, to);
        QCOMPARE(table->topLevelItemCount(), rows.size());
        // Newest day first.
        const QTreeWidgetItem *top = table->topLevelItem(0);
        QCOMPARE(top->text(0), QLocale().toString(m_today, QLocale::ShortFormat));
        QCOMPARE(top->text(1), QStringLiteral("openrouter"));
        QCOMPARE(top->text(3), number(1));
    }

    void followsNewRequests()
    {
        choose(Period::Today);
        QSignalSpy changed(m_stats.get(), &UsageStats::changed);
        // A burst of requests: each changes the statistics, the page catches up once.
        m_stats->add(finished(QStringLiteral("deepseek"), QStringLiteral("deepseek-chat"), 100, 50, 0));
        m_stats->add(finished(QStringLiteral("deepseek"), QStringLiteral("deepseek-chat"), 100, 50, 0, 500));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(figure("usageRequests"), number(1));
        QTRY_COMPARE(figure("usageRequests"), number(3));
        QCOMPARE(figure("usageInputTokens"), number(1200));
        QCOMPARE(figure("usageErrors"), number(1));
        QCOMPARE(child<QTreeWidget>("usageTable")->topLevelItemCount(), 2);
        QCOMPARE(child<UsageChart>("usageChart")->data().value(m_today).requests, 3);
    }

    void costUnknownWithoutPrices()
    {
        m_page.reset();
        m_stats = std::make_unique<UsageStats>(QString());
        m_stats->add(finished(QStringLiteral("deepseek"), QStringLiteral("deepseek-chat"), 100, 50, 0));
        m_page = std::make_unique<UsagePage>(m_stats.get());
        QCOMPARE(figure("usageCost"), QString(QChar(0x2014)));
        QCOMPARE(child<QTreeWidget>("usageTable")->topLevelItem(0)->text(8), QString(QChar(0x2014)));
    }
};

QTEST_MAIN(TestUsagePage)
#include "tst_usagepage.moc"
