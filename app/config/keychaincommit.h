#pragma once

#include "config/providerdraft.h"
#include "config/keychaintransaction.h"
#include "config/secretstore.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <optional>

class Settings;

// Stores edited providers: their keys in the keychain, then the providers in Settings, one
// asynchronous step at a time. Keys are written first, so the settings never claim a key the
// keychain does not hold; if a key cannot be read or written, nothing reaches the settings.
// Keys nothing refers to any more are removed last, once the settings no longer name them.
class KeychainCommit : public QObject
{
    Q_OBJECT

public:
    KeychainCommit(SecretStore *secrets, Settings *settings, QObject *parent = nullptr);

    // Stores `drafts` in this order. `forgotten`: keychain names of providers removed since they
    // were last stored. A provider newly added from a preset, when there are no routes yet,
    // brings the preset's routes with it.
    void start(const QList<ProviderDraft> &drafts, const QStringList &forgotten);
    bool isRunning() const;

    // After a successful commit: the drafts as stored (typed keys now in the keychain).
    QList<ProviderDraft> drafts() const;
    // After a failed one: the keychain's error (None when the settings refused).
    SecretStore::Error error() const;

Q_SIGNALS:
    // `message` is what the user reads; `warnings` are problems that did not stop the commit.
    void finished(bool ok, const QString &message, const QStringList &warnings);

private:
    std::optional<QString> storeSettings();
    void storeStarterRoutes();
    void transactionFinished(bool ok, SecretStore::Error error, const QString &message, const QStringList &warnings);

    Settings *m_settings;
    KeychainTransaction *m_transaction;
    SecretStore::Error m_error = SecretStore::Error::None;
    QList<ProviderDraft> m_drafts;
};
