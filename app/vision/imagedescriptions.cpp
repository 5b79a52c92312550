#include "imagedescriptions.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSet>

namespace {
QString typeOf(const QJsonObject &object)
{
    return object.value(QLatin1StringView("type")).toString();
}

QByteArray hashOf(const QJsonObject &image)
{
    const QJsonObject source = image.value(QLatin1StringView("source")).toObject();
    const QString data = typeOf(source) == QLatin1StringView("url") ? source.value(QLatin1StringView("url")).toString()
                                                                     : source.value(QLatin1StringView("data")).toString();
    return QCryptographicHash::hash(data.toUtf8(), QCryptographicHash::Sha256);
}

// Every image in `content`, tool results' included, in order.
void collect(const QJsonValue &content, QList<ImageDescriptions::Image> &images, QSet<QByteArray> &seen)
{
    for (const QJsonValue &value : content.toArray()) {
        const QJsonObject block = value.toObject();
        if (typeOf(block) == QLatin1StringView("image")) {
            const QByteArray hash = hashOf(block);
            if (!seen.contains(hash)) {
                seen.insert(hash);
                images.append({hash, block});
            }
        } else if (typeOf(block) == QLatin1StringView("tool_result")) {
            collect(block.value(QLatin1StringView("content")), images, seen);
        }
    }
}

QJsonArray replaced(const QJsonValue &content, const std::function<QJsonObject(const QJsonObject &)> &describe)
{
    QJsonArray blocks;
    for (const QJsonValue &value : content.toArray()) {
        QJsonObject block = value.toObject();
        if (typeOf(block) == QLatin1StringView("image")) {
            blocks.append(describe(block));
            continue;
        }
        if (typeOf(block) == QLatin1StringView("tool_result") && block.value(QLatin1StringView("content")).isArray())
            block[QStringLiteral("content")] = replaced(block.value(QLatin1StringView("content")), describe);
        blocks.append(block);
    }
    return blocks;
}
}

QList<ImageDescriptions::Image> ImageDescriptions::imagesIn(const QJsonObject &request)
{
    QList<Image> images;
    QSet<QByteArray> seen;
    for (const QJsonValue &message : request.value(QLatin1StringView("messages")).toArray())
        collect(message.toObject().value(QLatin1StringView("content")), images, seen);
    return images;
}

QJsonObject ImageDescriptions::describeRequest(const QJsonObject &image, const QString &model)
{
    const QJsonObject ask{{QStringLiteral("type"), QStringLiteral("text")},
                          {QStringLiteral("text"),
                           QStringLiteral("Describe this image for a colleague who cannot see it and has to work with "
                                          "it. Give all text in it word for word, the layout, and any code, user "
                                          "interface, diagram, chart or error message it shows. Answer with the "
                                          "description only.")}};
    return {{QStringLiteral("model"), model},
            {QStringLiteral("max_tokens"), 2048},
            {QStringLiteral("messages"),
             QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                    {QStringLiteral("content"), QJsonArray{image, ask}}}}}};
}

QJsonObject ImageDescriptions::withDescriptions(const QJsonObject &request, const QHash<QByteArray, QString> &descriptions,
                                                const QString &describedBy, const QString &textModel)
{
    const auto describe = [&](const QJsonObject &image) {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                           {QStringLiteral("text"),
                            QStringLiteral("[An image, described by %1 because %2 cannot see images:]\n%3\n[End of the "
                                           "image description.]")
                                .arg(describedBy, textModel, descriptions.value(hashOf(image)))}};
    };
    QJsonArray messages;
    for (const QJsonValue &value : request.value(QLatin1StringView("messages")).toArray()) {
        QJsonObject message = value.toObject();
        if (message.value(QLatin1StringView("content")).isArray())
            message[QStringLiteral("content")] = replaced(message.value(QLatin1StringView("content")), describe);
        messages.append(message);
    }
    QJsonObject described = request;
    described.insert(QStringLiteral("messages"), messages);
    return described;
}

QString ImageDescriptions::textOf(const QJsonObject &message)
{
    QStringList texts;
    for (const QJsonValue &block : message.value(QLatin1StringView("content")).toArray()) {
        if (typeOf(block.toObject()) == QLatin1StringView("text"))
            texts << block.toObject().value(QLatin1StringView("text")).toString();
    }
    return texts.join(QLatin1Char('\n')).trimmed();
}
