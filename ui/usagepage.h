#pragma once

#include <QDate>
#include <QWidget>

#include <utility>

class QComboBox;
class QGridLayout;
class QLabel;
class QTimer;
class QTreeWidget;
class UsageChart;
class UsageStats;

// The window's Usage tab: for a chosen period, the totals, a chart of tokens per day and
// a table per day, provider and model, following the statistics as requests finish.
class UsagePage : public QWidget
{
    Q_OBJECT

public:
    enum class Period { Today, Last7Days, Last30Days, ThisMonth };

    explicit UsagePage(const UsageStats *stats, QWidget *parent = nullptr);

    void setPeriod(Period period);
    Period period() const;

    // The first and last day (inclusive) that `period` covers when it is `today`.
    static std::pair<QDate, QDate> rangeOf(Period period, QDate today);

private:
    QLabel *addFigure(QGridLayout *layout, int column, const QString &caption, const QString &objectName);
    void scheduleRefresh();
    void refresh();
    void fillTable(QDate from, QDate to);
    void updateCost(QDate from, QDate to);

    const UsageStats *m_stats;
    QComboBox *m_period;
    QLabel *m_range;
    QLabel *m_requests = nullptr;
    QLabel *m_input = nullptr;
    QLabel *m_output = nullptr;
    QLabel *m_cached = nullptr;
    QLabel *m_errors = nullptr;
    QLabel *m_cost = nullptr;
    UsageChart *m_chart;
    QTreeWidget *m_table;
    // Gathers a burst of finished requests into one refresh.
    QTimer *m_refresh;
    // Fires just after midnight: "Today" moves on even when no request comes in.
    QTimer *m_dayChange;
};
