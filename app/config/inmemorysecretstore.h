#pragma once

#include "config/secretstore.h"

#include <QHash>
#include <QMap>

// Keys in memory, for tests that are not about the OS keychain: no D-Bus, nothing left behind.
// It answers from the event loop like the keychain does, so callers meet the same ordering,
// and it can be told to fail, to test what a caller does when the keychain refuses.
class InMemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    explicit InMemorySecretStore(QObject *parent = nullptr);

    // From now on every `operation` fails with `error` (Error::None: succeeds again).
    void setFailure(Operation operation, Error error);
    // The same for every operation.
    void setFailure(Error error);

    // What is stored, for tests to check or prepare without going through the event loop.
    QHash<QString, QString> secrets() const;
    void insert(const QString &name, const QString &secret);

protected:
    void start(const std::shared_ptr<Request> &request) override;

private:
    void run(const std::shared_ptr<Request> &request);

    QHash<QString, QString> m_secrets;
    QMap<Operation, Error> m_failures;
};
