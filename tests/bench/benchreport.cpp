#include "benchreport.h"

void BenchReport::addComparison(const QString &measure, const QString &unit, double direct, double proxy)
{
    m_rows.append({measure, unit, direct, proxy});
}

void BenchReport::addFigure(const QString &measure, const QString &unit, double proxy)
{
    m_rows.append({measure, unit, -1, proxy});
}

QString BenchReport::table() const
{
    const auto number = [](double value) {
        return value >= 100 ? QString::number(value, 'f', 0) : QString::number(value, 'f', 2);
    };
    QString out = QStringLiteral("%1 %2 %3 %4 %5\n")
                      .arg(QStringLiteral("measure"), -34)
                      .arg(QStringLiteral("unit"), -10)
                      .arg(QStringLiteral("direct"), 10)
                      .arg(QStringLiteral("ccbridge"), 10)
                      .arg(QStringLiteral("proxy/direct"), 13);
    for (const Row &row : m_rows) {
        const bool compared = row.direct >= 0;
        out += QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(row.measure, -34)
                   .arg(row.unit, -10)
                   .arg(compared ? number(row.direct) : QStringLiteral("-"), 10)
                   .arg(number(row.proxy), 10)
                   .arg(compared && row.direct > 0 ? QString::number(row.proxy / row.direct, 'f', 2) : QStringLiteral("-"), 13);
    }
    for (const QString &note : m_notes)
        out += note + u'\n';
    return out;
}

QJsonArray BenchReport::json() const
{
    QJsonArray rows;
    for (const Row &row : m_rows) {
        QJsonObject object{{QStringLiteral("measure"), row.measure},
                           {QStringLiteral("unit"), row.unit},
                           {QStringLiteral("ccbridge"), row.proxy}};
        if (row.direct >= 0) {
            object.insert(QStringLiteral("direct"), row.direct);
            if (row.direct > 0)
                object.insert(QStringLiteral("ratio"), row.proxy / row.direct);
        }
        rows.append(object);
    }
    return rows;
}
