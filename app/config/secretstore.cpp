#include "secretstore.h"

#include "config/secretredactor.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <chrono>

Q_LOGGING_CATEGORY(lcSecrets, "ccbridge.secrets")

using namespace std::chrono_literals;

namespace {
// At login the tray app can start before gnome-keyring or KWallet has registered on the bus.
constexpr auto retryDelay = 1500ms;

// QtKeychain's libsecret backend, which Linux desktops get, reports a missing session bus or
// Secret Service as OtherError carrying GLib's message, not as NoBackendAvailable. Telling them
// apart is what lets the user hear "no keychain" rather than "an error". D-Bus error names are
// never translated; GLib's own connection messages may be, which then leaves a plain Other.
bool meansNoSecretService(const QString &detail)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    // No bus at all (a server, a container) says it in any language. GLib also finds a
    // session bus at $XDG_RUNTIME_DIR/bus without the variable.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
        && (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")
            || !QFileInfo::exists(qEnvironmentVariable("XDG_RUNTIME_DIR") + QStringLiteral("/bus"))))
        return true;
    static const QRegularExpression noService(QStringLiteral(
        "org\\.freedesktop\\.DBus\\.Error\\.(?:ServiceUnknown|NameHasNoOwner|NoServer|Spawn\\.)"
        "|autolaunch D-Bus|dbus-launch|^Could not connect:"));
    return noService.match(detail).hasMatch();
#else
    Q_UNUSED(detail)
    return false;
#endif
}

SecretStore::Error errorFrom(QKeychain::Error error, const QString &detail)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretStore::Error::None;
    case QKeychain::EntryNotFound:
        return SecretStore::Error::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretStore::Error::AccessDenied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretStore::Error::NoKeychain;
    case QKeychain::OtherError:
        if (meansNoSecretService(detail))
            return SecretStore::Error::NoKeychain;
        break;
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    return SecretStore::Error::Other;
}

bool worthRetrying(QKeychain::Error error)
{
    // Both are what a keychain that is not up yet gives: QtKeychain reports a missing KWallet as
    // NoBackendAvailable but a missing Secret Service (libsecret's D-Bus errors) as OtherError.
    return error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError;
}
}

struct SecretStore::Request
{
    Operation operation;
    QString name;
    QString secret;
    QPointer<QObject> context;
    Callback done;
    int attempt = 0;
};

SecretStore::SecretStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{
}

QString SecretStore::service() const
{
    return m_service;
}

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

void SecretStore::start(const std::shared_ptr<Request> &request)
{
    // No parent: deleting a job while the backend still holds it would leave the backend's
    // callback with a dangling pointer. Auto-delete frees it once it has finished; the
    // connection's context (this) keeps a finished job from calling into a deleted store.
    QKeychain::Job *job = nullptr;
    switch (request->operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        // API keys are short, so unlike Nextcloud's keychainchunk there is no need to split
        // them around Windows' 2560-byte credential limit.
        auto *writeJob = new QKeychain::WritePasswordJob(m_service);
        writeJob->setTextData(request->secret);
        job = writeJob;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(request->name);
    connect(job, &QKeychain::Job::finished, this,
            [this, request](QKeychain::Job *finishedJob) { onJobFinished(request, finishedJob); });
    job->start();
}

void SecretStore::onJobFinished(const std::shared_ptr<Request> &request, QKeychain::Job *job)
{
    const QKeychain::Error keychainError = job->error();
    if (keychainError != QKeychain::NoError && request->attempt == 0 && worthRetrying(keychainError)) {
        qCInfo(lcSecrets).noquote() << "Keychain not ready for" << request->name << "("
                                    << job->errorString() << "), trying once more";
        ++request->attempt;
        QTimer::singleShot(retryDelay, this, [this, request] { start(request); });
        return;
    }

    Result result;
    result.error = errorFrom(keychainError, job->errorString());
    // Removing what is not there leaves the state the caller asked for.
    if (request->operation == Operation::Remove && result.error == Error::NotFound)
        result.error = Error::None;
    result.ok = result.error == Error::None;

    if (result.ok) {
        if (request->operation == Operation::Read)
            result.secret = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
    } else {
        // The backend's own words help with a diagnosis; the redactor is there in case a
        // backend ever echoes what it was given.
        const QString detail = SecretRedactor({request->secret}).redact(job->errorString());
        switch (request->operation) {
        case Operation::Read:
            result.message = result.error == Error::NotFound
                ? tr("No key named \"%1\" is stored in the keychain.").arg(request->name)
                : tr("Could not read the key \"%1\" from the keychain: %2").arg(request->name, detail);
            break;
        case Operation::Write:
            result.message = tr("Could not store the key \"%1\" in the keychain: %2").arg(request->name, detail);
            break;
        case Operation::Remove:
            result.message = tr("Could not remove the key \"%1\" from the keychain: %2").arg(request->name, detail);
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
