#pragma once

#include <QSystemTrayIcon>

// What a click on the tray icon does. Left click and double click show or hide the window;
// the context menu opens on right click by itself; middle click does nothing (desktops
// differ in what they send, so every reason is decided here, in one tested place).
namespace TrayActivationPolicy {
bool togglesWindow(QSystemTrayIcon::ActivationReason reason);
}
