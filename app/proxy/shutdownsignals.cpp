#include "shutdownsignals.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#ifdef Q_OS_UNIX

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

Q_LOGGING_CATEGORY(lcSignals, "ccbridge.signals")

constexpr std::array handledSignals = {SIGTERM, SIGINT};

// The handler may only read a lock-free object of this type.
volatile std::sig_atomic_t handlerWriteEnd = -1;

std::array<struct sigaction, handledSignals.size()> previousActions;

extern "C" void writeSignalNumber(int signalNumber)
{
    const int savedErrno = errno; // the interrupted code may be about to read it
    const char byte = char(signalNumber);
    // A full socket buffer drops the byte: hundreds of signals are waiting to be read already.
    [[maybe_unused]] const ssize_t written = ::write(handlerWriteEnd, &byte, 1);
    errno = savedErrno;
}

// Non-blocking, so that neither the handler nor the reader can ever hang on it; closed on
// exec, so that no program started from here inherits it.
void prepare(int descriptor)
{
    ::fcntl(descriptor, F_SETFL, ::fcntl(descriptor, F_GETFL) | O_NONBLOCK);
    ::fcntl(descriptor, F_SETFD, FD_CLOEXEC);
}

} // namespace

ShutdownSignals::ShutdownSignals(QObject *parent)
    : QObject(parent)
{
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, ends) != 0) {
        qCWarning(lcSignals).noquote() << tr("SIGTERM and SIGINT cannot be caught (%1): they end CC Bridge at once.")
                                                 .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    m_readEnd = ends[0];
    m_writeEnd = ends[1];
    prepare(m_readEnd);
    prepare(m_writeEnd);
    handlerWriteEnd = m_writeEnd;
    m_notifier = new QSocketNotifier(m_readEnd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ShutdownSignals::readSignals);

    struct sigaction action = {};
    action.sa_handler = writeSignalNumber;
    sigemptyset(&action.sa_mask);
    // Interrupted system calls carry on: the handler has nothing for them to react to.
    action.sa_flags = SA_RESTART;
    for (std::size_t i = 0; i < handledSignals.size(); ++i)
        ::sigaction(handledSignals[i], &action, &previousActions[i]);
}

ShutdownSignals::~ShutdownSignals()
{
    if (m_writeEnd < 0)
        return;
    for (std::size_t i = 0; i < handledSignals.size(); ++i)
        ::sigaction(handledSignals[i], &previousActions[i], nullptr);
    handlerWriteEnd = -1;
    ::close(m_readEnd);
    ::close(m_writeEnd);
}

void ShutdownSignals::readSignals()
{
    char byte;
    while (::read(m_readEnd, &byte, 1) == 1)
        Q_EMIT received(int(byte));
}

#else

ShutdownSignals::ShutdownSignals(QObject *parent)
    : QObject(parent)
{
}

ShutdownSignals::~ShutdownSignals() = default;

void ShutdownSignals::readSignals()
{
}

#endif
