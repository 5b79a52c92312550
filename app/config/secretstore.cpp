#include "secretstore.h"

#include "config/secretredactor.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSecrets, "ccbridge.secrets")

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

SecretStore::~SecretStore() = default;

void SecretStore::read(const QString &name, QObject *context, Callback done)
{
    enqueue(Operation::Read, name, {}, context, std::move(done));
}

void SecretStore::write(const QString &name, const QString &secret, QObject *context, Callback done)
{
    enqueue(Operation::Write, name, secret, context, std::move(done));
}

void SecretStore::remove(const QString &name, QObject *context, Callback done)
{
    enqueue(Operation::Remove, name, {}, context, std::move(done));
}

void SecretStore::enqueue(Operation operation, const QString &name, const QString &secret,
                          QObject *context, Callback done)
{
    start(std::make_shared<Request>(Request{operation, name, secret, context, std::move(done)}));
}

void SecretStore::finish(const std::shared_ptr<Request> &request, Error error, const QString &secret,
                         const QString &detail)
{
    Result result;
    result.error = error;
    // Removing what is not there leaves the state the caller asked for.
    if (request->operation == Operation::Remove && result.error == Error::NotFound)
        result.error = Error::None;
    result.ok = result.error == Error::None;

    if (result.ok) {
        if (request->operation == Operation::Read)
            result.secret = secret;
    } else {
        // The backend's own words help with a diagnosis; the redactor is there in case a
        // backend ever echoes what it was given.
        const QString redacted = SecretRedactor({request->secret}).redact(detail);
        switch (request->operation) {
        case Operation::Read:
            result.message = result.error == Error::NotFound
                ? tr("No key named \"%1\" is stored in the keychain.").arg(request->name)
                : tr("Could not read the key \"%1\" from the keychain: %2").arg(request->name, redacted);
            break;
        case Operation::Write:
            result.message = tr("Could not store the key \"%1\" in the keychain: %2").arg(request->name, redacted);
            break;
        case Operation::Remove:
            result.message = tr("Could not remove the key \"%1\" from the keychain: %2").arg(request->name, redacted);
            break;
        }
        // Nothing stored yet is the normal state before the first save, not a problem.
        if (result.error == Error::NotFound)
            qCDebug(lcSecrets).noquote() << result.message;
        else
            qCWarning(lcSecrets).noquote() << result.message;
    }
    request->secret.clear();

    // The callback may well delete this store (a dialog closing, say).
    const QPointer<SecretStore> self(this);
    if (request->context && request->done)
        request->done(result);
    if (self)
        Q_EMIT finished(request->name, result.error);
}

QString SecretStore::explain(Error error)
{
    switch (error) {
    case Error::None:
        return {};
    case Error::NotFound:
        return tr("This key is not stored in the OS keychain. Enter it again to store it there, "
                  "or give it through an environment variable instead.");
    case Error::NoKeychain:
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
        return tr("No OS keychain is available (Secret Service / KWallet not running). Keys can "
                  "be given through environment variables instead; CC Bridge never stores them "
                  "in plain text.");
#else
        return tr("No OS keychain is available. Keys can be given through environment variables "
                  "instead; CC Bridge never stores them in plain text.");
#endif
    case Error::AccessDenied:
        return tr("The OS keychain refused access: it may be locked, or access was denied when "
                  "it asked. Unlock it and try again, or give keys through environment "
                  "variables instead.");
    case Error::Other:
        break;
    }
    return tr("The OS keychain reported an error. Try again; if it keeps failing, give keys "
              "through environment variables instead. CC Bridge never stores them in plain text.");
}
