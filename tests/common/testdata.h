#pragma once

#include "protocol/sseevent.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// Files under tests/data: recorded provider streams and captured Claude Code requests.
namespace TestData {
QString path(const QString &relativePath);
QByteArray read(const QString &relativePath);
QJsonObject readJsonObject(const QString &relativePath);
// Writes `contents` to the file at `path`, replacing it; whether all of it was written.
bool writeFile(const QString &path, const QByteArray &contents);
// JSON written in a test; malformed JSON is a broken test and stops it.
QJsonDocument parseJson(const QByteArray &text);
// JSON written in a test with ' for ", so that it needs no escaped quotes and no raw string
// literals (Qt 6.4's moc misreads a test file whose raw strings hold a backslash-quote or two
// slashes). A quote inside a JSON string is written \\'. Malformed JSON stops the test.
QByteArray doubleQuoted(const QByteArray &singleQuoted);
QJsonDocument parseSingleQuoted(const QByteArray &singleQuoted);
QJsonObject singleQuotedObject(const QByteArray &singleQuoted);
QJsonArray singleQuotedArray(const QByteArray &singleQuoted);
// The value at a dotted path such as "messages.3.tool_calls.0.id"; undefined when absent.
QJsonValue valueAt(const QJsonValue &root, const char *path);
// The smallest Messages request Claude Code could send (claude-sonnet-4-5, max_tokens 1024,
// one user message "Hello"), with `fields` set over it.
QJsonObject messagesRequest(const QJsonObject &fields = {});
// `request` with the first tool's description changed by one character and, if given, `extra`
// set on that tool: tools that differ from Claude Code's own by as little as can be.
QJsonObject withFirstToolChanged(const QJsonObject &request, const QJsonObject &extra = {});
// Compact JSON compares exactly (QJsonObject keeps its keys sorted) and prints readably.
QByteArray compact(const QJsonValue &value);
// The recorded streams in tests/data/provider-streams whose names match `nameFilter`, by name.
QStringList providerStreamNames(const QString &nameFilter = QStringLiteral("*.stream.sse"));
// Makes `home` the home of this test process and the processes it starts (HOME, XDG config
// and data folders under it), with the app's names, so that the configuration and the usage
// data are looked for and written there, as the app does.
void useHomeForAppFiles(const QString &home);
// A loopback port free right now, for a server that must bind a fixed port (0 on failure).
quint16 freeLoopbackPort();
// A recorded stream from tests/data/provider-streams, parsed into its SSE events.
QList<SseEvent> providerStreamEvents(const QString &fileName);
}
