#pragma once

#include "config/proxyconfig.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>

class UpstreamClient;

// One GET of a provider's model list with a given key: what the window's Fetch models and Test
// connection do, and what the model catalog keeps. The outcome is the model names, or a
// sentence for the user that never holds the key.
class ProviderProbe : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool ok = false;      // the provider answered 2xx
        int status = 0;       // its HTTP status; 0 when it could not be reached
        QStringList models;   // what it listed, in its order, without duplicates
        QHash<QString, int> contextWindows; // of the listed models that say theirs, in tokens
        QString problem;      // why not ok, for the user
    };
    using Callback = std::function<void(const Result &)>;

    // Starts at once with `provider.apiKey`. `done` runs once, from the event loop, and then
    // the probe deletes itself; deleting it before that aborts the request and `done` never runs.
    ProviderProbe(const UpstreamClient &client, const ProviderConfig &provider, Callback done,
                  QObject *parent = nullptr);

    // The model ids a GET /models answer lists (OpenAI's and Anthropic's shape: data[].id).
    static QStringList modelsIn(const QByteArray &body);
    // The context windows such a list gives: OpenRouter's and Together's context_length, Groq's
    // context_window, vLLM's max_model_len, LM Studio's max_context_length.
    static QHash<QString, int> contextWindowsIn(const QByteArray &body);

private:
    void finish(const Result &result);
    Result answered(int status, const QByteArray &body) const;

    Callback m_done;
    QString m_key;
};
