#include "requestlogfilter.h"

#include "requestlogmodel.h"

RequestLogFilter::RequestLogFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void RequestLogFilter::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void RequestLogFilter::setProvider(const QString &provider)
{
    m_provider = provider;
    invalidateFilter();
}

void RequestLogFilter::setOutcome(Outcome outcome)
{
    m_outcome = outcome;
    invalidateFilter();
}

bool RequestLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_provider.isEmpty() && index.data(RequestLogModel::ProviderRole).toString() != m_provider)
        return false;
    const bool failed = index.data(RequestLogModel::IsErrorRole).toBool();
    if ((m_outcome == Outcome::Succeeded && failed) || (m_outcome == Outcome::Failed && !failed))
        return false;
    return m_text.isEmpty() || index.data(RequestLogModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}
