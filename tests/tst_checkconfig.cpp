// `ccbridge --check-config`, the real executable, over the whole field table: every number one
// step beyond its bounds is refused with the field's place and its bounds, and the exit code
// says so; the defaults pass.
#include "config/configschema.h"

#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Outcome
{
    int exitCode = -1;
    QString output;
};

Outcome checkConfig(const QTemporaryDir &dir, const QJsonObject &config)
{
    const QString path = dir.filePath(QStringLiteral("config.json"));
    TestData::writeFile(path, QJsonDocument(config).toJson());
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(CCBRIDGE_EXECUTABLE), {QStringLiteral("--check-config"), QStringLiteral("--config"), path});
    if (!process.waitForFinished(20000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAll())};
}

// A valid configuration with `value` at `field`'s place (inside the one provider, route or
// profile for the fields of list entries).
QJsonObject configWith(const ConfigField &field, const QJsonValue &value)
{
    QJsonObject provider{{QStringLiteral("name"), QStringLiteral("p")},
                         {QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:9/v1")}};
    QJsonObject route{{QStringLiteral("provider"), QStringLiteral("p")}, {QStringLiteral("model"), QStringLiteral("m")}};
    QJsonObject profile{{QStringLiteral("name"), QStringLiteral("team")}};
    const QString section = field.section();
    QJsonObject root;
    if (section == QLatin1StringView("providers[]"))
        provider.insert(field.name(), value);
    else if (section == QLatin1StringView("routes[]"))
        route.insert(field.name(), value);
    else if (section == QLatin1StringView("profiles[]"))
        profile.insert(field.name(), value);
    else
        ConfigSchema::setValueAt(root, field, value);
    profile.insert(QStringLiteral("routes"), QJsonArray{route});
    root.insert(QStringLiteral("providers"), QJsonArray{provider});
    root.insert(QStringLiteral("routes"), QJsonArray{route});
    root.insert(QStringLiteral("profiles"), QJsonArray{profile});
    return root;
}

} // namespace

class TestCheckConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsPass()
    {
        QTemporaryDir dir;
        const Outcome outcome = checkConfig(dir, configWith(ConfigSchema::field(ConfigKey::Version), 2));
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY2(outcome.output.contains(QStringLiteral("valid")), qPrintable(outcome.output));
    }

    void everyNumberBeyondItsBoundsIsRefused_data()
    {
        QTest::addColumn<ConfigKey>("key");
        QTest::addColumn<qint64>("value");
        for (const ConfigField &field : ConfigSchema::fields()) {
            if (field.type != ConfigField::Type::Integer)
                continue;
            QTest::newRow(qPrintable(field.path + QStringLiteral(" above"))) << field.key << field.maximum + 1;
            QTest::newRow(qPrintable(field.path + QStringLiteral(" below"))) << field.key << field.minimum - 1;
        }
    }

    void everyNumberBeyondItsBoundsIsRefused()
    {
        QFETCH(ConfigKey, key);
        QFETCH(qint64, value);
        const ConfigField &field = ConfigSchema::field(key);
        QTemporaryDir dir;
        const Outcome outcome = checkConfig(dir, configWith(field, double(value)));
        QCOMPARE(outcome.exitCode, 1);
        const QString bounds = ConfigSchema::boundsText(field);
        QVERIFY2(outcome.output.contains(field.name()) && outcome.output.contains(bounds), qPrintable(outcome.output));
    }

    // The two that once passed the check and then broke every request.
    void zeroTimeoutsRefused()
    {
        QTemporaryDir dir;
        QJsonObject config = configWith(ConfigSchema::field(ConfigKey::Version), 2);
        config.insert(QStringLiteral("timeouts"),
                      QJsonObject{{QStringLiteral("requestMs"), 0}, {QStringLiteral("pingIntervalMs"), 0}});
        const Outcome outcome = checkConfig(dir, config);
        QCOMPARE(outcome.exitCode, 1);
        QVERIFY2(outcome.output.contains(QStringLiteral("timeouts.requestMs must be between 1000 and 86400000 ms, not 0."))
                     && outcome.output.contains(QStringLiteral("timeouts.pingIntervalMs must be between 1000 and 300000 ms, not 0.")),
                 qPrintable(outcome.output));
    }
};

QTEST_GUILESS_MAIN(TestCheckConfig)
#include "tst_checkconfig.moc"
