#include "requesttraits.h"

#include "protocol/anthropic/tokenestimator.h"

#include <QJsonArray>

namespace {
bool containsImage(const QJsonValue &content)
{
    for (const QJsonValue &block : content.toArray()) {
        const QJsonObject object = block.toObject();
        if (object.value(QLatin1StringView("type")).toString() == QLatin1StringView("image"))
            return true;
        // Screenshots come back inside tool results.
        if (containsImage(object.value(QLatin1StringView("content"))))
            return true;
    }
    return false;
}
}

RequestTraits RequestTraits::of(const QJsonObject &request)
{
    RequestTraits traits;
    traits.model = request.value(QLatin1StringView("model")).toString();
    const QJsonObject thinking = request.value(QLatin1StringView("thinking")).toObject();
    const QString effort = request.value(QLatin1StringView("output_config")).toObject().value(QLatin1StringView("effort")).toString();
    traits.thinking = thinking.value(QLatin1StringView("type")).toString() == QLatin1StringView("enabled")
                      || effort == QLatin1StringView("high") || effort == QLatin1StringView("max");
    for (const QJsonValue &message : request.value(QLatin1StringView("messages")).toArray()) {
        if (containsImage(message.toObject().value(QLatin1StringView("content")))) {
            traits.images = true;
            break;
        }
    }
    // Claude Code's WebSearch asks with the server tool web_search_20250305 (or a later version).
    for (const QJsonValue &tool : request.value(QLatin1StringView("tools")).toArray()) {
        if (tool.toObject().value(QLatin1StringView("type")).toString().startsWith(QLatin1StringView("web_search"))) {
            traits.webSearch = true;
            break;
        }
    }
    traits.estimatedTokens = TokenEstimator::estimateInputTokens(request);
    return traits;
}

bool RequestTraits::isBackground() const
{
    return model.contains(QLatin1StringView("haiku"), Qt::CaseInsensitive);
}
