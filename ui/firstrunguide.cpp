#include "firstrunguide.h"

#include "config/claudesettingsfile.h"
#include "config/envexport.h"
#include "config/providerpresets.h"
#include "config/secretstore.h"
#include "config/settings.h"
#include "proxy/providerprobe.h"
#include "proxy/proxycontroller.h"
#include "proxy/upstreamclient.h"
#include "config/routejson.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// A connection test should answer within seconds, whatever the proxy's read timeout.
constexpr int probeTimeoutMs = 30'000;

QLabel *titleLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    label->setFont(font);
    label->setWordWrap(true);
    return label;
}

QLabel *textLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

} // namespace

FirstRunGuide::FirstRunGuide(Settings *settings, SecretStore *secrets, ProxyController *proxy,
                             UpstreamConnectionPool *upstreams, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_proxy(proxy)
    , m_upstreams(upstreams)
    , m_claudeSettingsPath(ClaudeSettingsFile::defaultPath())
    , m_steps(new QStackedWidget(this))
    , m_back(new QPushButton(tr("Back"), this))
    , m_next(new QPushButton(tr("Next"), this))
    , m_skip(new QPushButton(tr("Skip the guide"), this))
{
    setObjectName(QStringLiteral("firstRunGuide"));
    m_steps->addWidget(buildChooseStep());
    m_steps->addWidget(buildKeyStep());
    m_steps->addWidget(buildStartStep());
    m_steps->addWidget(buildConnectStep());

    m_back->setObjectName(QStringLiteral("guideBack"));
    m_next->setObjectName(QStringLiteral("guideNext"));
    m_skip->setObjectName(QStringLiteral("guideSkip"));
    m_skip->setToolTip(tr("Set CC Bridge up in the window's tabs instead."));
    connect(m_back, &QPushButton::clicked, this, &FirstRunGuide::back);
    connect(m_next, &QPushButton::clicked, this, &FirstRunGuide::next);
    connect(m_skip, &QPushButton::clicked, this, &FirstRunGuide::finished);
    connect(m_proxy, &ProxyController::stateChanged, this, &FirstRunGuide::proxyStateChanged);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_skip);
    buttons->addStretch();
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);

    // A column of readable width in the middle of the window.
    auto *column = new QVBoxLayout;
    column->addWidget(m_steps, 1);
    column->addLayout(buttons);
    auto *frame = new QWidget(this);
    frame->setLayout(column);
    frame->setMaximumWidth(640);
    auto *layout = new QHBoxLayout(this);
    layout->addStretch();
    layout->addWidget(frame, 4);
    layout->addStretch();

    showStep(ChooseProvider);
}

bool FirstRunGuide::isWanted(const Settings &settings)
{
    return settings.providers().isEmpty();
}

QWidget *FirstRunGuide::buildChooseStep()
{
    auto *step = new QWidget(this);
    auto *intro = textLabel(tr("CC Bridge lets Claude Code use another model provider. Three steps: choose the "
                               "provider, paste its API key, start. Nothing to edit by hand."),
                            step);
    auto *prompt = textLabel(tr("&Provider:"), step);
    m_presets = new QListWidget(step);
    m_presets->setObjectName(QStringLiteral("guidePresets"));
    // A list takes no name from its label's buddy: named here for screen readers.
    m_presets->setAccessibleName(tr("Provider"));
    prompt->setBuddy(m_presets);
    for (const ProviderPreset &preset : ProviderPresets::all()) {
        auto *item = new QListWidgetItem(preset.name, m_presets);
        item->setData(Qt::UserRole, preset.id);
        item->setToolTip(preset.notes);
    }
    m_presets->setCurrentRow(0);
    connect(m_presets, &QListWidget::itemActivated, this, &FirstRunGuide::next);

    auto *layout = new QVBoxLayout(step);
    layout->addWidget(titleLabel(tr("Welcome to CC Bridge"), step));
    layout->addWidget(intro);
    layout->addWidget(prompt);
    layout->addWidget(m_presets, 1);
    return step;
}

QWidget *FirstRunGuide::buildKeyStep()
{
    auto *step = new QWidget(this);
    m_keyTitle = titleLabel(QString(), step);
    m_keyNote = textLabel(QString(), step);
    m_key = new QLineEdit(step);
    m_key->setObjectName(QStringLiteral("guideKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Paste the key here"));
    m_baseUrl = new QLineEdit(step);
    m_baseUrl->setObjectName(QStringLiteral("guideBaseUrl"));
    m_baseUrl->setToolTip(tr("Where the provider's API is. Change it only for your own server or a proxy."));
    m_test = new QPushButton(tr("&Test the key"), step);
    m_test->setObjectName(QStringLiteral("guideTest"));
    m_keyResult = textLabel(QString(), step);
    m_keyResult->setObjectName(QStringLiteral("guideKeyResult"));
    connect(m_test, &QPushButton::clicked, this, &FirstRunGuide::testKey);
    connect(m_key, &QLineEdit::returnPressed, this, &FirstRunGuide::next);
    connect(m_baseUrl, &QLineEdit::returnPressed, this, &FirstRunGuide::next);

    auto *form = new QFormLayout;
    // addRow with a text makes the label each field's buddy: its accessible name.
    form->addRow(tr("API &key:"), m_key);
    form->addRow(tr("&Address:"), m_baseUrl);
    auto *layout = new QVBoxLayout(step);
    layout->addWidget(m_keyTitle);
    layout->addWidget(m_keyNote);
    layout->addLayout(form);
    layout->addWidget(m_test, 0, Qt::AlignLeft);
    layout->addWidget(m_keyResult);
    layout->addStretch();
    return step;
}

QWidget *FirstRunGuide::buildStartStep()
{
    auto *step = new QWidget(this);
    m_startNote = textLabel(QString(), step);
    m_start = new QPushButton(tr("&Start the proxy"), step);
    m_start->setObjectName(QStringLiteral("guideStart"));
    m_startResult = textLabel(QString(), step);
    m_startResult->setObjectName(QStringLiteral("guideStartResult"));
    connect(m_start, &QPushButton::clicked, this, &FirstRunGuide::startProxy);

    auto *layout = new QVBoxLayout(step);
    layout->addWidget(titleLabel(tr("Start the proxy"), step));
    layout->addWidget(m_startNote);
    layout->addWidget(m_start, 0, Qt::AlignLeft);
    layout->addWidget(m_startResult);
    layout->addStretch();
    return step;
}

QWidget *FirstRunGuide::buildConnectStep()
{
    auto *step = new QWidget(this);
    m_copy = new QPushButton(step);
    m_copy->setObjectName(QStringLiteral("guideCopy"));
    m_applySettings = new QPushButton(tr("A&pply to Claude Code's settings.json"), step);
    m_applySettings->setObjectName(QStringLiteral("guideApplySettings"));
    m_connectResult = textLabel(QString(), step);
    m_connectResult->setObjectName(QStringLiteral("guideConnectResult"));
    m_connectResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_copy, &QPushButton::clicked, this, &FirstRunGuide::copyEnvironment);
    connect(m_applySettings, &QPushButton::clicked, this, &FirstRunGuide::applyToClaudeSettings);

    auto *layout = new QVBoxLayout(step);
    layout->addWidget(titleLabel(tr("Point Claude Code at CC Bridge"), step));
    layout->addWidget(textLabel(tr("Either paste the environment into the shell you start claude from, or write it "
                                   "into Claude Code's settings.json so that every claude uses CC Bridge (the file "
                                   "is backed up first, and only its env block changes)."),
                                step));
    layout->addWidget(m_copy, 0, Qt::AlignLeft);
    layout->addWidget(m_applySettings, 0, Qt::AlignLeft);
    layout->addWidget(m_connectResult);
    layout->addWidget(textLabel(tr("The Claude Code tab has the snippet for every shell."), step));
    layout->addStretch();
    return step;
}

void FirstRunGuide::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The step's focus proxy is where typing starts; a hidden widget could not take it before.
    m_steps->currentWidget()->setFocus();
}

void FirstRunGuide::showStep(int step)
{
    m_steps->setCurrentIndex(step);
    m_back->setVisible(step == EnterKey || step == ConnectClaudeCode);
    m_next->setVisible(step != StartProxy);
    m_next->setText(step == EnterKey ? tr("&Save and continue") : step == ConnectClaudeCode ? tr("&Done") : tr("&Next"));
    // Where typing starts on each step.
    QWidget *focus = step == ChooseProvider ? static_cast<QWidget *>(m_presets)
                     : step == EnterKey     ? (needsKey() ? m_key : m_baseUrl)
                     : step == StartProxy   ? static_cast<QWidget *>(m_start)
                                            : static_cast<QWidget *>(m_copy);
    m_steps->currentWidget()->setFocusProxy(focus);
    focus->setFocus();

    if (step == EnterKey) {
        const ProviderPreset *preset = chosenPreset();
        m_keyTitle->setText(tr("Your %1 API key").arg(preset->name));
        m_keyNote->setText(needsKey() ? tr("It goes to the OS keychain, never to a file. CC Bridge sends it to %1 "
                                           "only.")
                                            .arg(preset->name)
                                      : tr("%1 runs on your own computer and needs no key; leave it empty unless you "
                                           "set one.")
                                            .arg(preset->name));
        if (m_baseUrl->text().isEmpty() || m_baseUrl->property("preset").toString() != preset->id) {
            m_baseUrl->setText(preset->baseUrl);
            m_baseUrl->setProperty("preset", preset->id);
            m_keyResult->clear();
        }
    } else if (step == StartProxy) {
        m_startNote->setText(tr("CC Bridge will listen on %1, on this computer only. Claude Code's Opus, Sonnet and "
                                "Haiku requests go to %2's models; the Routes tab changes that.")
                                 .arg(m_proxy->baseUrl().toString(), chosenPreset()->name));
    } else if (step == ConnectClaudeCode) {
        const QString shell = EnvExport::userShell() == EnvExport::Shell::Fish         ? tr("fish")
                              : EnvExport::userShell() == EnvExport::Shell::PowerShell ? tr("PowerShell")
                                                                                         : tr("bash/zsh");
        m_copy->setText(tr("&Copy the environment for %1").arg(shell));
    }
}

void FirstRunGuide::next()
{
    switch (m_steps->currentIndex()) {
    case ChooseProvider:
        if (chosenPreset())
            showStep(EnterKey);
        break;
    case EnterKey:
        saveProvider();
        break;
    case StartProxy:
        break;
    case ConnectClaudeCode:
        Q_EMIT finished();
        break;
    }
}

void FirstRunGuide::back()
{
    if (!m_saving)
        showStep(m_steps->currentIndex() == ConnectClaudeCode ? StartProxy : ChooseProvider);
}

const ProviderPreset *FirstRunGuide::chosenPreset() const
{
    // The selected one: the keyboard selects as it moves, assistive technology selects directly.
    const QList<QListWidgetItem *> selected = m_presets->selectedItems();
    return selected.isEmpty() ? nullptr : ProviderPresets::find(selected.constFirst()->data(Qt::UserRole).toString());
}

bool FirstRunGuide::needsKey() const
{
    const ProviderPreset *preset = chosenPreset();
    return preset && !preset->apiKeyEnv.isEmpty();
}

void FirstRunGuide::testKey()
{
    delete m_probe.data();
    ProviderConfig provider = ProviderPresets::providerFrom(*chosenPreset());
    provider.baseUrl = QUrl(m_baseUrl->text().trimmed());
    provider.apiKey = m_key->text().trimmed();
    m_keyResult->setText(tr("Connecting…"));
    const UpstreamClient client(m_upstreams, probeTimeoutMs, probeTimeoutMs);
    m_probe = new ProviderProbe(client, provider, [this](const ProviderProbe::Result &result) {
        if (result.ok)
            showResult(m_keyResult, tr("✓ The key works: %n model(s) available.", nullptr, int(result.models.size())), true);
        else
            showResult(m_keyResult, QStringLiteral("✗ ") + result.problem, false);
    }, this);
}

void FirstRunGuide::saveProvider()
{
    const QString key = m_key->text().trimmed();
    if (m_saving)
        return;
    if (needsKey() && key.isEmpty()) {
        showResult(m_keyResult, tr("✗ Paste the key first. The provider's website shows it under API keys."), false);
        return;
    }
    const QUrl baseUrl(m_baseUrl->text().trimmed());
    if (!baseUrl.isValid() || baseUrl.host().isEmpty()
        || (baseUrl.scheme() != QLatin1StringView("http") && baseUrl.scheme() != QLatin1StringView("https"))) {
        showResult(m_keyResult, tr("✗ The address must be an http(s) URL."), false);
        return;
    }
    if (key.isEmpty()) {
        storeProvider(false);
        return;
    }
    m_saving = true;
    showResult(m_keyResult, tr("Saving the key in the keychain…"), true);
    m_secrets->write(chosenPreset()->id, key, this, [this](const SecretStore::Result &result) {
        m_saving = false;
        if (!result.ok) {
            showResult(m_keyResult,
                       tr("✗ %1 %2").arg(result.message, SecretStore::explain(result.error)), false);
            return;
        }
        storeProvider(true);
    });
}

void FirstRunGuide::storeProvider(bool keyInKeychain)
{
    const ProviderPreset *preset = chosenPreset();
    QJsonObject provider{{QStringLiteral("name"), preset->id}, {QStringLiteral("preset"), preset->id}};
    if (m_baseUrl->text().trimmed() != preset->baseUrl)
        provider.insert(QStringLiteral("baseUrl"), m_baseUrl->text().trimmed());
    if (keyInKeychain)
        provider.insert(QStringLiteral("keyInKeychain"), true);
    // Going through the guide again replaces what it saved before, and keeps everything else.
    QJsonArray providers = m_settings->providers();
    const auto same = std::find_if(providers.begin(), providers.end(), [preset](const QJsonValue &entry) {
        return entry.toObject().value(QLatin1StringView("name")).toString() == preset->id;
    });
    if (same != providers.end())
        providers.erase(same);
    providers.append(provider);
    if (const std::optional<QString> problem = m_settings->set(Settings::Key::Providers, providers)) {
        showResult(m_keyResult, QStringLiteral("✗ ") + *problem, false);
        return;
    }
    if (m_settings->routes().isEmpty())
        m_settings->setRoutes(RouteJson::presetRoutes(preset->id, preset->id));
    m_keyResult->clear();
    showStep(StartProxy);
}

void FirstRunGuide::startProxy()
{
    m_startResult->setText(tr("Starting…"));
    // The environment the last step hands Claude Code carries the token; the start waits for it.
    m_proxy->provideClientToken();
    if (m_proxy->state() == ProxyController::State::Running)
        proxyStateChanged();
    else
        m_proxy->start();
}

void FirstRunGuide::proxyStateChanged()
{
    if (m_steps->currentIndex() != StartProxy)
        return;
    switch (m_proxy->state()) {
    case ProxyController::State::Running:
        showResult(m_startResult, tr("✓ Running on %1.").arg(m_proxy->baseUrl().toString()), true);
        showStep(ConnectClaudeCode);
        break;
    case ProxyController::State::Error:
        showResult(m_startResult, QStringLiteral("✗ ") + m_proxy->errorText(), false);
        break;
    case ProxyController::State::Starting:
    case ProxyController::State::Stopped:
        break;
    }
}

void FirstRunGuide::copyEnvironment()
{
    QApplication::clipboard()->setText(EnvExport::snippet(EnvExport::userShell(), m_proxy->claudeCodeEnvironment()));
    showResult(m_connectResult, tr("✓ Copied. Paste it into your shell, then run claude there."), true);
}

void FirstRunGuide::applyToClaudeSettings()
{
    QString backup;
    const std::optional<QString> error = ClaudeSettingsFile::apply(
        m_claudeSettingsPath, EnvExport::settingsEnv(m_proxy->claudeCodeEnvironment()), &backup);
    if (error) {
        showResult(m_connectResult, QStringLiteral("✗ ") + *error, false);
        return;
    }
    const QString path = QDir::toNativeSeparators(m_claudeSettingsPath);
    showResult(m_connectResult,
               backup.isEmpty() ? tr("✓ Written to %1. Every new claude now uses CC Bridge.").arg(path)
                                : tr("✓ Written to %1 (the old file is kept as %2). Every new claude now uses CC Bridge.")
                                      .arg(path, QDir::toNativeSeparators(backup)),
               true);
}

void FirstRunGuide::showResult(QLabel *label, const QString &text, bool ok)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, ok ? QColor(0x1e, 0x84, 0x49) : QColor(0xc0, 0x39, 0x2b));
    label->setPalette(palette);
    label->setText(text);
}
