#include "keychaintransaction.h"

KeychainTransaction::KeychainTransaction(SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
{
}

void KeychainTransaction::start(const Plan &plan, Store store)
{
    if (m_running)
        return;
    m_running = true;
    m_plan = plan;
    m_store = std::move(store);
    m_warnings.clear();
    readMoved(0);
}

void KeychainTransaction::readMoved(qsizetype index)
{
    // Every moved secret is read before any is written, so two entries that swap names do not
    // overwrite each other's secret.
    if (index >= m_plan.moves.size()) {
        write(0);
        return;
    }
    const QString to = m_plan.moves.at(index).second;
    m_secrets->read(m_plan.moves.at(index).first, this, [this, index, to](const SecretStore::Result &result) {
        if (!result.ok) {
            fail(result.error, result.message);
            return;
        }
        m_plan.writes.append({to, result.secret});
        readMoved(index + 1);
    });
}

void KeychainTransaction::write(qsizetype index)
{
    if (index >= m_plan.writes.size()) {
        store();
        return;
    }
    const auto &[name, secret] = m_plan.writes.at(index);
    m_secrets->write(name, secret, this, [this, index](const SecretStore::Result &result) {
        if (!result.ok) {
            fail(result.error, result.message);
            return;
        }
        write(index + 1);
    });
}

void KeychainTransaction::store()
{
    // The secrets are not needed any more: they are in the keychain now.
    m_plan.writes.clear();
    if (const std::optional<QString> problem = m_store()) {
        fail(SecretStore::Error::None, *problem);
        return;
    }
    remove(0);
}

void KeychainTransaction::remove(qsizetype index)
{
    if (index >= m_plan.removals.size()) {
        m_running = false;
        Q_EMIT finished(true, SecretStore::Error::None, {}, m_warnings);
        return;
    }
    m_secrets->remove(m_plan.removals.at(index), this, [this, index](const SecretStore::Result &result) {
        // The settings are stored by now: a secret left behind is worth a word, not a failure.
        if (!result.ok)
            m_warnings << result.message;
        remove(index + 1);
    });
}

void KeychainTransaction::fail(SecretStore::Error error, const QString &message)
{
    m_running = false;
    m_plan = {};
    Q_EMIT finished(false, error, message, {});
}
