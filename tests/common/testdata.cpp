#include "testdata.h"

#include "protocol/sseparser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

QString TestData::path(const QString &relativePath)
{
    return QStringLiteral(CCBRIDGE_TEST_DATA "/") + relativePath;
}

QByteArray TestData::read(const QString &relativePath)
{
    QFile file(path(relativePath));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

QJsonObject TestData::readJsonObject(const QString &relativePath)
{
    return QJsonDocument::fromJson(read(relativePath)).object();
}

bool TestData::writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size() && file.flush();
}

QJsonDocument TestData::parseJson(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document;
}

QByteArray TestData::doubleQuoted(const QByteArray &singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}

QJsonDocument TestData::parseSingleQuoted(const QByteArray &singleQuoted)
{
    return parseJson(doubleQuoted(singleQuoted));
}

QJsonObject TestData::singleQuotedObject(const QByteArray &singleQuoted)
{
    return parseSingleQuoted(singleQuoted).object();
}

QJsonArray TestData::singleQuotedArray(const QByteArray &singleQuoted)
{
    return parseSingleQuoted(singleQuoted).array();
}

QJsonValue TestData::valueAt(const QJsonValue &root, const char *path)
{
    QJsonValue value = root;
    const QList<QByteArray> steps = QByteArray(path).split('.');
    for (const QByteArray &step : steps) {
        bool isIndex = false;
        const int index = step.toInt(&isIndex);
        value = isIndex ? value.toArray().at(index) : value.toObject().value(QLatin1StringView(step));
    }
    return value;
}

QJsonObject TestData::withFirstToolChanged(const QJsonObject &request, const QJsonObject &extra)
{
    QJsonArray tools = request.value(QLatin1StringView("tools")).toArray();
    QJsonObject first = tools.at(0).toObject();
    first.insert(QStringLiteral("description"),
                 first.value(QLatin1StringView("description")).toString().replace(0, 1, QLatin1Char('#')));
    for (auto it = extra.begin(); it != extra.end(); ++it)
        first.insert(it.key(), it.value());
    tools.replace(0, first);
    QJsonObject changed = request;
    changed.insert(QStringLiteral("tools"), tools);
    return changed;
}

QJsonObject TestData::messagesRequest(const QJsonObject &fields)
{
    QJsonObject request = singleQuotedObject("{'model':'claude-sonnet-4-5','max_tokens':1024,"
                                             "'messages':[{'role':'user','content':'Hello'}]}");
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        request.insert(it.key(), it.value());
    return request;
}

QByteArray TestData::compact(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

QStringList TestData::providerStreamNames(const QString &nameFilter)
{
    return QDir(path(QStringLiteral("provider-streams"))).entryList({nameFilter}, QDir::Files);
}

QList<SseEvent> TestData::providerStreamEvents(const QString &fileName)
{
    SseParser parser;
    QList<SseEvent> events = parser.feed(read(QStringLiteral("provider-streams/") + fileName));
    events += parser.finish();
    return events;
}

quint16 TestData::freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

void TestData::useHomeForAppFiles(const QString &home)
{
    qputenv("HOME", home.toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", (home + QStringLiteral("/.config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", (home + QStringLiteral("/.local/share")).toLocal8Bit());
    QCoreApplication::setApplicationName(QStringLiteral("CC Bridge"));
    QCoreApplication::setOrganizationName(QStringLiteral("CC Bridge"));
}
