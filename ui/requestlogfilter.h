#pragma once

#include <QSortFilterProxyModel>

// What the request table shows: rows whose text (path, models, provider, status, error)
// contains the search text, of one provider or all, and all / only successful / only failed.
class RequestLogFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Outcome { All, Succeeded, Failed };

    explicit RequestLogFilter(QObject *parent = nullptr);

    void setText(const QString &text);
    void setProvider(const QString &provider); // empty: every provider
    void setOutcome(Outcome outcome);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QString m_provider;
    Outcome m_outcome = Outcome::All;
};
