#include "config/configfile.h"
#include "config/configschema.h"
#include "testdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

const QLatin1StringView tableStart("<!-- field table: generated from app/config/configschema.cpp -->\n");
const QLatin1StringView tableEnd("<!-- end of field table -->");

QString docsPath()
{
    return QStringLiteral(CCBRIDGE_SOURCE_DIR "/docs/configuration.md");
}

// A document holding `value` at `field`'s place: inside one provider, route or profile entry
// for the fields of list entries, with the entry's required neighbours.
QJsonObject documentWith(const ConfigField &field, const QJsonValue &value)
{
    const QString section = field.section();
    QJsonObject entry;
    if (section == QLatin1StringView("providers[]"))
        entry = {{QStringLiteral("name"), QStringLiteral("p")}, {QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:1/v1")}};
    else if (section == QLatin1StringView("routes[]"))
        entry = {{QStringLiteral("provider"), QStringLiteral("p")}, {QStringLiteral("model"), QStringLiteral("m")}};
    else if (section == QLatin1StringView("profiles[]"))
        entry = {{QStringLiteral("name"), QStringLiteral("n")}};
    if (!section.endsWith(QLatin1StringView("[]"))) {
        QJsonObject root;
        ConfigSchema::setValueAt(root, field, value);
        return root;
    }
    entry.insert(field.name(), value);
    return {{section.chopped(2), QJsonArray{entry}}};
}

QStringList errorsOf(const QJsonObject &document)
{
    return ConfigFile::parse(QJsonDocument(document).toJson()).errors;
}

} // namespace

class TestConfigSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableIsInKeyOrder()
    {
        const QList<ConfigField> &fields = ConfigSchema::fields();
        for (qsizetype i = 0; i < fields.size(); ++i)
            QCOMPARE(qsizetype(fields.at(i).key), i);
        for (const ConfigField &field : fields)
            QVERIFY2(QByteArray(field.help).size() > 10, field.path.data());
    }

    // docs/configuration.md shows the table generated from the schema. To update it after a
    // change of the table, run this test with CCBRIDGE_UPDATE_DOCS=1.
    void docsAgreeWithTable()
    {
        QFile file(docsPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString docs = QString::fromUtf8(file.readAll());
        file.close();
        const qsizetype start = docs.indexOf(tableStart);
        const qsizetype end = docs.indexOf(tableEnd);
        QVERIFY2(start >= 0 && end > start, "docs/configuration.md lacks the field table markers");
        const QString shown = docs.mid(start + tableStart.size(), end - start - tableStart.size());
        const QString generated = ConfigSchema::referenceTables();
        if (shown != generated && qEnvironmentVariableIntValue("CCBRIDGE_UPDATE_DOCS") == 1) {
            docs.replace(start + tableStart.size(), shown.size(), generated);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(docs.toUtf8());
            return;
        }
        QCOMPARE(shown, generated);
    }

    // Defaults pass, as does every bound; one beyond a bound is refused by --check-config with
    // the field's place and its bounds. Walks every number of the table, nested ones included.
    void everyNumberBounded()
    {
        int checked = 0;
        for (const ConfigField &field : ConfigSchema::fields()) {
            if (field.type != ConfigField::Type::Integer)
                continue;
            ++checked;
            for (const qint64 fine : {field.minimum, field.maximum})
                QVERIFY2(errorsOf(documentWith(field, double(fine))).isEmpty(),
                         qPrintable(errorsOf(documentWith(field, double(fine))).join(QLatin1Char('\n'))));
            for (const qint64 wrong : {field.minimum - 1, field.maximum + 1}) {
                const QString errors = errorsOf(documentWith(field, double(wrong))).join(QLatin1Char('\n'));
                QVERIFY2(errors.contains(field.name()) && errors.contains(QString::number(field.minimum))
                             && errors.contains(QString::number(field.maximum)),
                         qPrintable(QStringLiteral("%1: %2").arg(QString(field.path), errors)));
            }
            QVERIFY(!errorsOf(documentWith(field, QStringLiteral("10"))).isEmpty());
            QVERIFY(!errorsOf(documentWith(field, 1.5)).isEmpty());
        }
        QVERIFY(checked >= 20);
    }

    void zeroTimeoutsRefused()
    {
        const QStringList errors = ConfigFile::parse(TestData::doubleQuoted("{'timeouts': {'requestMs': 0, 'pingIntervalMs': 0}}")).errors;
        QCOMPARE(errors.size(), 2);
        QVERIFY(errors.at(0).contains(QStringLiteral("timeouts.requestMs must be between 1000 and 86400000 ms")));
        QVERIFY(errors.at(1).contains(QStringLiteral("timeouts.pingIntervalMs must be between 1000 and 300000 ms")));
    }

    void typesChecked()
    {
        for (const ConfigField &field : ConfigSchema::fields()) {
            // A value of the wrong kind is refused for every key.
            const QJsonValue wrong = field.type == ConfigField::Type::Text || field.type == ConfigField::Type::Listen
                                         ? QJsonValue(42)
                                         : QJsonValue(QStringLiteral("text"));
            QVERIFY2(!errorsOf(documentWith(field, wrong)).isEmpty(), field.path.data());
        }
    }

    void unknownKeysNamed()
    {
        const QStringList errors = ConfigFile::parse(TestData::doubleQuoted(
            "{'timeout': {}, 'app': {'lang': 'de'}, 'providers': [{'name': 'p', 'baseUrl': 'http://h/v1', 'apiKey': 'x'}]}"))
                                       .errors;
        const QString all = errors.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("\"timeout\"")) && all.contains(QStringLiteral("\"lang\""))
                     && all.contains(QStringLiteral("\"apiKey\"")),
                 qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestConfigSchema)
#include "tst_configschema.moc"
