#pragma once

#include "config/secretstore.h"

namespace QKeychain {
class Job;
}

// API keys in the OS keychain (Secret Service or KWallet, macOS Keychain, Windows Credential
// Manager) through QtKeychain, under one service name so they do not mix with other apps'.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QString service = QStringLiteral("ccbridge"), QObject *parent = nullptr);

    QString service() const;

protected:
    void start(const std::shared_ptr<Request> &request) override;

private:
    void onJobFinished(const std::shared_ptr<Request> &request, QKeychain::Job *job);

    QString m_service;
};
