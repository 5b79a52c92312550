#include "usagepage.h"

#include "monitor/usagestats.h"
#include "usagechart.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace {

enum Column { DayColumn, ProviderColumn, ModelColumn, RequestsColumn, InputColumn, OutputColumn, CachedColumn,
              ErrorsColumn, CostColumn, ColumnCount };

QString dash()
{
    return QString(QChar(0x2014));
}

QString usd(double amount)
{
    const QLocale locale;
    const QString dollar = QStringLiteral("$");
    // Cents are the smallest step worth showing, but a tiny cost is still not nothing.
    if (amount > 0 && amount < 0.01)
        return UsagePage::tr("< %1").arg(locale.toCurrencyString(0.01, dollar, 2));
    return locale.toCurrencyString(amount, dollar, 2);
}

// Names one row across rebuilds of the table.
QString rowKey(const UsageStats::Row &row)
{
    return QStringList{row.day.toString(Qt::ISODate), row.provider, row.model}.join(QChar(0x1f));
}

} // namespace

UsagePage::UsagePage(const UsageStats *stats, QWidget *parent)
    : QWidget(parent)
    , m_stats(stats)
    , m_period(new QComboBox(this))
    , m_range(new QLabel(this))
    , m_chart(new UsageChart(this))
    , m_table(new QTreeWidget(this))
    , m_refresh(new QTimer(this))
    , m_dayChange(new QTimer(this))
{
    m_period->setObjectName(QStringLiteral("usagePeriod"));
    m_period->addItem(tr("Today"), int(Period::Today));
    m_period->addItem(tr("Last 7 days"), int(Period::Last7Days));
    m_period->addItem(tr("Last 30 days"), int(Period::Last30Days));
    m_period->addItem(tr("This month"), int(Period::ThisMonth));
    m_period->setCurrentIndex(1);
    connect(m_period, &QComboBox::currentIndexChanged, this, &UsagePage::refresh);

    m_range->setObjectName(QStringLiteral("usageRange"));
    m_range->setForegroundRole(QPalette::PlaceholderText);

    auto *periodRow = new QHBoxLayout;
    periodRow->addWidget(m_period);
    periodRow->addWidget(m_range);
    periodRow->addStretch();

    auto *figures = new QGridLayout;
    figures->setHorizontalSpacing(28);
    figures->setVerticalSpacing(0);
    m_requests = addFigure(figures, 0, tr("Requests"), QStringLiteral("usageRequests"));
    m_input = addFigure(figures, 1, tr("Input tokens"), QStringLiteral("usageInputTokens"));
    m_output = addFigure(figures, 2, tr("Output tokens"), QStringLiteral("usageOutputTokens"));
    m_cached = addFigure(figures, 3, tr("Cached tokens"), QStringLiteral("usageCachedTokens"));
    m_errors = addFigure(figures, 4, tr("Errors"), QStringLiteral("usageErrors"));
    m_cost = addFigure(figures, 5, tr("Estimated cost"), QStringLiteral("usageCost"));
    figures->setColumnStretch(6, 1);

    m_chart->setObjectName(QStringLiteral("usageChart"));

    m_table->setObjectName(QStringLiteral("usageTable"));
    m_table->setAccessibleName(tr("Usage by day and model"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHeaderLabels({tr("Day"), tr("Provider"), tr("Model"), tr("Requests"), tr("Input"), tr("Output"),
                              tr("Cached"), tr("Errors"), tr("Est. cost")});
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAllColumnsShowFocus(true);
    QHeaderView *header = m_table->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ModelColumn, QHeaderView::Stretch);
    for (int column = RequestsColumn; column < ColumnCount; ++column)
        m_table->headerItem()->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(periodRow);
    layout->addSpacing(layout->spacing());
    layout->addLayout(figures);
    layout->addSpacing(layout->spacing());
    layout->addWidget(splitter, 1);

    m_refresh->setSingleShot(true);
    m_refresh->setInterval(150);
    connect(m_refresh, &QTimer::timeout, this, &UsagePage::refresh);
    connect(stats, &UsageStats::changed, this, &UsagePage::scheduleRefresh);

    m_dayChange->setSingleShot(true);
    connect(m_dayChange, &QTimer::timeout, this, &UsagePage::refresh);

    refresh();
}

QLabel *UsagePage::addFigure(QGridLayout *layout, int column, const QString &caption, const QString &objectName)
{
    auto *value = new QLabel(this);
    value->setObjectName(objectName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = value->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setWeight(QFont::DemiBold);
    value->setFont(font);

    auto *label = new QLabel(caption, this);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setBuddy(value);

    layout->addWidget(value, 0, column);
    layout->addWidget(label, 1, column);
    return value;
}

void UsagePage::setPeriod(Period period)
{
    m_period->setCurrentIndex(qMax(0, m_period->findData(int(period))));
}

UsagePage::Period UsagePage::period() const
{
    return Period(m_period->currentData().toInt());
}

std::pair<QDate, QDate> UsagePage::rangeOf(Period period, QDate today)
{
    switch (period) {
    case Period::Today:
        return {today, today};
    case Period::Last7Days:
        return {today.addDays(-6), today};
    case Period::Last30Days:
        return {today.addDays(-29), today};
    case Period::ThisMonth:
        return {QDate(today.year(), today.month(), 1), today};
    }
    return {today, today};
}

void UsagePage::scheduleRefresh()
{
    if (!m_refresh->isActive())
        m_refresh->start();
}

void UsagePage::refresh()
{
    m_refresh->stop();
    const QDateTime now = QDateTime::currentDateTime();
    const QDate today = now.date();
    const auto [from, to] = rangeOf(period(), today);
    const QLocale locale;

    m_range->setText(from == to ? locale.toString(from, QLocale::LongFormat)
                                : tr("%1 – %2").arg(locale.toString(from, QLocale::ShortFormat),
                                                    locale.toString(to, QLocale::ShortFormat)));

    const UsageStats::Totals total = m_stats->total(from, to);
    m_requests->setText(locale.toString(total.requests));
    m_input->setText(locale.toString(total.inputTokens));
    m_output->setText(locale.toString(total.outputTokens));
    m_cached->setText(locale.toString(total.cacheReadTokens));
    m_errors->setText(locale.toString(total.errors));
    updateCost(from, to);

    m_chart->setData(m_stats->perDay(from, to));
    fillTable(from, to);

    // A second past midnight, so that the new day has surely begun by the clock.
    const qint64 untilTomorrow = now.msecsTo(QDateTime(today.addDays(1), QTime(0, 0))) + 1000;
    constexpr qint64 shortest = 1000;
    constexpr qint64 longest = 24 * 3600 * 1000 + 1000;
    m_dayChange->start(int(qBound(shortest, untilTomorrow, longest)));
}

void UsagePage::updateCost(QDate from, QDate to)
{
    double known = 0;
    int priced = 0;
    int unpriced = 0;
    for (const UsageStats::Row &row : m_stats->rows(from, to)) {
        // Requests that reached no provider used no tokens: nothing to price.
        if (row.provider.isEmpty())
            continue;
        if (const std::optional<double> cost = m_stats->estimatedCostUsd(row.provider, row.model, row.totals)) {
            known += *cost;
            ++priced;
        } else {
            ++unpriced;
        }
    }
    if (priced == 0 && unpriced > 0) {
        m_cost->setText(dash());
        m_cost->setToolTip(tr("No list price is known for the models used in this period."));
    } else if (unpriced > 0) {
        m_cost->setText(tr("≥ %1").arg(usd(known)));
        m_cost->setToolTip(tr("At list prices. Some models used in this period have no known price and are not counted."));
    } else {
        m_cost->setText(usd(known));
        m_cost->setToolTip(tr("At list prices; what your provider bills may differ."));
    }
}

void UsagePage::fillTable(QDate from, QDate to)
{
    QList<UsageStats::Row> rows = m_stats->rows(from, to);
    // Newest day first, each day's providers and models still in alphabetical order.
    std::stable_sort(rows.begin(), rows.end(), [](const UsageStats::Row &a, const UsageStats::Row &b) { return a.day > b.day; });

    // Rebuilt on every change, so the selected row and the scroll position are carried over:
    // finished requests must not throw the reader back to the top.
    const QTreeWidgetItem *current = m_table->currentItem();
    const QString selectedKey = current ? current->data(DayColumn, Qt::UserRole).toString() : QString();
    const int scrolledTo = m_table->verticalScrollBar()->value();

    const QLocale locale;
    m_table->setUpdatesEnabled(false);
    m_table->clear();
    QList<QTreeWidgetItem *> items;
    items.reserve(rows.size());
    for (const UsageStats::Row &row : std::as_const(rows)) {
        auto *item = new QTreeWidgetItem;
        item->setText(DayColumn, locale.toString(row.day, QLocale::ShortFormat));
        item->setData(DayColumn, Qt::UserRole, rowKey(row));
        item->setToolTip(DayColumn, locale.toString(row.day, QLocale::LongFormat));
        if (row.provider.isEmpty()) {
            item->setText(ProviderColumn, tr("(no provider)"));
            item->setToolTip(ProviderColumn, tr("Requests that failed before reaching a provider"));
            item->setForeground(ProviderColumn, palette().brush(QPalette::PlaceholderText));
        } else {
            item->setText(ProviderColumn, row.provider);
        }
        item->setText(ModelColumn, row.model);
        // Formatted here: item views drop the locale's digit grouping from plain numbers.
        const std::pair<int, qint64> counts[] = {{RequestsColumn, row.totals.requests},
                                                 {InputColumn, row.totals.inputTokens},
                                                 {OutputColumn, row.totals.outputTokens},
                                                 {CachedColumn, row.totals.cacheReadTokens},
                                                 {ErrorsColumn, row.totals.errors}};
        for (const auto &[column, count] : counts)
            item->setText(column, locale.toString(count));
        const std::optional<double> cost =
            row.provider.isEmpty() ? std::nullopt : m_stats->estimatedCostUsd(row.provider, row.model, row.totals);
        item->setText(CostColumn, cost ? usd(*cost) : dash());
        for (int column = RequestsColumn; column < ColumnCount; ++column)
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        items << item;
    }
    m_table->addTopLevelItems(items);
    if (!selectedKey.isEmpty()) {
        for (QTreeWidgetItem *item : std::as_const(items)) {
            if (item->data(DayColumn, Qt::UserRole).toString() == selectedKey) {
                m_table->setCurrentItem(item);
                break;
            }
        }
    }
    m_table->verticalScrollBar()->setValue(scrolledTo);
    m_table->setUpdatesEnabled(true);
}
