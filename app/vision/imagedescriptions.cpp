#include "imagedescriptions.h"

#include <QJsonArray>
#include <QStringList>

bool ImageDescriptions::isImage(const QJsonObject &block)
{
    return block.value(QLatin1StringView("type")).toString() == QLatin1StringView("image");
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

QJsonObject ImageDescriptions::descriptionBlock(const QString &description, const QString &describedBy,
                                                const QString &textModel)
{
    return {{QStringLiteral("type"), QStringLiteral("text")},
            {QStringLiteral("text"), QStringLiteral("[An image, described by %1 because %2 cannot see images:]\n%3\n"
                                                    "[End of the image description.]")
                                         .arg(describedBy, textModel, description)}};
}

QString ImageDescriptions::textOf(const QJsonObject &message)
{
    QStringList texts;
    for (const QJsonValue &block : message.value(QLatin1StringView("content")).toArray()) {
        if (block.toObject().value(QLatin1StringView("type")).toString() == QLatin1StringView("text"))
            texts << block.toObject().value(QLatin1StringView("text")).toString();
    }
    return texts.join(QLatin1Char('\n')).trimmed();
}
