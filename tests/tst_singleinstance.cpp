#include "singleinstance.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

class TestSingleInstance : public QObject
{
    Q_OBJECT

private:
    QString uniqueName() const
    {
        return QStringLiteral("ccbridge-test-%1-%2").arg(QCoreApplication::applicationPid()).arg(++m_counter);
    }
    mutable int m_counter = 0;

private Q_SLOTS:
    void secondLaunchActivatesTheFirst()
    {
        const QString name = uniqueName();
        SingleInstance first(name);
        QVERIFY(first.claim());
        QSignalSpy activated(&first, &SingleInstance::activationRequested);

        SingleInstance second(name);
        QVERIFY(!second.claim());
        QVERIFY(activated.wait(5000));
        QCOMPARE(activated.size(), 1);
    }

    void lockIsFreeAgainOnceTheFirstIsGone()
    {
        const QString name = uniqueName();
        {
            SingleInstance first(name);
            QVERIFY(first.claim());
        }
        SingleInstance next(name);
        QVERIFY(next.claim());
    }

    void namesAreIndependent()
    {
        SingleInstance one(uniqueName());
        SingleInstance other(uniqueName());
        QVERIFY(one.claim());
        QVERIFY(other.claim());
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
