#include "websearchbox.h"

#include "config/secretstore.h"
#include "config/settings.h"
#include "proxy/proxycontroller.h"
#include "numberfield.h"
#include "websearch/searchbackendapi.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

namespace {
using Key = Settings::Key;

bool takesKey(const QString &backend)
{
    return backend == SearchBackendName::of(SearchBackendKind::Brave) || backend == SearchBackendName::of(SearchBackendKind::Tavily);
}
}

WebSearchBox::WebSearchBox(Settings *settings, SecretStore *secrets, NumberField *maxResults, QWidget *parent)
    : QGroupBox(tr("Web search"), parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_backend(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_keyState(new QLabel(this))
    , m_maxResults(maxResults)
{
    auto *note = new QLabel(tr("Claude Code's WebSearch needs a search engine. For providers without one of their "
                               "own, CC Bridge runs the searches on this service and the model reads the results."),
                            this);
    note->setWordWrap(true);

    m_backend->setObjectName(QStringLiteral("webSearchBackend"));
    m_backend->setAccessibleName(tr("Web search backend"));
    m_backend->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_backend->addItem(tr("Off: the tool is dropped"), QString());
    m_backend->addItem(tr("SearXNG (self-hosted, no key)"), SearchBackendName::of(SearchBackendKind::SearXng));
    m_backend->addItem(tr("Brave Search API"), SearchBackendName::of(SearchBackendKind::Brave));
    m_backend->addItem(tr("Tavily"), SearchBackendName::of(SearchBackendKind::Tavily));

    m_url->setObjectName(QStringLiteral("webSearchUrl"));
    m_url->setAccessibleName(tr("Web search address"));
    m_key->setObjectName(QStringLiteral("webSearchKey"));
    m_key->setAccessibleName(tr("Web search API key"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Paste the key; it is kept in the keychain"));
    m_keyState->setObjectName(QStringLiteral("webSearchKeyState"));
    m_keyState->setWordWrap(true);

    auto *form = new QFormLayout(this);
    form->addRow(note);
    form->addRow(tr("Search on:"), m_backend);
    form->addRow(tr("Address:"), m_url);
    form->addRow(tr("API key:"), m_key);
    form->addRow(QString(), m_keyState);
    form->addRow(tr("Results per search:"), m_maxResults);
    form->addRow(QString(), m_maxResults->problemLabel());

    connect(m_backend, &QComboBox::currentIndexChanged, this, &WebSearchBox::backendChosen);
    // Written when the user is done with the field, as every address field here.
    connect(m_url, &QLineEdit::editingFinished, this, [this] { m_settings->set(Key::WebSearchUrl, m_url->text().trimmed()); });
    connect(m_key, &QLineEdit::editingFinished, this, &WebSearchBox::saveKey);
    connect(m_settings, &Settings::changed, this, [this](const QString &key) {
        if (key.startsWith(QLatin1StringView("webSearch.")) || key.isEmpty())
            load();
    });
    load();
}

void WebSearchBox::load()
{
    const QString backend = m_settings->value(Key::WebSearchBackend).toString();
    {
        const QSignalBlocker blocker(m_backend);
        m_backend->setCurrentIndex(std::max(0, m_backend->findData(backend)));
    }
    m_url->setText(m_settings->value(Key::WebSearchUrl).toString());
    const auto kind = SearchBackendName::parse(backend).value_or(SearchBackendKind::None);
    m_url->setPlaceholderText(kind == SearchBackendKind::SearXng ? QStringLiteral("http://localhost:8888")
                                                                 : SearchBackendName::defaultUrl(kind).toString());
    m_url->setEnabled(kind != SearchBackendKind::None);
    m_key->setEnabled(takesKey(backend) && m_secrets);
    m_maxResults->setEnabled(kind != SearchBackendKind::None);
    if (!takesKey(backend))
        showKeyState({});
    else if (!m_secrets)
        showKeyState(tr("Without a keychain, the key comes from the configuration's webSearch.apiKeyEnv variable."));
    else if (m_settings->value(Key::WebSearchKeyInKeychain).toBool())
        showKeyState(tr("A key is saved in the keychain."));
    else
        showKeyState(tr("%1 needs its API key.").arg(m_backend->currentText()));
}

void WebSearchBox::backendChosen(int index)
{
    m_settings->set(Key::WebSearchBackend, m_backend->itemData(index).toString());
}

void WebSearchBox::saveKey()
{
    const QString key = m_key->text().trimmed();
    if (key.isEmpty())
        return;
    m_key->clear();
    showKeyState(tr("Saving the key…"));
    m_secrets->write(ProxyController::webSearchKeyName(), key, this, [this](const SecretStore::Result &result) {
        if (!result.ok) {
            showKeyState(tr("The key could not be saved: %1").arg(result.message));
            return;
        }
        if (m_settings->value(Key::WebSearchKeyInKeychain).toBool()) {
            showKeyState(tr("A key is saved in the keychain."));
            Q_EMIT keySaved(); // the setting stays as it was: the proxy must read the new key itself
        } else {
            m_settings->set(Key::WebSearchKeyInKeychain, true);
        }
    });
}

void WebSearchBox::showKeyState(const QString &text)
{
    m_keyState->setText(text);
    m_keyState->setVisible(!text.isEmpty());
}
