#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// The benchmark's figures: proxy against direct where both exist, the proxy's own otherwise.
// Prints them as a table with ratios and gives them as JSON.
class BenchReport
{
public:
    void addComparison(const QString &measure, const QString &unit, double direct, double proxy);
    void addFigure(const QString &measure, const QString &unit, double proxy);
    void addNote(const QString &note) { m_notes.append(note); }

    QString table() const;
    QJsonArray json() const;

private:
    struct Row
    {
        QString measure;
        QString unit;
        double direct = -1; // -1: no direct figure
        double proxy = 0;
    };

    QList<Row> m_rows;
    QList<QString> m_notes;
};
