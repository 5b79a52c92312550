#pragma once

#include "config/secretstore.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QStringList>

#include <functional>
#include <optional>

// Secrets and the settings that name them, changed together, one asynchronous step at a time:
// moved secrets are read, every secret is written, the settings are stored, and secrets that
// nothing names any more are removed. The settings never name a secret the keychain does not
// hold: when a read or a write fails, the settings are not stored and nothing is removed.
class KeychainTransaction : public QObject
{
    Q_OBJECT

public:
    struct Plan
    {
        QList<QPair<QString, QString>> moves;  // from → to: a secret that changes its name
        QList<QPair<QString, QString>> writes; // name → secret
        QStringList removals;                  // after the settings are stored
    };
    // Stores the settings; nullopt when stored, else why not (then nothing is removed).
    using Store = std::function<std::optional<QString>()>;

    explicit KeychainTransaction(SecretStore *secrets, QObject *parent = nullptr);

    void start(const Plan &plan, Store store);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // `error` is the keychain's (None when the settings refused, or all went well); `message`
    // says what failed; `warnings` are removals that failed after the settings were stored.
    void finished(bool ok, SecretStore::Error error, const QString &message, const QStringList &warnings);

private:
    void readMoved(qsizetype index);
    void write(qsizetype index);
    void store();
    void remove(qsizetype index);
    void fail(SecretStore::Error error, const QString &message);

    SecretStore *m_secrets;
    bool m_running = false;
    Plan m_plan;
    Store m_store;
    QStringList m_warnings;
};
