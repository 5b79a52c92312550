#include "keychaincommit.h"

#include "config/routejson.h"
#include "config/settings.h"

#include <QJsonArray>

KeychainCommit::KeychainCommit(SecretStore *secrets, Settings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_transaction(new KeychainTransaction(secrets, this))
{
    connect(m_transaction, &KeychainTransaction::finished, this, &KeychainCommit::transactionFinished);
}

void KeychainCommit::start(const QList<ProviderDraft> &drafts, const QStringList &forgotten)
{
    if (isRunning())
        return;
    m_error = SecretStore::Error::None;
    m_drafts = drafts;

    KeychainTransaction::Plan plan;
    QStringList kept;
    QStringList previous = forgotten;
    for (const ProviderDraft &draft : std::as_const(m_drafts)) {
        if (!draft.storedKeyName.isEmpty())
            previous << draft.storedKeyName;
        if (draft.keySource() != ProviderDraft::KeySource::Keychain)
            continue;
        kept << draft.name;
        if (!draft.pendingKey.isEmpty())
            plan.writes.append({draft.name, draft.pendingKey});
        else if (draft.storedKeyName != draft.name)
            plan.moves.append({draft.storedKeyName, draft.name});
    }
    for (const QString &name : std::as_const(previous)) {
        if (!kept.contains(name) && !plan.removals.contains(name))
            plan.removals << name;
    }
    m_transaction->start(plan, [this] { return storeSettings(); });
}

bool KeychainCommit::isRunning() const
{
    return m_transaction->isRunning();
}

QList<ProviderDraft> KeychainCommit::drafts() const
{
    return m_drafts;
}

SecretStore::Error KeychainCommit::error() const
{
    return m_error;
}

std::optional<QString> KeychainCommit::storeSettings()
{
    QJsonArray providers;
    for (const ProviderDraft &draft : std::as_const(m_drafts))
        providers.append(draft.toJson());
    if (const auto problem = m_settings->set(Settings::Key::Providers, providers))
        return tr("The providers could not be saved: %1").arg(*problem);
    storeStarterRoutes();
    for (qsizetype i = 0; i < m_drafts.size(); ++i)
        m_drafts[i].markStored(providers.at(i).toObject());
    return std::nullopt;
}

void KeychainCommit::storeStarterRoutes()
{
    // Without routes the proxy refuses to start; a provider newly added from a preset brings
    // the preset's mapping, so Start works as soon as its key is saved. Routes the user has
    // are never touched.
    if (!m_settings->routes().isEmpty())
        return;
    for (const ProviderDraft &draft : std::as_const(m_drafts)) {
        if (const QJsonArray routes = RouteJson::presetRoutes(draft.preset, draft.name);
            draft.isNew() && !routes.isEmpty()) {
            m_settings->setRoutes(routes);
            return;
        }
    }
}

void KeychainCommit::transactionFinished(bool ok, SecretStore::Error error, const QString &message,
                                         const QStringList &warnings)
{
    if (ok) {
        Q_EMIT finished(true, warnings.isEmpty() ? tr("Saved.") : tr("Saved, but: %1").arg(warnings.join(QLatin1Char(' '))),
                        warnings);
        return;
    }
    // Nothing reached the settings: they still describe the keys the keychain holds.
    m_error = error;
    QString text = message;
    if (error == SecretStore::Error::NoKeychain)
        text += QLatin1Char('\n') + tr("Nothing was saved. Give the key through an environment variable, then apply again.");
    else if (error != SecretStore::Error::None)
        text += QLatin1Char('\n') + SecretStore::explain(error);
    Q_EMIT finished(false, text, {});
}
