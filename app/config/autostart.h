#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

// Starting CC Bridge when the user logs in, the way each desktop expects it:
// - Linux and other XDG desktops: an autostart entry io.github.ccbridge.CCBridge.desktop in
//   $XDG_CONFIG_HOME/autostart (~/.config/autostart);
// - macOS: a LaunchAgent io.github.ccbridge.CCBridge.plist in ~/Library/LaunchAgents;
// - Windows: a value in HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run.
// The entry itself is the truth (the user may remove it with the desktop's own tools), so
// isEnabled() reads it back rather than trusting a remembered setting.
class Autostart
{
    Q_DECLARE_TR_FUNCTIONS(Autostart)

public:
    // Where the entry goes: a folder on Linux and macOS, a registry key on Windows. Tests pass
    // a temporary folder instead.
    static QString defaultDir();
    // The entry's file (or registry value) name inside that location.
    static QString entryName();

    // The program to start at login: the AppImage itself when running from one (the path
    // of the running binary is inside a mount that is gone after logout), else this binary.
    static QString currentExecutable();

    // Whether an entry exists and the desktop has not been told to skip it.
    static bool isEnabled(const QString &autostartDir = defaultDir());
    // Writes (on) or removes (off) the entry starting `executable`. Returns an error text, or
    // nullopt on success; removing an entry that is not there succeeds.
    static std::optional<QString> setEnabled(bool on, const QString &executable,
                                             const QString &autostartDir = defaultDir());
};
