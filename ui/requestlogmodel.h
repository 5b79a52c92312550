#pragma once

#include "monitor/requestrecord.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QTimer>

class RequestLog;

// The live request table: mirrors the engine's RequestLog, newest last, at most `maxRows`
// rows (the oldest go first). Changes to running requests arrive many times a second under
// load; they are gathered and shown at most every 100 ms so the view never falls behind.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Model, Stream, Status, Latency, FirstByte, InputTokens, OutputTokens, CachedTokens, Attempts, ColumnCount };
    enum Role { IdRole = Qt::UserRole, ProviderRole, IsErrorRole, SearchTextRole };

    RequestLogModel(const RequestLog *log, int maxRows = 1000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const RequestRecord *record(int row) const;
    QStringList providers() const;

private:
    void add(quint64 id);
    void markChanged(quint64 id);
    void flushChanges();
    int rowOf(quint64 id) const;
    QString displayText(const RequestRecord &record, int column) const;

    const RequestLog *m_log;
    int m_maxRows;
    QList<RequestRecord> m_rows; // ascending ids
    QSet<quint64> m_changed;
    QTimer m_flush;
};
