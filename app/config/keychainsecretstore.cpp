#include "keychainsecretstore.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <chrono>

Q_LOGGING_CATEGORY(lcKeychain, "ccbridge.secrets.keychain")

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

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{
}

QString KeychainSecretStore::service() const
{
    return m_service;
}

void KeychainSecretStore::start(const std::shared_ptr<Request> &request)
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

void KeychainSecretStore::onJobFinished(const std::shared_ptr<Request> &request, QKeychain::Job *job)
{
    const QKeychain::Error keychainError = job->error();
    if (keychainError != QKeychain::NoError && request->attempt == 0 && worthRetrying(keychainError)) {
        qCInfo(lcKeychain).noquote() << "Keychain not ready for" << request->name << "("
                                     << job->errorString() << "), trying once more";
        ++request->attempt;
        QTimer::singleShot(retryDelay, this, [this, request] { start(request); });
        return;
    }
    const QString secret = keychainError == QKeychain::NoError && request->operation == Operation::Read
        ? static_cast<QKeychain::ReadPasswordJob *>(job)->textData()
        : QString();
    finish(request, errorFrom(keychainError, job->errorString()), secret, job->errorString());
}
