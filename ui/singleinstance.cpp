#include "singleinstance.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace {
QString lockPath(const QString &name)
{
    QString directory = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (directory.isEmpty())
        directory = QDir::tempPath();
    return directory + QLatin1Char('/') + name + QStringLiteral(".lock");
}

QString socketName(const QString &name)
{
    // Per user: two users on one machine each run their own CC Bridge.
    return name + QLatin1Char('-') + qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
}

constexpr QByteArrayView activateMessage = "activate\n";
}

SingleInstance::SingleInstance(const QString &name, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_lock(lockPath(name))
{
    // A lock left by a crashed instance is taken over at once rather than after a timeout.
    m_lock.setStaleLockTime(0);
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::claim()
{
    if (m_lock.tryLock(0)) {
        listen();
        return true;
    }
    if (notifyRunningInstance())
        return false;
    // The lock holder does not answer: it is gone, or hung; take the lock over.
    m_lock.removeStaleLockFile();
    if (!m_lock.tryLock(0))
        return false;
    listen();
    return true;
}

bool SingleInstance::notifyRunningInstance() const
{
    QLocalSocket socket;
    socket.connectToServer(socketName(m_name));
    // Blocking waits are fine here: this runs before the event loop and the proxy start.
    if (!socket.waitForConnected(1000))
        return false;
    socket.write(activateMessage.data(), activateMessage.size());
    return socket.waitForBytesWritten(1000);
}

void SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    QLocalServer::removeServer(socketName(m_name)); // a socket file left by a crash
    m_server->listen(socketName(m_name));
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket->readAll().contains(activateMessage))
                    Q_EMIT activationRequested();
                socket->disconnectFromServer();
            });
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}
