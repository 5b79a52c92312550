#include "usagechart.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

namespace {

constexpr int gridLines = 4;
constexpr int margin = 6;
// Wider bars stop reading as bars once there are only a few days.
constexpr qreal maxBarWidth = 44;

qint64 stackedTokens(const UsageStats::Totals &totals)
{
    return totals.inputTokens + totals.outputTokens + totals.cacheReadTokens;
}

QColor mixed(const QColor &a, const QColor &b, qreal bWeight)
{
    return QColor::fromRgbF(float(a.redF() * (1 - bWeight) + b.redF() * bWeight),
                            float(a.greenF() * (1 - bWeight) + b.greenF() * bWeight),
                            float(a.blueF() * (1 - bWeight) + b.blueF() * bWeight));
}

// Input takes the theme's accent; output its opposite hue at the same lightness, so the
// two stay apart in any theme; cached input is input faded towards the background, being
// input too but cheaper.
QColor inputColor(const QPalette &palette)
{
    const QColor accent = palette.color(QPalette::Highlight);
    // A grey accent has no hue to build on.
    return accent.hslSaturation() < 40 ? QColor(0x35, 0x84, 0xe4) : accent;
}

QColor outputColor(const QPalette &palette)
{
    const QColor input = inputColor(palette);
    return QColor::fromHsl((input.hslHue() + 180) % 360, qMax(input.hslSaturation(), 150), input.lightness());
}

QColor cachedColor(const QPalette &palette)
{
    return mixed(inputColor(palette), palette.color(QPalette::Base), 0.55);
}

QString compactCount(qint64 value)
{
    const QLocale locale;
    static const std::pair<double, const char *> units[] = {{1e9, QT_TRANSLATE_NOOP("UsageChart", "%1B")},
                                                            {1e6, QT_TRANSLATE_NOOP("UsageChart", "%1M")},
                                                            {1e3, QT_TRANSLATE_NOOP("UsageChart", "%1k")}};
    for (const auto &[size, format] : units) {
        if (double(value) >= size) {
            const double scaled = double(value) / size;
            const int precision = std::abs(scaled - std::round(scaled)) < 0.05 || scaled >= 100 ? 0 : 1;
            return UsageChart::tr(format).arg(locale.toString(scaled, 'f', precision));
        }
    }
    return locale.toString(value);
}

// 1, 2, 2.5 or 5 times a power of ten: axis steps people read at a glance.
qint64 niceStep(double rough)
{
    if (rough <= 1)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    for (const double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (factor * magnitude >= rough)
            return qMax<qint64>(1, qint64(std::llround(factor * magnitude)));
    }
    return qint64(std::llround(10 * magnitude));
}

} // namespace

UsageChart::UsageChart(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAccessibleName(tr("Tokens per day"));
}

void UsageChart::setData(const QMap<QDate, UsageStats::Totals> &data)
{
    if (data == m_data)
        return;
    m_data = data;
    if (m_hovered >= m_data.size())
        m_hovered = -1;
    update();
}

QSize UsageChart::sizeHint() const
{
    return {600, 180};
}

QSize UsageChart::minimumSizeHint() const
{
    return {240, 120};
}

qint64 UsageChart::axisMaximum() const
{
    qint64 highest = 0;
    for (const UsageStats::Totals &totals : m_data)
        highest = qMax(highest, stackedTokens(totals));
    return niceStep(double(highest) / gridLines) * gridLines;
}

QRect UsageChart::plotArea() const
{
    const QFontMetrics metrics = fontMetrics();
    const qint64 maximum = axisMaximum();
    int widestTick = 0;
    for (int line = 0; line <= gridLines; ++line)
        widestTick = qMax(widestTick, metrics.horizontalAdvance(compactCount(maximum * line / gridLines)));
    const int axisWidth = widestTick + 2 * margin;
    const int legendHeight = metrics.height() + 2 * margin;
    const int dayLabelHeight = metrics.height() + margin;
    return rect().adjusted(axisWidth, legendHeight, -margin, -dayLabelHeight);
}

QRectF UsageChart::slotOf(int index, const QRect &plot) const
{
    const qreal width = qreal(plot.width()) / qMax<qsizetype>(1, m_data.size());
    return {plot.left() + index * width, qreal(plot.top()), width, qreal(plot.height())};
}

int UsageChart::dayAt(const QPoint &position) const
{
    const QRect plot = plotArea();
    if (m_data.isEmpty() || position.x() < plot.left() || position.x() >= plot.right() || position.y() < plot.top()
        || position.y() > plot.bottom())
        return -1;
    const int index = int((position.x() - plot.left()) * m_data.size() / qMax(1, plot.width()));
    return index < m_data.size() ? index : -1;
}

QString UsageChart::toolTipFor(int index) const
{
    const QDate day = std::next(m_data.cbegin(), index).key();
    const UsageStats::Totals &totals = std::next(m_data.cbegin(), index).value();
    const QLocale locale;
    QStringList lines{locale.toString(day, QLocale::LongFormat),
                      tr("Requests: %1").arg(locale.toString(totals.requests)),
                      tr("Input: %1").arg(locale.toString(totals.inputTokens)),
                      tr("Cached input: %1").arg(locale.toString(totals.cacheReadTokens)),
                      tr("Output: %1").arg(locale.toString(totals.outputTokens))};
    if (totals.errors > 0)
        lines << tr("Errors: %1").arg(locale.toString(totals.errors));
    return lines.join(QLatin1Char('\n'));
}

bool UsageChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = dayAt(help->pos());
        if (index < 0) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), toolTipFor(index), this, slotOf(index, plotArea()).toAlignedRect());
        }
        return true;
    }
    return QWidget::event(event);
}

void UsageChart::mouseMoveEvent(QMouseEvent *event)
{
    const int index = dayAt(event->position().toPoint());
    if (index != m_hovered) {
        m_hovered = index;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void UsageChart::leaveEvent(QEvent *event)
{
    if (m_hovered != -1) {
        m_hovered = -1;
        update();
    }
    QWidget::leaveEvent(event);
}

void UsageChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette palette = this->palette();
    const QFontMetrics metrics = fontMetrics();
    const QColor textColor = palette.color(QPalette::PlaceholderText);
    QColor gridColor = palette.color(QPalette::Text);
    gridColor.setAlphaF(0.12f);

    const QRect plot = plotArea();
    const qint64 maximum = qMax<qint64>(1, axisMaximum());

    // Legend, top right, in stacking order read top-down.
    const std::pair<QString, QColor> legend[] = {
        {tr("Output"), outputColor(palette)}, {tr("Input"), inputColor(palette)}, {tr("Cached input"), cachedColor(palette)}};
    const int swatch = metrics.ascent() - 2;
    int x = width() - margin;
    for (auto it = std::rbegin(legend); it != std::rend(legend); ++it) {
        const auto &[label, color] = *it;
        const int textWidth = metrics.horizontalAdvance(label);
        x -= textWidth;
        painter.setPen(palette.color(QPalette::WindowText));
        painter.drawText(QRect(x, margin, textWidth, metrics.height()), Qt::AlignVCenter, label);
        x -= swatch + margin / 2;
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawRoundedRect(QRectF(x, margin + (metrics.height() - swatch) / 2.0, swatch, swatch), 2, 2);
        x -= 2 * margin;
    }

    // Grid and token axis.
    painter.setBrush(Qt::NoBrush);
    for (int line = 0; line <= gridLines; ++line) {
        const qreal y = plot.bottom() - qreal(plot.height()) * line / gridLines;
        painter.setPen(QPen(gridColor, 1));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(textColor);
        const QRectF label(0, y - metrics.height() / 2.0, plot.left() - margin, metrics.height());
        painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter, compactCount(maximum * line / gridLines));
    }

    if (m_data.isEmpty() || std::all_of(m_data.cbegin(), m_data.cend(), [](const UsageStats::Totals &totals) {
            return stackedTokens(totals) == 0;
        })) {
        painter.setPen(textColor);
        painter.drawText(plot, Qt::AlignCenter, tr("No tokens used in this period"));
    }

    // Labels every few days when they would not fit under each bar.
    const QLocale locale;
    const int count = int(m_data.size());
    const bool fewDays = count <= 7;
    auto dayLabel = [&](QDate day, int index) {
        if (count == 1)
            return locale.toString(day, QLocale::ShortFormat);
        if (fewDays)
            return locale.toString(day, QStringLiteral("ddd d"));
        return index == 0 || day.day() == 1 ? locale.toString(day, QStringLiteral("MMM d")) : QString::number(day.day());
    };
    const qreal slotWidth = qreal(plot.width()) / qMax(1, count);
    const int widestLabel = fewDays ? metrics.horizontalAdvance(locale.toString(QDate(2025, 9, 24), QStringLiteral("ddd d")))
                                    : metrics.horizontalAdvance(QStringLiteral("MMM 00"));
    const int labelEvery = qMax(1, int(std::ceil((widestLabel + margin) / qMax<qreal>(1, slotWidth))));

    const qreal barWidth = qMin(maxBarWidth, slotWidth * 0.7);
    int index = 0;
    for (auto it = m_data.cbegin(); it != m_data.cend(); ++it, ++index) {
        const QRectF slot = slotOf(index, plot);
        if (index == m_hovered) {
            QColor hover = palette.color(QPalette::Text);
            hover.setAlphaF(0.07f);
            painter.fillRect(slot, hover);
        }

        const UsageStats::Totals &totals = it.value();
        const qreal left = slot.center().x() - barWidth / 2;
        const qreal pixelsPerToken = qreal(plot.height()) / qreal(maximum);
        const qreal barHeight = qreal(stackedTokens(totals)) * pixelsPerToken;
        if (barHeight > 0) {
            // Rounded at the top only: the bar stands on the axis.
            QPainterPath outline;
            outline.addRoundedRect(QRectF(left, plot.bottom() - barHeight, barWidth, barHeight + 4), 3, 3);
            painter.save();
            painter.setClipRect(QRectF(left, plot.top(), barWidth, plot.height() + 0.5));
            painter.setClipPath(outline, Qt::IntersectClip);
            qreal bottom = plot.bottom();
            const std::pair<qint64, QColor> segments[] = {{totals.cacheReadTokens, cachedColor(palette)},
                                                          {totals.inputTokens, inputColor(palette)},
                                                          {totals.outputTokens, outputColor(palette)}};
            for (const auto &[tokens, color] : segments) {
                const qreal height = qreal(tokens) * pixelsPerToken;
                QColor fill = color;
                if (index == m_hovered)
                    fill = fill.lighter(110);
                painter.fillRect(QRectF(left, bottom - height, barWidth, height), fill);
                bottom -= height;
            }
            painter.restore();
        }

        if (index % labelEvery == 0) {
            painter.setPen(index == m_hovered ? palette.color(QPalette::WindowText) : textColor);
            const QRectF label(slot.center().x() - widestLabel, plot.bottom() + margin / 2.0, 2.0 * widestLabel,
                               metrics.height());
            painter.drawText(label, Qt::AlignHCenter | Qt::AlignTop, dayLabel(it.key(), index));
        }
    }
}
