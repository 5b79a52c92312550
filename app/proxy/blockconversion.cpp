#include "blockconversion.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace {
QString typeOf(const QJsonObject &object)
{
    return object.value(QLatin1StringView("type")).toString();
}

QByteArray hashOf(const QJsonObject &block)
{
    const QJsonObject source = block.value(QLatin1StringView("source")).toObject();
    const QString data = typeOf(source) == QLatin1StringView("url") ? source.value(QLatin1StringView("url")).toString()
                                                                     : source.value(QLatin1StringView("data")).toString();
    return QCryptographicHash::hash(data.toUtf8(), QCryptographicHash::Sha256);
}

// Calls `visit` for every block of `content`, those inside tool results too, and puts back
// what it returns.
QJsonArray visited(const QJsonArray &content, const std::function<QJsonObject(const QJsonObject &)> &visit)
{
    QJsonArray blocks;
    for (const QJsonValue &value : content) {
        QJsonObject block = visit(value.toObject());
        if (typeOf(block) == QLatin1StringView("tool_result") && block.value(QLatin1StringView("content")).isArray())
            block[QStringLiteral("content")] = visited(block.value(QLatin1StringView("content")).toArray(), visit);
        blocks.append(block);
    }
    return blocks;
}

QJsonObject visitedRequest(const QJsonObject &request, const std::function<QJsonObject(const QJsonObject &)> &visit)
{
    QJsonArray messages;
    for (const QJsonValue &value : request.value(QLatin1StringView("messages")).toArray()) {
        QJsonObject message = value.toObject();
        if (message.value(QLatin1StringView("content")).isArray())
            message[QStringLiteral("content")] = visited(message.value(QLatin1StringView("content")).toArray(), visit);
        messages.append(message);
    }
    QJsonObject result = request;
    result.insert(QStringLiteral("messages"), messages);
    return result;
}

// Calls `read` for every block of `content`, those inside tool results too, changing nothing:
// whether a request needs converting is asked of every request to some providers.
void forEachBlock(const QJsonArray &content, const std::function<void(const QJsonObject &)> &read)
{
    for (const QJsonValue &value : content) {
        const QJsonObject block = value.toObject();
        read(block);
        if (typeOf(block) == QLatin1StringView("tool_result"))
            forEachBlock(block.value(QLatin1StringView("content")).toArray(), read);
    }
}

void forEachBlockOf(const QJsonObject &request, const std::function<void(const QJsonObject &)> &read)
{
    for (const QJsonValue &message : request.value(QLatin1StringView("messages")).toArray())
        forEachBlock(message.toObject().value(QLatin1StringView("content")).toArray(), read);
}

// One request's conversions on their way.
struct Pending
{
    QHash<QByteArray, QString> texts;
    int waiting = 0;
    bool failed = false;
    BlockConversion::Outcome outcome;
};
}

BlockConversion::BlockConversion(Matches matches, int rememberedTexts)
    : m_matches(matches)
    , m_remembered(std::make_shared<QCache<QByteArray, QString>>(rememberedTexts))
{
}

bool BlockConversion::appliesTo(const QJsonObject &request) const
{
    bool found = false;
    forEachBlockOf(request, [&](const QJsonObject &block) { found = found || m_matches(block); });
    return found;
}

void BlockConversion::run(const QJsonObject &request, const Convert &convert, const Replace &replace, QObject *owner,
                          std::function<void(const Outcome &)> done)
{
    auto pending = std::make_shared<Pending>();
    QHash<QByteArray, QJsonObject> unknown;
    QList<QByteArray> order;
    forEachBlockOf(request, [&](const QJsonObject &block) {
        if (!m_matches(block))
            return;
        const QByteArray hash = hashOf(block);
        if (pending->texts.contains(hash) || unknown.contains(hash))
            return;
        if (const QString *known = m_remembered->object(hash)) {
            pending->texts.insert(hash, *known);
            ++pending->outcome.remembered;
        } else {
            unknown.insert(hash, block);
            order << hash;
        }
    });
    const Matches matches = m_matches;
    const auto finish = [pending, request, replace, matches, done] {
        pending->outcome.request = visitedRequest(request, [&](const QJsonObject &block) {
            return matches(block) ? replace(block, pending->texts.value(hashOf(block))) : block;
        });
        done(pending->outcome);
    };
    if (unknown.isEmpty()) {
        finish();
        return;
    }
    pending->waiting = int(unknown.size());
    pending->outcome.converted = int(unknown.size());
    const std::shared_ptr<QCache<QByteArray, QString>> remembered = m_remembered;
    for (const QByteArray &hash : std::as_const(order)) {
        convert(unknown.value(hash), owner, [pending, remembered, hash, finish, done, request](const Converted &converted) {
            if (pending->failed)
                return;
            if (!converted.error.isEmpty()) {
                pending->failed = true;
                pending->outcome.error = converted.error;
                pending->outcome.request = request;
                done(pending->outcome);
                return;
            }
            remembered->insert(hash, new QString(converted.text));
            pending->texts.insert(hash, converted.text);
            if (--pending->waiting == 0)
                finish();
        });
    }
}
