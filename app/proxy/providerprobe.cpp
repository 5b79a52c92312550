#include "providerprobe.h"

#include "config/secretredactor.h"
#include "protocol/upstreamerror.h"
#include "protocol/upstreamformat.h"
#include "proxy/upstreamclient.h"
#include "proxy/wholeanswer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace {
// A provider's error message shown to the user is cut here: some answer with a whole HTML page.
constexpr qsizetype maxShownMessage = 300;
// OpenRouter lists hundreds of models in about a megabyte; more than this is no model list.
constexpr qsizetype maxAnswerBytes = 16 * 1024 * 1024;
}

ProviderProbe::ProviderProbe(const UpstreamClient &client, const ProviderConfig &provider, Callback done,
                             QObject *parent)
    : QObject(parent)
    , m_done(std::move(done))
    , m_key(provider.apiKey)
{
    const UpstreamFormat &format = UpstreamFormat::forApi(provider.format);
    const QUrl url = provider.endpoint(format.modelsPath());
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https"))) {
        Result result;
        result.problem = tr("The base URL is not an http(s) address.");
        // Later, as every outcome: the caller may not be ready for it inside the constructor.
        QTimer::singleShot(0, this, [this, result] { finish(result); });
        return;
    }
    UpstreamCall *call = client.get(url, provider.headers + format.authHeaders(m_key), this);
    WholeAnswer::collect(call, maxAnswerBytes, [this](const WholeAnswer &answer) {
        if (answer.answered()) {
            finish(answered(answer.status, answer.body));
            return;
        }
        Result result;
        if (answer.tooLarge) {
            result.problem = tr("The provider's model list is larger than %1 bytes.").arg(maxAnswerBytes);
            finish(result);
            return;
        }
        const QString detail = SecretRedactor({m_key}).redact(answer.failureMessage);
        switch (*answer.failure) {
        case UpstreamCall::Failure::ConnectTimeout:
            result.problem = tr("The provider could not be reached in time: %1").arg(detail);
            break;
        case UpstreamCall::Failure::ReadTimeout:
            result.problem = tr("The provider did not answer in time: %1").arg(detail);
            break;
        case UpstreamCall::Failure::Network:
            result.problem = tr("Could not connect: %1").arg(detail);
            break;
        }
        finish(result);
    });
}

QStringList ProviderProbe::modelsIn(const QByteArray &body)
{
    QStringList models;
    for (const QJsonValue &model : QJsonDocument::fromJson(body).object().value(QLatin1StringView("data")).toArray())
        models << model.toObject().value(QLatin1StringView("id")).toString();
    models.removeAll(QString());
    models.removeDuplicates();
    return models;
}

QHash<QString, int> ProviderProbe::contextWindowsIn(const QByteArray &body)
{
    QHash<QString, int> windows;
    for (const QJsonValue &value : QJsonDocument::fromJson(body).object().value(QLatin1StringView("data")).toArray()) {
        const QJsonObject model = value.toObject();
        for (const char *field : {"context_length", "context_window", "max_model_len", "max_context_length"}) {
            const int window = model.value(QLatin1StringView(field)).toInt();
            if (window > 0) {
                windows.insert(model.value(QLatin1StringView("id")).toString(), window);
                break;
            }
        }
    }
    windows.remove(QString());
    return windows;
}

ProviderProbe::Result ProviderProbe::answered(int status, const QByteArray &body) const
{
    Result result;
    result.status = status;
    if (status >= 200 && status < 300) {
        result.ok = true;
        result.models = modelsIn(body);
        result.contextWindows = contextWindowsIn(body);
        return result;
    }
    QString message = SecretRedactor({m_key}).redact(UpstreamError::messageOf(body)).simplified();
    if (message.size() > maxShownMessage)
        message = message.left(maxShownMessage) + QStringLiteral("…");
    if (message.isEmpty())
        message = tr("no message");
    result.problem = tr("HTTP %1: %2").arg(status).arg(message);
    if (status == 401 || status == 403)
        result.problem += QLatin1Char(' ') + tr("Check the API key.");
    else if (status == 404)
        result.problem += QLatin1Char(' ') + tr("Check the base URL; some providers also do not list their models.");
    return result;
}

void ProviderProbe::finish(const Result &result)
{
    // Once: whatever else the call reports afterwards is ignored.
    if (Callback done = std::exchange(m_done, nullptr)) {
        done(result);
        deleteLater();
    }
}
