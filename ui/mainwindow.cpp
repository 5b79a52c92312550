#include "mainwindow.h"

#include "claudecodepage.h"
#include "firstrunguide.h"
#include "config/secretstore.h"
#include "config/settings.h"
#include "providerspage.h"
#include "proxy/proxycontroller.h"
#include "proxy/setupdoctor.h"
#include "proxy/upstreamclient.h"
#include "setupcheckpanel.h"
#include "requestspage.h"
#include "routespage.h"
#include "settingspage.h"
#include "trayicons.h"
#include "usagepage.h"

#include <QCloseEvent>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <memory>

MainWindow::MainWindow(ProxyController *proxy, Settings *settings, SecretStore *secrets, const UsageStats *usage,
                       UpstreamConnectionPool *upstreams, QWidget *parent)
    : QMainWindow(parent)
    , m_proxy(proxy)
    , m_upstreams(upstreams)
    , m_configuration(settings)
    , m_secrets(secrets)
    , m_tabs(new QTabWidget(this))
    , m_notice(new QLabel(this))
    , m_state(new QLabel(this))
    , m_toggle(new QPushButton(this))
    , m_requests(new RequestsPage(proxy->requestLog(), this))
    , m_usage(new UsagePage(usage, this))
    , m_providers(new ProvidersPage(settings, secrets, upstreams, this))
    , m_routes(new RoutesPage(settings, secrets, upstreams, this))
    , m_claudeCode(new ClaudeCodePage(this))
    , m_settings(new SettingsPage(settings, secrets, this))
    , m_guide(new FirstRunGuide(settings, secrets, proxy, upstreams, this))
    , m_pages(new QStackedWidget(this))
{
    setWindowTitle(tr("CC Bridge"));
    setWindowIcon(TrayIcons::application());
    setObjectName(QStringLiteral("mainWindow"));

    m_tabs->setDocumentMode(true);
    m_tabs->setObjectName(QStringLiteral("sections"));
    // Focusable (it hands the focus to its tab bar), so assistive technology announces it.
    m_tabs->setAccessibleName(tr("Sections"));
    m_tabs->addTab(m_requests, tr("Requests"));
    m_tabs->addTab(m_usage, tr("Usage"));
    m_tabs->addTab(m_providers, tr("Providers"));
    m_tabs->addTab(m_routes, tr("Routes"));
    m_tabs->addTab(m_claudeCode, tr("Claude Code"));
    m_tabs->addTab(m_settings, tr("Settings"));
    connect(m_claudeCode->setupCheck(), &SetupCheckPanel::checkRequested, this, &MainWindow::checkSetup);

    m_notice->setWordWrap(true);
    m_notice->setVisible(false);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setStyleSheet(QStringLiteral("QLabel { padding: 6px 10px; background: palette(alternate-base); }"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_notice);
    layout->addWidget(m_pages);
    setCentralWidget(central);
    m_pages->addWidget(m_tabs);
    m_pages->addWidget(m_guide);
    // An empty configuration greets its user with the guided start; the tabs come after it.
    // The guide starts the proxy at its own step, where it can say what a start needs.
    if (FirstRunGuide::isWanted(*settings)) {
        m_pages->setCurrentWidget(m_guide);
        m_toggle->hide();
    }
    connect(m_guide, &FirstRunGuide::finished, this, [this] {
        m_toggle->show();
        m_pages->setCurrentWidget(m_tabs);
        m_tabs->setCurrentWidget(m_proxy->state() == ProxyController::State::Running ? static_cast<QWidget *>(m_requests)
                                                                                     : m_providers);
    });

    m_state->setObjectName(QStringLiteral("proxyState"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_toggle->setObjectName(QStringLiteral("proxyToggle"));
    statusBar()->addWidget(m_state, 1);
    statusBar()->addPermanentWidget(m_toggle);
    connect(m_toggle, &QPushButton::clicked, this, [this] {
        if (m_proxy->state() == ProxyController::State::Running || m_proxy->state() == ProxyController::State::Starting)
            m_proxy->stop();
        else
            m_proxy->start();
    });

    m_settings->setTokenSink([this](const QString &token) { m_proxy->replaceClientToken(token); });
    connect(m_settings, &SettingsPage::webSearchKeySaved, m_proxy, &ProxyController::reload);
    connect(m_proxy, &ProxyController::stateChanged, this, &MainWindow::refreshState);
    connect(m_proxy, &ProxyController::clientTokenChanged, this, &MainWindow::refreshState);
    connect(m_proxy, &ProxyController::clientTokenProblem, this, [this](const QString &text) {
        showNotice(text);
        refreshState(); // the Settings page shows the token in effect again
    });
    // Made for a configuration from before there was a token (not for one being set up now):
    // the Claude Code set up with it sends none and is refused until it has the new environment.
    const bool configuredBefore = !settings->providers().isEmpty();
    connect(m_proxy, &ProxyController::clientTokenCreated, this, [this, configuredBefore] {
        if (!configuredBefore)
            return;
        m_claudeCode->showNotice(tr("CC Bridge now asks every client for a token, so that other programs and web "
                                    "pages cannot use your providers' keys. Claude Code does not have it yet: copy "
                                    "the environment below into your shell again, or apply it to settings.json."));
        m_tabs->setCurrentWidget(m_claudeCode);
    });
    connect(m_settings, &SettingsPage::configurationImported, this, &MainWindow::askForMissingKeys);
    connect(m_proxy, &ProxyController::reloaded, this, [this] {
        showNotice({}); // a failed reload's notice no longer holds
        refreshState();
    });
    connect(m_proxy, &ProxyController::reloadFailed, this, [this](const QString &errorText) {
        showNotice(tr("The changed settings are not in effect, the proxy keeps the previous ones: %1").arg(errorText));
    });
    // Provider changes reach the proxy through the settings, but a key changed only in the
    // keychain changes no setting.
    connect(m_providers, &ProvidersPage::providersChanged, m_proxy, &ProxyController::reload);
    refreshState();
    resize(1040, 680);
    m_proxy->provideClientToken();
}

void MainWindow::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void MainWindow::refreshState()
{
    const ProxyController::State state = m_proxy->state();
    switch (state) {
    case ProxyController::State::Running:
        m_state->setText(tr("Proxy running on %1").arg(m_proxy->baseUrl().toString()));
        break;
    case ProxyController::State::Starting:
        m_state->setText(tr("Starting the proxy…"));
        break;
    case ProxyController::State::Stopped:
        m_state->setText(tr("Proxy stopped"));
        break;
    case ProxyController::State::Error:
        m_state->setText(tr("Proxy not running: %1").arg(m_proxy->errorText().section(QLatin1Char('\n'), 0, 0)));
        m_state->setToolTip(m_proxy->errorText());
        break;
    }
    const bool active = state == ProxyController::State::Running || state == ProxyController::State::Starting;
    m_toggle->setText(active ? tr("Stop") : tr("Start"));
    m_requests->setProxyBaseUrl(m_proxy->baseUrl());
    m_claudeCode->setEnvironment(m_proxy->claudeCodeEnvironment());
    m_settings->setClientToken(m_proxy->clientToken());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_hidesOnClose) {
        hide();
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        setWindowTitle(tr("CC Bridge"));
        const QStringList titles{tr("Requests"), tr("Usage"), tr("Providers"), tr("Routes"), tr("Claude Code"),
                                   tr("Settings")};
        for (int i = 0; i < titles.size(); ++i)
            m_tabs->setTabText(i, titles.at(i));
        refreshState();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::askForMissingKeys()
{
    const QStringList names = m_configuration->keychainProviders();
    auto missing = std::make_shared<QStringList>();
    auto pending = std::make_shared<qsizetype>(names.size());
    for (const QString &name : names) {
        m_secrets->read(name, this, [this, name, missing, pending](const SecretStore::Result &result) {
            if (!result.ok)
                *missing << name;
            if (--*pending > 0 || missing->isEmpty())
                return;
            missing->sort();
            showNotice(tr("The imported configuration needs keys this computer does not have yet: %1. Enter them "
                          "on the Providers page.")
                           .arg(missing->join(QLatin1StringView(", "))));
            m_tabs->setCurrentWidget(m_providers);
        });
    }
}

void MainWindow::checkSetup()
{
    const ProxyConfig *config = m_proxy->config();
    if (!config) {
        m_claudeCode->setupCheck()->showFindings(
            {{false, tr("CC Bridge is not running, so the way from Claude Code to the providers cannot be checked."),
              tr("Start it with the button below; ccbridge doctor, in a terminal, checks a setup that does not start.")}});
        return;
    }
    auto client = std::make_shared<UpstreamClient>(m_upstreams, SetupDoctor::providerConnectTimeoutMs,
                                                   SetupDoctor::providerReadTimeoutMs);
    auto *doctor = new SetupDoctor(
        SetupDoctor::onThisMachine(*config, m_proxy->claudeCodeEnvironment(), m_claudeCode->homeDir()), *client, this);
    connect(doctor, &SetupDoctor::finished, this, [this, doctor, client](const QList<SetupDoctor::Finding> &findings) {
        m_claudeCode->setupCheck()->showFindings(findings);
        doctor->deleteLater();
    });
    doctor->run();
}
