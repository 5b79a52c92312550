#include "requestlogmodel.h"

#include "monitor/requestlog.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>

#include <algorithm>

RequestLogModel::RequestLogModel(const RequestLog *log, int maxRows, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
    , m_maxRows(qMax(1, maxRows))
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(100);
    connect(&m_flush, &QTimer::timeout, this, &RequestLogModel::flushChanges);
    for (const RequestRecord &record : log->records())
        m_rows.append(record);
    while (m_rows.size() > m_maxRows)
        m_rows.removeFirst();
    connect(log, &RequestLog::started, this, &RequestLogModel::add);
    connect(log, &RequestLog::updated, this, &RequestLogModel::markChanged);
    connect(log, &RequestLog::finished, this, &RequestLogModel::markChanged);
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const RequestRecord *RequestLogModel::record(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

QStringList RequestLogModel::providers() const
{
    QStringList names;
    for (const RequestRecord &record : m_rows) {
        if (!record.provider.isEmpty() && !names.contains(record.provider))
            names << record.provider;
    }
    names.sort();
    return names;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    const RequestRecord *row = record(index.row());
    if (!row || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const bool failed = row->finished && (row->status >= 400 || !row->error.isEmpty());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(*row, index.column());
    case Qt::ToolTipRole: {
        QStringList lines;
        if (!row->error.isEmpty())
            lines << row->error;
        lines << row->notes;
        return lines.isEmpty() ? QVariant() : lines.join(QLatin1Char('\n'));
    }
    case Qt::TextAlignmentRole:
        return index.column() >= Status ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ForegroundRole:
        return failed ? QVariant(QBrush(QColor(0xc0, 0x1c, 0x28))) : QVariant();
    case IdRole:
        return row->id;
    case ProviderRole:
        return row->provider;
    case IsErrorRole:
        return failed;
    case SearchTextRole:
        return QStringList{row->path, row->clientModel, row->provider, row->upstreamModel, row->error,
                           QString::number(row->status)}
            .join(QLatin1Char(' '));
    default:
        return {};
    }
}

QString RequestLogModel::displayText(const RequestRecord &record, int column) const
{
    const QLocale locale;
    auto milliseconds = [&](qint64 value) { return value < 0 ? QString() : tr("%1 ms").arg(locale.toString(value)); };
    auto tokens = [&](qint64 value) { return record.finished ? locale.toString(value) : QString(); };
    switch (column) {
    case Time:
        return record.startedAt.time().toString(QStringLiteral("HH:mm:ss"));
    case Model:
        if (record.clientModel.isEmpty())
            return record.method + QLatin1Char(' ') + record.path;
        if (record.provider.isEmpty())
            return record.clientModel;
        return tr("%1 → %2/%3").arg(record.clientModel, record.provider, record.upstreamModel);
    case Stream:
        return record.stream ? tr("stream") : QString();
    case Status:
        return record.finished ? QString::number(record.status) : tr("running");
    case Latency:
        return milliseconds(record.durationMs);
    case FirstByte:
        return milliseconds(record.firstByteMs);
    case InputTokens:
        return tokens(record.usage.input);
    case OutputTokens:
        return tokens(record.usage.output);
    case CachedTokens:
        return tokens(record.usage.cacheRead);
    case Attempts:
        return record.attempts > 1 ? QString::number(record.attempts) : QString();
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Model: return tr("Model → provider/model");
    case Stream: return tr("Stream");
    case Status: return tr("Status");
    case Latency: return tr("Latency");
    case FirstByte: return tr("First byte");
    case InputTokens: return tr("In");
    case OutputTokens: return tr("Out");
    case CachedTokens: return tr("Cached");
    case Attempts: return tr("Attempts");
    default: return {};
    }
}

void RequestLogModel::add(quint64 id)
{
    const RequestRecord *record = m_log->find(id);
    if (!record)
        return;
    if (m_rows.size() >= m_maxRows) {
        beginRemoveRows({}, 0, 0);
        m_changed.remove(m_rows.first().id);
        m_rows.removeFirst();
        endRemoveRows();
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.append(*record);
    endInsertRows();
}

void RequestLogModel::markChanged(quint64 id)
{
    m_changed.insert(id);
    if (!m_flush.isActive())
        m_flush.start();
}

void RequestLogModel::flushChanges()
{
    for (const quint64 id : std::as_const(m_changed)) {
        const int row = rowOf(id);
        const RequestRecord *record = m_log->find(id);
        if (row < 0 || !record)
            continue;
        m_rows[row] = *record;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    m_changed.clear();
}

int RequestLogModel::rowOf(quint64 id) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id,
                                     [](const RequestRecord &record, quint64 wanted) { return record.id < wanted; });
    return it != m_rows.cend() && it->id == id ? int(it - m_rows.cbegin()) : -1;
}
