#include "testdata.h"

#include "protocol/sseparser.h"

#include <QFile>
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

QJsonDocument TestData::parseJson(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document;
}

QByteArray TestData::compact(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

QList<SseEvent> TestData::providerStreamEvents(const QString &fileName)
{
    SseParser parser;
    QList<SseEvent> events = parser.feed(read(QStringLiteral("provider-streams/") + fileName));
    events += parser.finish();
    return events;
}
