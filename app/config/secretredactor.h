#pragma once

#include <QString>
#include <QStringList>

// Removes secrets from text that is about to be logged, shown or sent to a client: the
// configured keys themselves, and anything shaped like a provider key or bearer token.
class SecretRedactor
{
public:
    explicit SecretRedactor(QStringList secrets = {});

    QString redact(QString text) const;

private:
    QStringList m_secrets;
};
