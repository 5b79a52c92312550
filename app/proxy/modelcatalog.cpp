#include "modelcatalog.h"


ModelCatalog::ModelCatalog(const UpstreamClient &client, int cacheSeconds, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_cacheSeconds(cacheSeconds)
{
}

ModelCatalog::Resolution ModelCatalog::resolveIn(const QStringList &models, const QString &model,
                                                 const QHash<QString, int> &contextWindows)
{
    if (models.isEmpty() || models.contains(model))
        return {model, true, {}, contextWindows.value(model)};
    for (const QString &candidate : models) {
        if (candidate.compare(model, Qt::CaseInsensitive) == 0)
            return {candidate, true, {}, contextWindows.value(candidate)};
    }
    return {model, false, models};
}

void ModelCatalog::resolve(const ProviderConfig &provider, const QString &model, QObject *owner, Callback done)
{
    Entry &entry = m_entries[provider.name];
    const bool fresh = entry.fetchedAt.isValid()
                       && entry.fetchedAt.secsTo(QDateTime::currentDateTimeUtc()) < m_cacheSeconds;
    if (fresh) {
        done(resolveIn(entry.models, model, entry.contextWindows));
        return;
    }
    entry.waiting.append({owner, model, std::move(done)});
    if (!entry.fetching)
        fetch(provider);
}

void ModelCatalog::fetch(const ProviderConfig &provider)
{
    m_entries[provider.name].fetching = true;
    const QString name = provider.name;
    // A failed fetch is settled as an empty list: every name is let through.
    new ProviderProbe(m_client, provider, [this, name](const ProviderProbe::Result &result) { settle(name, result); }, this);
}

void ModelCatalog::settle(const QString &providerName, const ProviderProbe::Result &list)
{
    Entry &entry = m_entries[providerName];
    entry.models = list.models;
    entry.contextWindows = list.contextWindows;
    entry.fetchedAt = QDateTime::currentDateTimeUtc();
    entry.fetching = false;
    const QList<Waiter> waiting = std::exchange(entry.waiting, {});
    // A waiter's callback may resolve again and so change m_entries: what it needs is copied.
    for (const Waiter &waiter : waiting) {
        if (waiter.owner)
            waiter.done(resolveIn(list.models, waiter.model, list.contextWindows));
    }
}
