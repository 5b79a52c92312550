#include "config/keychainsecretstore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

// Runs against a real Secret Service: scripts/test.sh starts a private D-Bus session with an
// unlocked gnome-keyring for the whole ctest run. Entries go under a service of this process's
// own, so a developer's real keys are never touched, and are removed again at the end.
namespace {
using Result = SecretStore::Result;

// Generous: one retry alone waits 1.5 s, and the keyring daemon shares two cores with a build.
constexpr int operationTimeoutMs = 20000;

// Set in the environment of the child process that noSessionBusMeansNoKeychain starts.
constexpr char childVariable[] = "CCBRIDGE_TST_SECRETSTORE_CHILD";

// Starts one operation with a context that outlives it, and waits on the store's finished
// signal (an event loop, no sleeping) for the result. A timeout comes back as a failed result,
// so callers can check it like any other.
Result run(SecretStore &store, const std::function<void(QObject *, SecretStore::Callback)> &start)
{
    QObject context;
    std::optional<Result> result;
    QSignalSpy finished(&store, &SecretStore::finished);
    start(&context, [&result](Result r) { result = std::move(r); });
    if ((finished.isEmpty() && !finished.wait(operationTimeoutMs)) || !result)
        return {false, {}, SecretStore::Error::Other, QStringLiteral("no result within the timeout")};
    return *result;
}

Result readSecret(SecretStore &store, const QString &name)
{
    return run(store, [&](QObject *context, SecretStore::Callback done) {
        store.read(name, context, std::move(done));
    });
}

Result writeSecret(SecretStore &store, const QString &name, const QString &secret)
{
    return run(store, [&](QObject *context, SecretStore::Callback done) {
        store.write(name, secret, context, std::move(done));
    });
}

Result removeSecret(SecretStore &store, const QString &name)
{
    return run(store, [&](QObject *context, SecretStore::Callback done) {
        store.remove(name, context, std::move(done));
    });
}

QByteArray describe(const Result &result)
{
    return (result.message + QLatin1Char(' ') + SecretStore::explain(result.error)).toUtf8();
}
}

class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The child of noSessionBusMeansNoKeychain has no keyring on purpose.
        if (qEnvironmentVariableIsSet(childVariable))
            return;
        // Not a skip: the documented test command always provides a keyring, so a missing one
        // means the environment is broken and a skipped test would hide it.
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset), so no Secret Service "
                  "to test against. Run the tests with scripts/test.sh, which starts one with "
                  "gnome-keyring.");
        const auto probe = writeSecret(m_store, name("probe"), QStringLiteral("probe"));
        QVERIFY2(probe.ok,
                 QByteArray("The Secret Service is not usable: " + describe(probe)
                            + " (scripts/test.sh runs the tests with an unlocked gnome-keyring.)")
                     .constData());
        m_keyringUsable = true;
    }

    void cleanupTestCase()
    {
        if (!m_keyringUsable)
            return;
        for (const QString &written : std::as_const(m_names))
            removeSecret(m_store, written);
    }

    void writeThenRead_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::newRow("ascii key") << QStringLiteral("sk-test-0123456789abcdefABCDEF");
        QTest::newRow("unicode") << QStringLiteral("ключ-🔑-密钥-ñ-ü");
        QTest::newRow("spaces and quotes") << QStringLiteral(" a \"quoted\" 'key' with spaces ");
        QTest::newRow("long") << QString(512, QLatin1Char('k'));
    }

    void writeThenRead()
    {
        QFETCH(QString, secret);
        const QString key = name("roundtrip");
        const auto written = writeSecret(m_store, key, secret);
        QVERIFY2(written.ok, describe(written).constData());
        QCOMPARE(written.error, SecretStore::Error::None);
        QVERIFY(written.secret.isEmpty());

        const auto read = readSecret(m_store, key);
        QVERIFY2(read.ok, describe(read).constData());
        QCOMPARE(read.secret, secret);
        QCOMPARE(read.error, SecretStore::Error::None);
        QVERIFY(read.message.isEmpty());
    }

    void overwrite()
    {
        const QString key = name("overwrite");
        QVERIFY(writeSecret(m_store, key, QStringLiteral("first")).ok);
        const auto second = writeSecret(m_store, key, QStringLiteral("second"));
        QVERIFY2(second.ok, describe(second).constData());
        const auto read = readSecret(m_store, key);
        QVERIFY2(read.ok, describe(read).constData());
        QCOMPARE(read.secret, QStringLiteral("second"));
    }

    void readAfterRemoveIsNotFound()
    {
        const QString key = name("removed");
        QVERIFY(writeSecret(m_store, key, QStringLiteral("doomed")).ok);
        const auto removed = removeSecret(m_store, key);
        QVERIFY2(removed.ok, describe(removed).constData());

        const auto read = readSecret(m_store, key);
        QVERIFY(!read.ok);
        QCOMPARE(read.error, SecretStore::Error::NotFound);
        QVERIFY(read.secret.isEmpty());
        QVERIFY(read.message.contains(key));
        QVERIFY(!read.message.contains(QStringLiteral("doomed")));
    }

    void readNeverWrittenIsNotFound()
    {
        const auto read = readSecret(m_store, name("never-written"));
        QCOMPARE(read.error, SecretStore::Error::NotFound);
        QVERIFY(!read.ok);
    }

    void removeMissingSucceeds()
    {
        const auto removed = removeSecret(m_store, name("never-written"));
        QVERIFY2(removed.ok, describe(removed).constData());
        QCOMPARE(removed.error, SecretStore::Error::None);
    }

    void namesAreIsolated()
    {
        const QString first = name("first");
        const QString second = name("second");
        QVERIFY(writeSecret(m_store, first, QStringLiteral("one")).ok);
        QVERIFY(writeSecret(m_store, second, QStringLiteral("two")).ok);

        QCOMPARE(readSecret(m_store, first).secret, QStringLiteral("one"));
        QCOMPARE(readSecret(m_store, second).secret, QStringLiteral("two"));

        QVERIFY(removeSecret(m_store, first).ok);
        QCOMPARE(readSecret(m_store, first).error, SecretStore::Error::NotFound);
        QCOMPARE(readSecret(m_store, second).secret, QStringLiteral("two"));
    }

    void servicesAreIsolated()
    {
        KeychainSecretStore other(m_store.service() + QStringLiteral("-other"));
        const QString key = name("shared-name");
        QVERIFY(writeSecret(m_store, key, QStringLiteral("mine")).ok);

        const auto elsewhere = readSecret(other, key);
        QCOMPARE(elsewhere.error, SecretStore::Error::NotFound);

        QVERIFY(writeSecret(other, key, QStringLiteral("theirs")).ok);
        QCOMPARE(readSecret(m_store, key).secret, QStringLiteral("mine"));
        QCOMPARE(readSecret(other, key).secret, QStringLiteral("theirs"));
        QVERIFY(removeSecret(other, key).ok);
    }

    void callbackSkippedWhenContextDestroyed()
    {
        const QString key = name("context");
        QVERIFY(writeSecret(m_store, key, QStringLiteral("present")).ok);

        auto context = std::make_unique<QObject>();
        bool called = false;
        QSignalSpy finished(&m_store, &SecretStore::finished);
        m_store.read(key, context.get(), [&called](const Result &) { called = true; });
        context.reset();

        QVERIFY(finished.wait(operationTimeoutMs));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toString(), key);
        QCOMPARE(finished.at(0).at(1).value<SecretStore::Error>(), SecretStore::Error::None);
        QVERIFY(!called);
    }

    void writeGoesAheadWithoutContext()
    {
        const QString key = name("orphan-write");
        auto context = std::make_unique<QObject>();
        bool called = false;
        QSignalSpy finished(&m_store, &SecretStore::finished);
        m_store.write(key, QStringLiteral("kept"), context.get(), [&called](const Result &) { called = true; });
        context.reset();

        QVERIFY(finished.wait(operationTimeoutMs));
        QVERIFY(!called);
        const auto read = readSecret(m_store, key);
        QVERIFY2(read.ok, describe(read).constData());
        QCOMPARE(read.secret, QStringLiteral("kept"));
    }

    // A session without a usable bus, as on a server or in a container, ends (after the one
    // retry) as NoKeychain, the error whose explanation offers environment variables. In a
    // child process: this one's bus connection is made already and cannot be taken away.
    void noSessionBusMeansNoKeychain_data()
    {
        QTest::addColumn<QString>("busAddress");
        QTest::newRow("bus unreachable") << QStringLiteral("unix:path=/nonexistent/ccbridge-bus");
        QTest::newRow("no bus address") << QString();
    }

    void noSessionBusMeansNoKeychain()
    {
        if (qEnvironmentVariableIsSet(childVariable)) {
            const Result read = readSecret(m_store, QStringLiteral("anything"));
            QVERIFY(!read.ok);
            QCOMPARE(read.error, SecretStore::Error::NoKeychain);
            QVERIFY(read.message.contains(QStringLiteral("anything")));
            return;
        }

        QFETCH(QString, busAddress);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QString::fromLatin1(childVariable), QStringLiteral("1"));
        // Without these GLib would find or start a bus anyway.
        for (const char *variable : {"DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "DISPLAY", "WAYLAND_DISPLAY"})
            environment.remove(QString::fromLatin1(variable));
        if (!busAddress.isEmpty())
            environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);

        QProcess child;
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("noSessionBusMeansNoKeychain:") + QString::fromLatin1(QTest::currentDataTag())});
        QVERIFY(child.waitForFinished(operationTimeoutMs));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
    }

    void explainsEveryError()
    {
        QVERIFY(SecretStore::explain(SecretStore::Error::None).isEmpty());
        const QList<SecretStore::Error> errors{SecretStore::Error::NotFound,
                                               SecretStore::Error::NoKeychain,
                                               SecretStore::Error::AccessDenied,
                                               SecretStore::Error::Other};
        QStringList explanations;
        for (const auto error : errors)
            explanations << SecretStore::explain(error);
        for (const QString &explanation : std::as_const(explanations))
            QVERIFY(!explanation.isEmpty());
        explanations.removeDuplicates();
        QCOMPARE(explanations.size(), errors.size());
        QVERIFY(SecretStore::explain(SecretStore::Error::NoKeychain).contains(QStringLiteral("environment variables")));
        QVERIFY(SecretStore::explain(SecretStore::Error::NoKeychain).contains(QStringLiteral("plain text")));
    }

private:
    // Remembers every name handed out, so cleanupTestCase leaves nothing in the keyring.
    QString name(const char *suffix)
    {
        const QString result = QString::fromLatin1(suffix);
        if (!m_names.contains(result))
            m_names << result;
        return result;
    }

    // Per process, so parallel or aborted runs never meet each other's entries.
    KeychainSecretStore m_store{QStringLiteral("ccbridge-test-%1").arg(QCoreApplication::applicationPid())};
    QStringList m_names;
    bool m_keyringUsable = false;
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
