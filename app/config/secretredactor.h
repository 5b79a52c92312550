#pragma once

#include <QString>
#include <QStringList>

// Removes secrets from text that is about to be logged, shown or sent to a client: the
// configured keys themselves, and anything shaped like a provider key or bearer token.
class SecretRedactor
{
public:
    // Configured values that are not secret-like are left out.
    explicit SecretRedactor(QStringList secrets = {});

    // Whether a configured value is hidden where it appears: at least 12 characters that mix
    // two of lower case, upper case and digits. Every provider's real keys are longer and
    // mixed, while the dummy keys local servers are given ("ollama", "lm-studio", "EMPTY",
    // "not-needed") and short values are words a log line holds for other reasons.
    static bool isSecretLike(const QString &value);

    // This one plus `secret`: a request's own key (a profile passing the client's key on),
    // which no configuration holds but an upstream may echo back.
    SecretRedactor including(const QString &secret) const;

    QString redact(QString text) const;

private:
    QStringList m_secrets;
};
