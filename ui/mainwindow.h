#pragma once

#include <QMainWindow>

class ClaudeCodePage;
class FirstRunGuide;
class ProvidersPage;
class ProxyController;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class RequestsPage;
class RoutesPage;
class SecretStore;
class Settings;
class SettingsPage;
class UsagePage;
class UsageStats;
class UpstreamConnectionPool;

// The window: requests, usage, providers, routes, Claude Code set-up and settings in tabs, and a
// status line with the proxy's state and its start/stop button. Closing it hides it while a
// tray icon remains to bring it back.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(ProxyController *proxy, Settings *settings, SecretStore *secrets, const UsageStats *usage,
               UpstreamConnectionPool *upstreams, QWidget *parent = nullptr);

    // Whether closing the window only hides it (a tray icon is there to bring it back).
    void setHidesOnClose(bool hides) { m_hidesOnClose = hides; }
    // A note at the top, e.g. that the desktop has no system tray.
    void showNotice(const QString &text);

    QTabWidget *tabs() const { return m_tabs; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refreshState();
    // After an import: the providers whose key this keychain lacks are named, and their page shown.
    void askForMissingKeys();
    // The Claude Code page's Check Setup, against the running proxy's configuration.
    void checkSetup();

    ProxyController *m_proxy;
    UpstreamConnectionPool *m_upstreams;
    Settings *m_configuration;
    SecretStore *m_secrets;
    QTabWidget *m_tabs;
    QLabel *m_notice;
    QLabel *m_state;
    QPushButton *m_toggle;
    RequestsPage *m_requests;
    UsagePage *m_usage;
    ProvidersPage *m_providers;
    RoutesPage *m_routes;
    ClaudeCodePage *m_claudeCode;
    SettingsPage *m_settings;
    FirstRunGuide *m_guide;
    QStackedWidget *m_pages; // the tabs, or the guided start
    bool m_hidesOnClose = false;
};
