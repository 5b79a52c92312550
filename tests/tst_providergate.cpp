#include "proxy/providergate.h"

#include <QTest>

#include <memory>
#include <vector>

namespace {
// Requests as the gate sees them: an owner that may go away, and a record of what started.
class Requests
{
public:
    explicit Requests(ProviderGate &gate)
        : m_gate(gate)
    {
    }

    // Enters request `id`; its owner is kept so a test can destroy it while it waits.
    bool enter(int id)
    {
        m_owners.push_back(std::make_unique<QObject>());
        return m_gate.enter(m_owners.back().get(), [this, id] { started.append(id); });
    }

    // The owner of the `index`-th request entered (0-based), destroyed like a client that left.
    void destroyOwner(int index) { m_owners.at(std::size_t(index)).reset(); }

    QList<int> started;

private:
    ProviderGate &m_gate;
    std::vector<std::unique_ptr<QObject>> m_owners;
};
}

class TestProviderGate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unlimitedRunsEverythingAtOnce_data()
    {
        QTest::addColumn<int>("maxQueued");
        QTest::newRow("with a queue") << 100;
        // The queue bound is about waiting; with no limit nothing waits.
        QTest::newRow("without a queue") << 0;
    }

    void unlimitedRunsEverythingAtOnce()
    {
        QFETCH(int, maxQueued);
        ProviderGate gate(0, maxQueued);
        Requests requests(gate);
        for (int id = 1; id <= 50; ++id)
            QVERIFY(requests.enter(id));
        QCOMPARE(requests.started.size(), 50);
        QCOMPARE(gate.running(), 50);
        QCOMPARE(gate.queued(), 0);
        for (int i = 0; i < 50; ++i)
            gate.release();
        QCOMPARE(gate.running(), 0);
    }

    void limitRunsN_data()
    {
        QTest::addColumn<int>("limit");
        QTest::newRow("1") << 1;
        QTest::newRow("2") << 2;
        QTest::newRow("5") << 5;
    }

    void limitRunsN()
    {
        QFETCH(int, limit);
        ProviderGate gate(limit, 100);
        Requests requests(gate);
        const int total = limit + 3;
        for (int id = 1; id <= total; ++id)
            QVERIFY(requests.enter(id));
        QList<int> first;
        for (int id = 1; id <= limit; ++id)
            first << id;
        QCOMPARE(requests.started, first);
        QCOMPARE(gate.running(), limit);
        QCOMPARE(gate.queued(), 3);

        // Each release starts exactly the next waiting request, in arrival order.
        for (int id = limit + 1; id <= total; ++id) {
            gate.release();
            QCOMPARE(requests.started.constLast(), id);
            QCOMPARE(gate.running(), limit);
            QCOMPARE(gate.queued(), total - id);
        }
        for (int i = 0; i < limit; ++i)
            gate.release();
        QCOMPARE(gate.running(), 0);
        QCOMPARE(gate.queued(), 0);
        QCOMPARE(requests.started.size(), total);
    }

    void queueIsFifo()
    {
        ProviderGate gate(1, 10);
        Requests requests(gate);
        for (int id : {7, 3, 9, 1, 5})
            QVERIFY(requests.enter(id));
        for (int i = 0; i < 4; ++i)
            gate.release();
        QCOMPARE(requests.started, QList<int>({7, 3, 9, 1, 5}));
    }

    void fullQueueRefuses()
    {
        ProviderGate gate(1, 2);
        Requests requests(gate);
        QVERIFY(requests.enter(1)); // runs
        QVERIFY(requests.enter(2)); // waits
        QVERIFY(requests.enter(3)); // waits
        QVERIFY(!requests.enter(4));
        QVERIFY(!requests.enter(5));
        QCOMPARE(gate.running(), 1);
        QCOMPARE(gate.queued(), 2);

        // Refused requests are not remembered: releasing everything never starts them.
        for (int i = 0; i < 3; ++i)
            gate.release();
        QCOMPARE(requests.started, QList<int>({1, 2, 3}));
        QCOMPARE(gate.running(), 0);

        // Room again once the queue drained.
        QVERIFY(requests.enter(6));
        QCOMPARE(requests.started.constLast(), 6);
    }

    void noQueueRefusesAtTheLimit()
    {
        ProviderGate gate(2, 0);
        Requests requests(gate);
        QVERIFY(requests.enter(1));
        QVERIFY(requests.enter(2));
        QVERIFY(!requests.enter(3));
        QCOMPARE(gate.queued(), 0);
        gate.release();
        QVERIFY(requests.enter(4));
        QCOMPARE(requests.started, QList<int>({1, 2, 4}));
    }

    void startRunsInsideEnterAndRelease()
    {
        ProviderGate gate(1, 5);
        bool secondStarted = false;
        QObject owner;
        bool firstStarted = false;
        QVERIFY(gate.enter(&owner, [&] { firstStarted = true; }));
        QVERIFY(firstStarted); // synchronously, before enter returns
        QVERIFY(gate.enter(&owner, [&] { secondStarted = true; }));
        QVERIFY(!secondStarted);
        gate.release();
        QVERIFY(secondStarted); // synchronously, inside release
    }

    void destroyedOwnerIsSkipped()
    {
        ProviderGate gate(1, 5);
        Requests requests(gate);
        QVERIFY(requests.enter(1));
        QVERIFY(requests.enter(2));
        QVERIFY(requests.enter(3));
        QVERIFY(requests.enter(4));
        requests.destroyOwner(1);
        requests.destroyOwner(2);
        gate.release();
        QCOMPARE(requests.started, QList<int>({1, 4}));
        QCOMPARE(gate.running(), 1);
        QCOMPARE(gate.queued(), 0);
        gate.release();
        QCOMPARE(gate.running(), 0);
    }

    // The only waiting request left: the slot is free again, not held for nobody.
    void releaseWithOnlyDestroyedOwnersFreesTheSlot()
    {
        ProviderGate gate(1, 5);
        Requests requests(gate);
        QVERIFY(requests.enter(1));
        QVERIFY(requests.enter(2));
        requests.destroyOwner(1);
        gate.release();
        QCOMPARE(requests.started, QList<int>({1}));
        QCOMPARE(gate.running(), 0);
        QCOMPARE(gate.queued(), 0);
        QVERIFY(requests.enter(3));
        QCOMPARE(requests.started, QList<int>({1, 3}));
    }

    void destroyedOwnerDoesNotCountAgainstTheBound()
    {
        ProviderGate gate(1, 2);
        Requests requests(gate);
        QVERIFY(requests.enter(1));
        QVERIFY(requests.enter(2));
        QVERIFY(requests.enter(3));
        QVERIFY(!requests.enter(4)); // full
        requests.destroyOwner(1);
        QVERIFY(requests.enter(5)); // the departed request's place is free
        QVERIFY(!requests.enter(6));
        gate.release();
        gate.release();
        QCOMPARE(requests.started, QList<int>({1, 3, 5}));
    }

    // The header promises that a waiting request whose owner is destroyed leaves the queue;
    // queued() should say so at once, not only after the next enter() or release().
    void destroyedOwnerLeavesTheQueueCount()
    {
        ProviderGate gate(1, 5);
        Requests requests(gate);
        QVERIFY(requests.enter(1));
        QVERIFY(requests.enter(2));
        QVERIFY(requests.enter(3));
        QCOMPARE(gate.queued(), 2);
        requests.destroyOwner(1);
        QCOMPARE(gate.queued(), 1);
    }

    // An upstream that fails at once releases its slot from inside its own start.
    void startMayReleaseAtOnce()
    {
        ProviderGate gate(1, 5);
        QList<int> started;
        QObject owner;
        QVERIFY(gate.enter(&owner, [&] { started << 1; }));
        QVERIFY(gate.enter(&owner, [&] {
            started << 2;
            gate.release();
        }));
        QVERIFY(gate.enter(&owner, [&] { started << 3; }));
        gate.release();
        QCOMPARE(started, QList<int>({1, 2, 3}));
        QCOMPARE(gate.running(), 1);
        QCOMPARE(gate.queued(), 0);
    }

    void ownerMayEnterSeveralTimes()
    {
        ProviderGate gate(1, 5);
        QList<int> started;
        auto owner = std::make_unique<QObject>();
        QObject other;
        QVERIFY(gate.enter(&other, [&] { started << 1; }));
        QVERIFY(gate.enter(owner.get(), [&] { started << 2; }));
        QVERIFY(gate.enter(owner.get(), [&] { started << 3; }));
        QVERIFY(gate.enter(&other, [&] { started << 4; }));
        owner.reset(); // both of its waiting requests go
        gate.release();
        QCOMPARE(started, QList<int>({1, 4}));
    }
};

QTEST_GUILESS_MAIN(TestProviderGate)
#include "tst_providergate.moc"
