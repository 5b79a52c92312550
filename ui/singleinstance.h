#pragma once

#include <QLockFile>
#include <QObject>

#include <memory>

class QLocalServer;

// One CC Bridge per user: the first launch holds a lock file and listens on a local socket;
// a second launch finds the lock taken, asks the first to show its window, and exits. Checked
// before the proxy binds its port, so the second launch never fights over it.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    // `name` namespaces the lock and socket (tests use their own).
    explicit SingleInstance(const QString &name, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when this process is the first; otherwise the first one has been told to show
    // itself (or, if it cannot be reached, the stale lock is taken over).
    bool claim();

Q_SIGNALS:
    // Another launch asked this instance to show its window.
    void activationRequested();

private:
    bool notifyRunningInstance() const;
    void listen();

    QString m_name;
    QLockFile m_lock;
    QLocalServer *m_server = nullptr;
};
