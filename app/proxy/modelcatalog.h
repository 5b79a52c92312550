#pragma once

#include "config/proxyconfig.h"
#include "proxy/providerprobe.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class UpstreamClient;

// The models each provider says it serves (its GET /models), fetched once and kept for a
// while, so a model name can be corrected for case ("DeepSeek-Chat" → "deepseek-chat") or
// refused with the list of what exists, before a request is wasted on it.
class ModelCatalog : public QObject
{
    Q_OBJECT

public:
    struct Resolution
    {
        QString model;        // the name to send: the requested one, or its corrected case
        bool known = true;    // false: the provider listed its models and this is not one
        QStringList available; // the provider's models, when `known` is false
        int contextWindow = 0; // the model's window as the provider's list gives it; 0 = unknown
    };
    using Callback = std::function<void(const Resolution &)>;

    ModelCatalog(const UpstreamClient &client, int cacheSeconds = 600, QObject *parent = nullptr);

    // Calls `done` (now, or once the list is in) unless `owner` is gone by then. A provider
    // whose list cannot be had (no /models, an error) lets every name through.
    void resolve(const ProviderConfig &provider, const QString &model, QObject *owner, Callback done);

    static Resolution resolveIn(const QStringList &models, const QString &model,
                                const QHash<QString, int> &contextWindows = {});

private:
    struct Waiter
    {
        QPointer<QObject> owner;
        QString model;
        Callback done;
    };
    struct Entry
    {
        QStringList models;   // empty: unknown (not fetched, or the provider has no list)
        QHash<QString, int> contextWindows;
        QDateTime fetchedAt;
        bool fetching = false;
        QList<Waiter> waiting;
    };

    void fetch(const ProviderConfig &provider);
    void settle(const QString &providerName, const ProviderProbe::Result &list);

    const UpstreamClient &m_client;
    int m_cacheSeconds;
    QHash<QString, Entry> m_entries; // by provider name
};
