#include "http/filedescriptorlimit.h"

#include <QTest>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

class TestFileDescriptorLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void softLimitIsRaisedToTheHardLimit()
    {
#ifdef Q_OS_LINUX
        rlimit limit{};
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
        if (limit.rlim_max <= 64)
            QSKIP("The hard limit leaves no room to lower the soft one.");
        // As a service manager or shell starts the proxy: a soft limit below the hard one.
        rlimit lowered = limit;
        lowered.rlim_cur = 64;
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &lowered), 0);

        QCOMPARE(FileDescriptorLimit::raiseToHardLimit(), quint64(limit.rlim_max));
        rlimit after{};
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &after), 0);
        QCOMPARE(after.rlim_cur, limit.rlim_max);
        QCOMPARE(after.rlim_max, limit.rlim_max);
        // Already at the hard limit: nothing to do, and nothing fails.
        QCOMPARE(FileDescriptorLimit::raiseToHardLimit(), quint64(limit.rlim_max));
#else
        QCOMPARE(FileDescriptorLimit::raiseToHardLimit(), quint64(0));
#endif
    }
};

QTEST_GUILESS_MAIN(TestFileDescriptorLimit)
#include "tst_filedescriptorlimit.moc"
