#include "traycontroller.h"

#include "config/envexport.h"
#include "config/settings.h"
#include "monitor/usagestats.h"
#include "proxy/proxycontroller.h"
#include "trayactivationpolicy.h"
#include "trayicons.h"

#include <QAction>
#include <QActionGroup>
#include <QClipboard>
#include <QGuiApplication>
#include <QJsonObject>
#include <QLocale>
#include <QMenu>
#include <QWidget>

TrayController::TrayController(ProxyController *proxy, Settings *settings, const UsageStats *usage, QWidget *window,
                               QObject *parent)
    : QObject(parent)
    , m_proxy(proxy)
    , m_settings(settings)
    , m_usage(usage)
    , m_window(window)
    , m_menu(new QMenu(window))
{
    m_toggle = m_menu->addAction(QString(), this, [this] {
        if (m_proxy->state() == ProxyController::State::Running || m_proxy->state() == ProxyController::State::Starting)
            m_proxy->stop();
        else
            m_proxy->start();
    });
    m_profiles = m_menu->addMenu(tr("Routes"));
    m_menu->addAction(EnvExport::userShell() == EnvExport::Shell::Fish ? tr("Copy environment for fish")
                      : EnvExport::userShell() == EnvExport::Shell::PowerShell ? tr("Copy environment for PowerShell")
                                                                    : tr("Copy environment for bash/zsh"),
                      this, &TrayController::copyEnvironment);
    m_menu->addSeparator();
    m_menu->addAction(tr("Open CC Bridge"), this, [this] {
        if (m_window) {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        }
    });
    m_menu->addAction(tr("Quit"), this, &TrayController::quitRequested);

    connect(m_proxy, &ProxyController::stateChanged, this, &TrayController::refresh);
    connect(m_proxy, &ProxyController::reloaded, this, &TrayController::refresh);
    connect(m_settings, &Settings::changed, this, [this](const QString &key) {
        if (key == Settings::keyName(Settings::Key::Profiles) || key == Settings::keyName(Settings::Key::ActiveProfile))
            rebuildProfiles();
    });
    connect(m_usage, &UsageStats::changed, this, &TrayController::refresh);
    m_retry.setInterval(10'000);
    connect(&m_retry, &QTimer::timeout, this, &TrayController::showWhenAvailable);
    rebuildProfiles();
    refresh();
    showWhenAvailable();
}

void TrayController::showWhenAvailable()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        m_retry.start();
        return;
    }
    m_retry.stop();
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (TrayActivationPolicy::togglesWindow(reason))
                toggleWindow();
        });
    }
    refresh();
    m_tray->show();
}

QString TrayController::toolTip() const
{
    QStringList lines{tr("CC Bridge")};
    switch (m_proxy->state()) {
    case ProxyController::State::Running:
        lines << tr("Running on %1").arg(m_proxy->baseUrl().toString());
        break;
    case ProxyController::State::Starting:
        lines << tr("Starting…");
        break;
    case ProxyController::State::Stopped:
        lines << tr("Stopped");
        break;
    case ProxyController::State::Error:
        lines << tr("Not running: %1").arg(m_proxy->errorText().section(QLatin1Char('\n'), 0, 0));
        break;
    }
    const QString profile = m_settings->activeProfile();
    lines << (profile.isEmpty() ? tr("Routes: default") : tr("Routes: %1").arg(profile));
    const QDate today = QDate::currentDate();
    const UsageStats::Totals totals = m_usage->total(today, today);
    lines << tr("Today: %1 tokens in, %2 out")
                 .arg(QLocale().toString(totals.inputTokens + totals.cacheReadTokens), QLocale().toString(totals.outputTokens));
    return lines.join(QLatin1Char('\n'));
}

void TrayController::refresh()
{
    const bool active = m_proxy->state() == ProxyController::State::Running
                        || m_proxy->state() == ProxyController::State::Starting;
    m_toggle->setText(active ? tr("Stop proxy") : tr("Start proxy"));
    if (m_tray) {
        m_tray->setIcon(TrayIcons::forState(m_proxy->state()));
        m_tray->setToolTip(toolTip());
    }
}

void TrayController::rebuildProfiles()
{
    m_profiles->clear();
    auto *group = new QActionGroup(m_profiles);
    const QString active = m_settings->activeProfile();
    QStringList names{QString()};
    for (const QJsonValue &profile : m_settings->profiles())
        names << profile.toObject().value(QLatin1StringView("name")).toString();
    for (const QString &name : std::as_const(names)) {
        QAction *action = m_profiles->addAction(name.isEmpty() ? tr("Default routes") : name);
        action->setCheckable(true);
        action->setChecked(name == active);
        group->addAction(action);
        // A running proxy picks the new routes up from the settings change.
        connect(action, &QAction::triggered, this, [this, name] { m_settings->setActiveProfile(name); });
    }
    m_profiles->setEnabled(names.size() > 1);
    refresh();
}

void TrayController::toggleWindow()
{
    if (!m_window)
        return;
    if (m_window->isVisible() && !m_window->isMinimized()) {
        m_window->hide();
    } else {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    }
}

void TrayController::copyEnvironment()
{
    QGuiApplication::clipboard()->setText(EnvExport::snippet(EnvExport::userShell(), m_proxy->claudeCodeEnvironment()));
}
