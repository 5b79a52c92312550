#include "passthroughstreamtranslator.h"

#include <QJsonDocument>

PassthroughStreamTranslator::PassthroughStreamTranslator(ResponseOptions options)
    : m_options(std::move(options))
{
}

void PassthroughStreamTranslator::translateEvent(const SseEvent &event, QList<QJsonObject> &events)
{
    if (m_finished)
        return;
    const QJsonDocument document = QJsonDocument::fromJson(event.data);
    if (!document.isObject())
        return; // not an Anthropic event (a proxy's noise): nothing to pass on
    QJsonObject payload = document.object();
    const QString type = payload.value(QLatin1StringView("type")).toString();
    if (type == QLatin1StringView("message_start")) {
        QJsonObject message = payload.value(QLatin1StringView("message")).toObject();
        message.insert(QStringLiteral("model"), m_options.model);
        payload.insert(QStringLiteral("message"), message);
        m_usage = TokenUsage::fromAnthropicJson(message.value(QLatin1StringView("usage")));
    } else if (type == QLatin1StringView("message_delta")) {
        // message_delta's usage is cumulative; counts it leaves out or sets to null (Anthropic
        // types them as nullable) keep their earlier values.
        const QJsonObject usage = payload.value(QLatin1StringView("usage")).toObject();
        TokenUsage merged = m_usage.value_or(TokenUsage{});
        for (const auto &[key, count] : {std::pair{"output_tokens", &merged.output},
                                         {"input_tokens", &merged.input},
                                         {"cache_read_input_tokens", &merged.cacheRead}}) {
            const QJsonValue value = usage.value(QLatin1StringView(key));
            if (value.isDouble())
                *count = value.toInteger();
        }
        merged.reported = true;
        m_usage = merged;
    } else if (type == QLatin1StringView("message_stop")) {
        m_complete = true;
        m_finished = true;
    } else if (type == QLatin1StringView("error")) {
        m_finished = true;
    } else if (type.isEmpty()) {
        return;
    }
    events.append(payload);
}

QList<QJsonObject> PassthroughStreamTranslator::finish()
{
    m_finished = true;
    return {};
}

QList<QJsonObject> PassthroughStreamTranslator::fail(const ApiError &error)
{
    if (m_finished)
        return {};
    m_finished = true;
    return {error.toJson()};
}

TokenUsage PassthroughStreamTranslator::usage() const
{
    if (m_usage)
        return *m_usage;
    TokenUsage estimate;
    estimate.input = m_options.inputTokenEstimate;
    return estimate;
}
