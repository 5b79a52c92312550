#include "inmemorysecretstore.h"

#include <QTimer>

InMemorySecretStore::InMemorySecretStore(QObject *parent)
    : SecretStore(parent)
{
}

void InMemorySecretStore::setFailure(Operation operation, Error error)
{
    m_failures.insert(operation, error);
}

void InMemorySecretStore::setFailure(Error error)
{
    for (const Operation operation : {Operation::Read, Operation::Write, Operation::Remove})
        setFailure(operation, error);
}

QHash<QString, QString> InMemorySecretStore::secrets() const
{
    return m_secrets;
}

void InMemorySecretStore::insert(const QString &name, const QString &secret)
{
    m_secrets.insert(name, secret);
}

void InMemorySecretStore::start(const std::shared_ptr<Request> &request)
{
    // Zero-time timers fire in the order they were started, as a keychain answers one client.
    QTimer::singleShot(0, this, [this, request] { run(request); });
}

void InMemorySecretStore::run(const std::shared_ptr<Request> &request)
{
    if (const Error failure = m_failures.value(request->operation, Error::None); failure != Error::None) {
        finish(request, failure, {}, tr("the in-memory store was told to fail"));
        return;
    }
    switch (request->operation) {
    case Operation::Read:
        if (!m_secrets.contains(request->name)) {
            finish(request, Error::NotFound);
            return;
        }
        finish(request, Error::None, m_secrets.value(request->name));
        return;
    case Operation::Write:
        m_secrets.insert(request->name, request->secret);
        break;
    case Operation::Remove:
        m_secrets.remove(request->name);
        break;
    }
    finish(request, Error::None);
}
