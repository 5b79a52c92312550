#pragma once

#include "monitor/usagestats.h"

#include <QDate>
#include <QMap>
#include <QWidget>

// A bar per day of the tokens used: cached input at the bottom (lighter), then the rest of
// the input, then output, with a token axis, day labels and a tooltip per day. Colours come
// from the palette, so it reads in dark and light themes alike.
class UsageChart : public QWidget
{
    Q_OBJECT

public:
    explicit UsageChart(QWidget *parent = nullptr);

    // One entry per day to show, in order, as UsageStats::perDay gives them.
    void setData(const QMap<QDate, UsageStats::Totals> &data);
    QMap<QDate, UsageStats::Totals> data() const { return m_data; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    // Where the bars go: the widget less the legend, the axis labels and margins.
    QRect plotArea() const;
    // The slot of the day at `index` across the plot's width, bar and gap included.
    QRectF slotOf(int index, const QRect &plot) const;
    int dayAt(const QPoint &position) const;
    qint64 axisMaximum() const;
    QString toolTipFor(int index) const;

    QMap<QDate, UsageStats::Totals> m_data;
    int m_hovered = -1;
};
