#include "modelcatalog.h"

#include "protocol/upstreamformat.h"
#include "proxy/upstreamcall.h"
#include "proxy/upstreamclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
    const UpstreamFormat *format = UpstreamFormat::forName(provider.format);
    const HttpHeaders headers = provider.headers + format->authHeaders(provider.apiKey);
    UpstreamCall *call = m_client.get(provider.endpoint(format->modelsPath()), headers, this);
    auto body = std::make_shared<QByteArray>();
    connect(call, &UpstreamCall::dataReceived, call, [body](const QByteArray &bytes) { body->append(bytes); });
    const QString name = provider.name;
    auto finish = [this, call, body, name](bool ok) {
        QStringList models;
        if (ok && call->status() == 200) {
            for (const QJsonValue &model : QJsonDocument::fromJson(*body).object().value(QLatin1StringView("data")).toArray())
                models << model.toObject().value(QLatin1StringView("id")).toString();
            models.removeAll(QString());
        }
        call->deleteLater();
        settle(name, models);
    };
    connect(call, &UpstreamCall::finished, this, [finish] { finish(true); });
    connect(call, &UpstreamCall::failed, this, [finish] { finish(false); });
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
