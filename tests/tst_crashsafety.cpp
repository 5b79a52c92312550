// Crash safety of the files CC Bridge writes: a helper writes large versions of the usage file,
// the configuration and a configuration export through the production writers, and is killed
// with SIGKILL at many moments. Each time, the file must be a whole version (the last one
// committed or the one being written), never a torn one, and no temporary files may pile up.
#include "versionedfiles.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/types.h>

namespace {
constexpr int kills = 50;

// The files `pid` has open for writing under `dir`, as /proc shows them: an unnamed temporary
// file (O_TMPFILE) shows as "<dir>/#<inode> (deleted)".
QStringList filesWrittenUnder(qint64 pid, const QString &dir)
{
    QStringList written;
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QString &fd : fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
        const QString target = QFile::symLinkTarget(fds.filePath(fd));
        if (!target.startsWith(dir + QLatin1Char('/')))
            continue;
        QFile info(QStringLiteral("/proc/%1/fdinfo/%2").arg(pid).arg(fd));
        if (!info.open(QIODevice::ReadOnly))
            continue;
        // "flags:\t0100001": octal open(2) flags, whose access mode is O_WRONLY or O_RDWR.
        static const QRegularExpression flags(QStringLiteral("flags:\\s*([0-7]+)"));
        const QRegularExpressionMatch match = flags.match(QString::fromLatin1(info.readAll()));
        if (match.hasMatch() && (match.captured(1).toUInt(nullptr, 8) & 3) != 0)
            written << target;
    }
    return written;
}

char processState(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return '?';
    const QByteArray line = stat.readAll();
    // "pid (name) S ...": the name may hold spaces, the state follows its last parenthesis.
    const qsizetype after = line.lastIndexOf(')');
    return after >= 0 && after + 2 < line.size() ? line.at(after + 2) : '?';
}
}

class TestCrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedWhileWriting_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("usage") << QStringLiteral("usage") << QStringLiteral("usage.json");
        QTest::newRow("configuration") << QStringLiteral("settings") << QStringLiteral("config.json");
        QTest::newRow("export") << QStringLiteral("export") << QStringLiteral("shared.json");
    }

    void killedWhileWriting()
    {
        QFETCH(QString, kind);
        QFETCH(QString, fileName);
        VersionedFiles::Kind parsed;
        QVERIFY(VersionedFiles::parseKind(kind, &parsed));
        const VersionedFiles files(parsed);
        QHash<int, QJsonDocument> expected;

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(fileName);
        // What QSaveFile names its temporary file when the file system has no unnamed ones.
        const QRegularExpression saveFileTemp(QStringLiteral("^%1\\.[A-Za-z0-9]{6}$").arg(QRegularExpression::escape(fileName)));

        int committed = 0; // the newest version the helper said it committed
        bool existed = false;
        int killedMidWrite = 0;
        QStringList namedTempsKilled;
        for (int run = 0; run < kills; ++run) {
            QProcess helper;
            helper.start(QStringLiteral(CCBRIDGE_CRASHWRITER), {kind, path});
            QVERIFY2(helper.waitForStarted(10000), qPrintable(helper.errorString()));
            auto readVersions = [&] {
                while (helper.canReadLine())
                    committed = qMax(committed, helper.readLine().trimmed().toInt());
            };
            // Killed after one to three versions of this run: at the start, amid or after a write,
            // wherever the helper has got to by then.
            const int target = committed + 1 + run % 3;
            QVERIFY2(QTest::qWaitFor([&] { readVersions(); return committed >= target || helper.state() != QProcess::Running; }, 60000),
                     "the helper wrote nothing in time");
            QCOMPARE(helper.state(), QProcess::Running);

            // Stopped first, so that what it has open is what the kill interrupts. Every other
            // run waits for a moment inside a write (stopping, looking, going on), as serialising
            // may take longer than writing.
            const qint64 pid = helper.processId();
            const bool inWrite = run % 2 == 1;
            QStringList open;
            QVERIFY2(QTest::qWaitFor([&] {
                         if (::kill(pid_t(pid), SIGSTOP) != 0 || !QTest::qWaitFor([&] { return processState(pid) == 'T'; }, 10000))
                             return false;
                         open = filesWrittenUnder(pid, dir.path());
                         if (!inWrite || !open.isEmpty())
                             return true;
                         ::kill(pid_t(pid), SIGCONT);
                         return false;
                     }, 60000),
                     "no moment inside a write was found");
            QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
            QVERIFY(helper.waitForFinished(10000));
            QCOMPARE(helper.exitStatus(), QProcess::CrashExit);
            helper.setReadChannel(QProcess::StandardOutput);
            readVersions();

            if (!open.isEmpty())
                ++killedMidWrite;
            for (const QString &file : std::as_const(open)) {
                if (file != path && !file.endsWith(QLatin1StringView(" (deleted)")))
                    namedTempsKilled << QFileInfo(file).fileName();
            }

            // The previous version or the new one, whole.
            QFile written(path);
            if (!written.exists()) {
                QVERIFY2(!existed, "the file disappeared");
                QCOMPARE(committed, 0);
                continue;
            }
            existed = true;
            QVERIFY(written.open(QIODevice::ReadOnly));
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(written.readAll(), &error);
            QVERIFY2(error.error == QJsonParseError::NoError,
                     qPrintable(QStringLiteral("kill %1 left a broken file: %2").arg(run).arg(error.errorString())));
            const int version = files.versionOf(document);
            QVERIFY2(version == committed || version == committed + 1,
                     qPrintable(QStringLiteral("version %1 after %2 was committed").arg(version).arg(committed)));
            if (!expected.contains(version))
                expected.insert(version, files.expected(version));
            QVERIFY2(document == expected.value(version), qPrintable(QStringLiteral("version %1 differs").arg(version)));
            committed = version;

            // Only the file itself, and temporary files only where a kill interrupted one.
            QStringList strays;
            for (const QString &entry : QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)) {
                if (entry == fileName || (parsed == VersionedFiles::Kind::Export && entry == QLatin1StringView("source")))
                    continue;
                QVERIFY2(saveFileTemp.match(entry).hasMatch(), qPrintable(QStringLiteral("unexpected file %1").arg(entry)));
                strays << entry;
            }
            // With unnamed temporary files only a kill between linking the finished file and
            // renaming it over the old one (microseconds) leaves one behind.
            QVERIFY2(strays.size() <= namedTempsKilled.size() + 2,
                     qPrintable(QStringLiteral("%1 temporary files left by %2 kills").arg(strays.size()).arg(run + 1)));
        }
        qInfo("%d kills, %d while a temporary file was open (%lld of them named), %d versions written", kills,
              killedMidWrite, qlonglong(namedTempsKilled.size()), committed);
        QVERIFY(killedMidWrite >= kills / 2);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
