#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

// Where API keys are kept: the OS keychain in the application (KeychainSecretStore), memory in
// tests (InMemorySecretStore). Every call is asynchronous and answers from the event loop,
// never from inside the call: the proxy runs on the same thread, so a store must not wait in a
// nested event loop, and callers are written for the answer coming later. Keys are never
// written anywhere else, not even as a fallback: the caller is told why and can offer
// environment variables instead.
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

    enum class Operation { Read, Write, Remove };

    struct Result
    {
        bool ok = false;
        QString secret;               // only for a successful read
        Error error = Error::None;
        QString message;              // for the user; never holds the secret
    };
    using Callback = std::function<void(Result)>;

    ~SecretStore() override;

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

protected:
    struct Request
    {
        Operation operation;
        QString name;
        QString secret;
        QPointer<QObject> context;
        Callback done;
        int attempt = 0;
    };

    explicit SecretStore(QObject *parent = nullptr);

    // Starts one operation; the implementation calls finish() for it later, from the event loop.
    virtual void start(const std::shared_ptr<Request> &request) = 0;

    // Reports an operation's end: `secret` is what a successful read found, `detail` the
    // backend's own words about a failure. May delete this store (through the callback).
    void finish(const std::shared_ptr<Request> &request, Error error, const QString &secret = {},
                const QString &detail = {});

private:
    void enqueue(Operation operation, const QString &name, const QString &secret, QObject *context,
                 Callback done);
};
