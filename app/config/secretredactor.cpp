#include "secretredactor.h"

#include <QRegularExpression>

#include <algorithm>

namespace {
constexpr qsizetype minimumSecretLength = 12;

// What keys are made of: a secret found glued to more of it takes the whole token along, as
// the visible rest would be key material or would read as a garbled word.
bool isTokenCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-';
}
}

SecretRedactor::SecretRedactor(QStringList secrets)
    : m_secrets(std::move(secrets))
{
    m_secrets.removeIf([](const QString &secret) { return !isSecretLike(secret); });
    m_secrets.removeDuplicates();
    // Longest first: a secret that contains another must go whole, not leave its rest behind.
    std::sort(m_secrets.begin(), m_secrets.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

bool SecretRedactor::isSecretLike(const QString &value)
{
    if (value.size() < minimumSecretLength)
        return false;
    bool lower = false;
    bool upper = false;
    bool digit = false;
    for (const QChar c : value) {
        lower = lower || c.isLower();
        upper = upper || c.isUpper();
        digit = digit || c.isDigit();
    }
    return int(lower) + int(upper) + int(digit) >= 2;
}

SecretRedactor SecretRedactor::including(const QString &secret) const
{
    if (secret.isEmpty() || m_secrets.contains(secret))
        return *this;
    return SecretRedactor(m_secrets + QStringList{secret});
}

QString SecretRedactor::redact(QString text) const
{
    static const QString hidden = QStringLiteral("[redacted]");
    for (const auto &secret : m_secrets) {
        for (qsizetype at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at)) {
            qsizetype end = at + secret.size();
            while (at > 0 && isTokenCharacter(text.at(at - 1)))
                --at;
            while (end < text.size() && isTokenCharacter(text.at(end)))
                ++end;
            text.replace(at, end - at, hidden);
            at += hidden.size();
        }
    }
    // Provider key shapes (sk-…, sk-ant-…, sk-or-v1-…, gsk_…, xai-…) and bearer tokens, which
    // upstream error messages sometimes echo back. The generic shapes (key-…, Bearer …) must hold
    // a digit, as random keys do, so prose such as "key-value-store" or "Bearer authentication"
    // is left alone.
    static const QRegularExpression keyShaped(QStringLiteral(
        R"(\b(?:sk|gsk|xai)[-_][A-Za-z0-9_\-\.]{12,}|\bkey[-_](?=[A-Za-z0-9_\-\.]*\d)[A-Za-z0-9_\-\.]{12,})"
        R"(|(?i:bearer)\s+(?=[A-Za-z0-9_\-\.=]*\d)[A-Za-z0-9_\-\.=]{8,})"));
    return text.replace(keyShaped, hidden);
}
