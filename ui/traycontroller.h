#pragma once

#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>
#include <QTimer>

class ProxyController;
class QAction;
class QMenu;
class QWidget;
class Settings;
class UsageStats;

// The tray icon: its picture and tooltip follow the proxy (state, address, routes, today's
// tokens); its menu starts and stops the proxy, switches the active profile, copies the
// environment for the user's shell, opens the window and quits. Without a system tray the
// window stays the way in, and the tray is tried again later (some panels start after us).
class TrayController : public QObject
{
    Q_OBJECT

public:
    TrayController(ProxyController *proxy, Settings *settings, const UsageStats *usage, QWidget *window,
                   QObject *parent = nullptr);

    bool isVisible() const { return m_tray && m_tray->isVisible(); }
    QMenu *menu() const { return m_menu; }
    QString toolTip() const;

Q_SIGNALS:
    void quitRequested();

private:
    void showWhenAvailable();
    void refresh();
    void rebuildProfiles();
    void toggleWindow();
    void copyEnvironment();

    ProxyController *m_proxy;
    Settings *m_settings;
    const UsageStats *m_usage;
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu;
    QAction *m_toggle;
    QMenu *m_profiles;
    QTimer m_retry;
};
