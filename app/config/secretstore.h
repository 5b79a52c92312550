#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace QKeychain {
class Job;
}

// API keys in the OS keychain (Secret Service or KWallet, macOS Keychain, Windows Credential
// Manager) through QtKeychain, under one service name so they do not mix with other apps'.
// Every call is asynchronous: the proxy runs on the same thread, so waiting in a nested event
// loop could re-enter it mid-request. Keys are never written anywhere else, not even as a
// fallback when there is no keychain: the caller is told why and can offer environment
// variables instead.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    enum class Error {
        None,
        NotFound,     // nothing stored under this name
        NoKeychain,   // no keychain service to talk to
        AccessDenied, // locked, or the user refused
        Other,
    };
    Q_ENUM(Error)

    struct Result
    {
        bool ok = false;
        QString secret;               // only for a successful read
        Error error = Error::None;
        QString message;              // for the user; never holds the secret
    };
    using Callback = std::function<void(Result)>;

    explicit SecretStore(QString service = QStringLiteral("ccbridge"), QObject *parent = nullptr);

    QString service() const;

    // `done` runs once, later, from the event loop, and only if `context` still exists then.
    // The operation itself goes ahead without a context: a key the user saved is still written
    // when the dialog that saved it has closed. Removing a name that holds nothing succeeds.
    void read(const QString &name, QObject *context, Callback done);
    void write(const QString &name, const QString &secret, QObject *context, Callback done);
    void remove(const QString &name, QObject *context, Callback done);

    // What the user should know about an error and what they can do instead.
    static QString explain(Error error);

Q_SIGNALS:
    // After every operation (and after its callback, if that ran): lets tests and diagnostics
    // see an operation end even when its context, and so its callback, is gone.
    void finished(const QString &name, SecretStore::Error error);

private:
    enum class Operation { Read, Write, Remove };
    struct Request;

    void enqueue(Operation operation, const QString &name, const QString &secret,
                 QObject *context, Callback done);
    void start(const std::shared_ptr<Request> &request);
    void onJobFinished(const std::shared_ptr<Request> &request, QKeychain::Job *job);

    QString m_service;
};
