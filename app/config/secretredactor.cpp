#include "secretredactor.h"

#include <QRegularExpression>

#include <algorithm>

SecretRedactor::SecretRedactor(QStringList secrets)
    : m_secrets(std::move(secrets))
{
    m_secrets.removeAll(QString());
    m_secrets.removeDuplicates();
    // Longest first: a secret that contains another must go whole, not leave its rest behind.
    std::sort(m_secrets.begin(), m_secrets.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QString SecretRedactor::redact(QString text) const
{
    static const QString hidden = QStringLiteral("[redacted]");
    for (const auto &secret : m_secrets)
        text.replace(secret, hidden);
    // Provider key shapes (sk-…, sk-ant-…, sk-or-v1-…, gsk_…, xai-…) and bearer tokens, which
    // upstream error messages sometimes echo back. The generic shapes (key-…, Bearer …) must hold
    // a digit, as random keys do, so prose such as "key-value-store" or "Bearer authentication"
    // is left alone.
    static const QRegularExpression keyShaped(QStringLiteral(
        R"(\b(?:sk|gsk|xai)[-_][A-Za-z0-9_\-\.]{12,}|\bkey[-_](?=[A-Za-z0-9_\-\.]*\d)[A-Za-z0-9_\-\.]{12,})"
        R"(|(?i:bearer)\s+(?=[A-Za-z0-9_\-\.=]*\d)[A-Za-z0-9_\-\.=]{8,})"));
    return text.replace(keyShaped, hidden);
}
