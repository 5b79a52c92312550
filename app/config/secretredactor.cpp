#include "secretredactor.h"

#include <QRegularExpression>

SecretRedactor::SecretRedactor(QStringList secrets)
    : m_secrets(std::move(secrets))
{
    m_secrets.removeAll(QString());
}

QString SecretRedactor::redact(QString text) const
{
    static const QString hidden = QStringLiteral("[redacted]");
    for (const auto &secret : m_secrets)
        text.replace(secret, hidden);
    // Provider key shapes (sk-…, sk-ant-…, sk-or-v1-…, gsk_…, xai-…) and bearer tokens, which
    // upstream error messages sometimes echo back.
    static const QRegularExpression keyShaped(QStringLiteral(
        R"((\b(?:sk|gsk|xai|key)[-_][A-Za-z0-9_\-\.]{12,})|((?i:bearer)\s+[A-Za-z0-9_\-\.=]{8,}))"));
    return text.replace(keyShaped, hidden);
}
