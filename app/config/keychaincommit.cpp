#include "keychaincommit.h"

#include "config/routejson.h"
#include "config/settings.h"

#include <QJsonArray>

KeychainCommit::KeychainCommit(SecretStore *secrets, Settings *settings, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_settings(settings)
{
}

void KeychainCommit::start(const QList<ProviderDraft> &drafts, const QStringList &forgotten)
{
    if (m_running)
        return;
    m_running = true;
    m_error = SecretStore::Error::None;
    m_drafts = drafts;
    m_moves.clear();
    m_writes.clear();
    m_removals.clear();
    m_warnings.clear();

    QStringList kept;
    QStringList previous = forgotten;
    for (const ProviderDraft &draft : std::as_const(m_drafts)) {
        if (!draft.storedKeyName.isEmpty())
            previous << draft.storedKeyName;
        if (draft.keySource() != ProviderDraft::KeySource::Keychain)
            continue;
        kept << draft.name;
        if (!draft.pendingKey.isEmpty())
            m_writes.append({draft.name, draft.pendingKey});
        else if (draft.storedKeyName != draft.name)
            m_moves.append({draft.storedKeyName, draft.name});
    }
    for (const QString &name : std::as_const(previous)) {
        if (!kept.contains(name) && !m_removals.contains(name))
            m_removals << name;
    }
    readMovedKey(0);
}

bool KeychainCommit::isRunning() const
{
    return m_running;
}

QList<ProviderDraft> KeychainCommit::drafts() const
{
    return m_drafts;
}

SecretStore::Error KeychainCommit::error() const
{
    return m_error;
}

void KeychainCommit::readMovedKey(qsizetype index)
{
    // Every moved key is read before any is written, so two providers that swap names do not
    // overwrite each other's key.
    if (index >= m_moves.size()) {
        writeKey(0);
        return;
    }
    const KeyMove move = m_moves.at(index);
    m_secrets->read(move.from, this, [this, index, move](const SecretStore::Result &result) {
        if (!result.ok) {
            fail(result.error, result.message);
            return;
        }
        m_writes.append({move.to, result.secret});
        readMovedKey(index + 1);
    });
}

void KeychainCommit::writeKey(qsizetype index)
{
    if (index >= m_writes.size()) {
        m_writes.clear();
        storeSettings();
        return;
    }
    const KeyWrite &write = m_writes.at(index);
    m_secrets->write(write.name, write.secret, this, [this, index](const SecretStore::Result &result) {
        if (!result.ok) {
            fail(result.error, result.message);
            return;
        }
        writeKey(index + 1);
    });
}

void KeychainCommit::storeSettings()
{
    QJsonArray providers;
    for (const ProviderDraft &draft : std::as_const(m_drafts))
        providers.append(draft.toJson());
    if (const auto problem = m_settings->set(Settings::Key::Providers, providers)) {
        fail(SecretStore::Error::None, tr("The providers could not be saved: %1").arg(*problem));
        return;
    }
    storeStarterRoutes();
    for (qsizetype i = 0; i < m_drafts.size(); ++i)
        m_drafts[i].markStored(providers.at(i).toObject());
    removeStaleKey(0);
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

void KeychainCommit::removeStaleKey(qsizetype index)
{
    if (index >= m_removals.size()) {
        succeed();
        return;
    }
    m_secrets->remove(m_removals.at(index), this, [this, index](const SecretStore::Result &result) {
        // The providers are saved by now: a key left behind is worth a word, not a failure.
        if (!result.ok)
            m_warnings << result.message;
        removeStaleKey(index + 1);
    });
}

void KeychainCommit::succeed()
{
    m_running = false;
    const QString message = m_warnings.isEmpty() ? tr("Saved.")
                                                 : tr("Saved, but: %1").arg(m_warnings.join(QLatin1Char(' ')));
    Q_EMIT finished(true, message, m_warnings);
}

void KeychainCommit::fail(SecretStore::Error error, const QString &message)
{
    // Nothing reached the settings: they still describe the keys the keychain holds.
    m_running = false;
    m_error = error;
    m_moves.clear();
    m_writes.clear();
    m_removals.clear();
    QString text = message;
    if (error == SecretStore::Error::NoKeychain)
        text += QLatin1Char('\n') + tr("Nothing was saved. Give the key through an environment variable, then apply again.");
    else if (error != SecretStore::Error::None)
        text += QLatin1Char('\n') + SecretStore::explain(error);
    Q_EMIT finished(false, text, {});
}
