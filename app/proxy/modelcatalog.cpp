#include "modelcatalog.h"

#include "proxy/providerprobe.h"

ModelCatalog::ModelCatalog(const UpstreamClient &client, int cacheSeconds, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_cacheSeconds(cacheSeconds)
{
}

ModelCatalog::Resolution ModelCatalog::resolveIn(const QStringList &models, const QString &model)
{
    if (models.isEmpty() || models.contains(model))
        return {model, true, {}};
    for (const QString &candidate : models) {
        if (candidate.compare(model, Qt::CaseInsensitive) == 0)
            return {candidate, true, {}};
    }
    return {model, false, models};
}

void ModelCatalog::resolve(const ProviderConfig &provider, const QString &model, QObject *owner, Callback done)
{
    Entry &entry = m_entries[provider.name];
    const bool fresh = entry.fetchedAt.isValid()
                       && entry.fetchedAt.secsTo(QDateTime::currentDateTimeUtc()) < m_cacheSeconds;
    if (fresh) {
        done(resolveIn(entry.models, model));
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
    new ProviderProbe(m_client, provider, [this, name](const ProviderProbe::Result &result) { settle(name, result.models); },
                      this);
}

void ModelCatalog::settle(const QString &providerName, const QStringList &models)
{
    Entry &entry = m_entries[providerName];
    entry.models = models;
    entry.fetchedAt = QDateTime::currentDateTimeUtc();
    entry.fetching = false;
    const QList<Waiter> waiting = std::exchange(entry.waiting, {});
    for (const Waiter &waiter : waiting) {
        if (waiter.owner)
            waiter.done(resolveIn(models, waiter.model));
    }
}
