#include "autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

#if defined(Q_OS_WIN)
#include <QSettings>
#elif defined(Q_OS_MACOS)
#include <QXmlStreamWriter>
#endif

namespace {

// The reverse-DNS id the packaging uses for the .desktop file, icon and metainfo; launchd also
// wants it as the agent's label.
const QString appId = QStringLiteral("io.github.ccbridge.CCBridge");

// At login CC Bridge starts in the tray; the window opens when the user asks for it.
const QString startArgument = QStringLiteral("--minimized");

#if defined(Q_OS_WIN)

const QString runKey = QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
// Task Manager's Startup tab records "disabled" here, keyed by the Run value's name. Windows
// skips a Run value that is marked disabled there, whatever the Run value says.
const QString startupApprovedKey =
    QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\StartupApproved\\Run");
// A value name without slashes: QSettings would read those as subkeys.
const QString runValueName = QStringLiteral("CCBridge");

#elif defined(Q_OS_MACOS)

QString plistPath(const QString &autostartDir)
{
    return QDir(autostartDir).filePath(appId + QStringLiteral(".plist"));
}

// Written with an XML writer so that &, < and > in the path come out escaped.
QByteArray launchAgent(const QString &executable)
{
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeDTD(QStringLiteral("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                                   "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">"));
    writer.writeStartElement(QStringLiteral("plist"));
    writer.writeAttribute(QStringLiteral("version"), QStringLiteral("1.0"));
    writer.writeStartElement(QStringLiteral("dict"));
    writer.writeTextElement(QStringLiteral("key"), QStringLiteral("Label"));
    writer.writeTextElement(QStringLiteral("string"), appId);
    // ProgramArguments rather than Program: an argument list needs no shell quoting.
    writer.writeTextElement(QStringLiteral("key"), QStringLiteral("ProgramArguments"));
    writer.writeStartElement(QStringLiteral("array"));
    writer.writeTextElement(QStringLiteral("string"), executable);
    writer.writeTextElement(QStringLiteral("string"), startArgument);
    writer.writeEndElement();
    writer.writeTextElement(QStringLiteral("key"), QStringLiteral("RunAtLoad"));
    writer.writeEmptyElement(QStringLiteral("true"));
    // A tray app the user interacts with: launchd must not throttle it like a daemon.
    writer.writeTextElement(QStringLiteral("key"), QStringLiteral("ProcessType"));
    writer.writeTextElement(QStringLiteral("string"), QStringLiteral("Interactive"));
    writer.writeEndElement(); // dict
    writer.writeEndElement(); // plist
    writer.writeEndDocument();
    return xml;
}

#else

QString desktopEntryPath(const QString &autostartDir)
{
    return QDir(autostartDir).filePath(appId + QStringLiteral(".desktop"));
}

// A value of type string in a desktop entry: backslash and control characters take the
// escapes the spec defines, everything else is literal UTF-8.
QString escapedString(const QString &value)
{
    QString escaped;
    for (const QChar c : value) {
        if (c == QLatin1Char('\\'))
            escaped += QStringLiteral("\\\\");
        else if (c == QLatin1Char('\n'))
            escaped += QStringLiteral("\\n");
        else if (c == QLatin1Char('\t'))
            escaped += QStringLiteral("\\t");
        else if (c == QLatin1Char('\r'))
            escaped += QStringLiteral("\\r");
        else
            escaped += c;
    }
    return escaped;
}

// One argument of the Exec key. The spec's rules, in its order: an argument holding a
// reserved character is put in double quotes, inside which " ` $ and \ take a backslash; a
// literal % is written %% (it would start a field code); and then the whole value gets the
// string escapes, which double every backslash again, so a literal backslash ends up as
// four and a $ as \\$.
QString execArgument(const QString &argument)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    static const QString escapedInQuotes = QStringLiteral("\"`$\\");
    QString text = argument;
    const bool needsQuotes =
        text.isEmpty() || std::any_of(text.cbegin(), text.cend(), [](QChar c) { return reserved.contains(c); });
    if (needsQuotes) {
        QString quoted = QStringLiteral("\"");
        for (const QChar c : std::as_const(text)) {
            if (escapedInQuotes.contains(c))
                quoted += QLatin1Char('\\');
            quoted += c;
        }
        text = quoted + QLatin1Char('"');
    }
    text.replace(QLatin1Char('%'), QStringLiteral("%%"));
    return escapedString(text);
}

QByteArray desktopEntry(const QString &executable)
{
    // The product name is not translated: it is what the session manager lists, in any locale.
    const QStringList lines{
        QStringLiteral("[Desktop Entry]"),
        QStringLiteral("Type=Application"),
        QStringLiteral("Name=CC Bridge"),
        QStringLiteral("Icon=") + appId,
        QStringLiteral("Exec=") + execArgument(executable) + QLatin1Char(' ') + startArgument,
        // Without the program (uninstalled, moved) the session skips the entry quietly
        // instead of reporting a failed start at every login.
        QStringLiteral("TryExec=") + escapedString(executable),
        QStringLiteral("Terminal=false"),
        QStringLiteral("Hidden=false"),
        QStringLiteral("X-GNOME-Autostart-enabled=true"),
    };
    return (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
}

// Whether an existing entry is switched off: Hidden=true is the spec's way, and GNOME's
// startup applications tool sets X-GNOME-Autostart-enabled=false instead.
bool isSwitchedOff(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    bool inMainGroup = false;
    bool off = false;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.startsWith(QLatin1Char('['))) {
            inMainGroup = line == QLatin1StringView("[Desktop Entry]");
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (!inMainGroup || equals < 0)
            continue;
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        if (key == QLatin1StringView("Hidden"))
            off = off || value == QLatin1StringView("true");
        else if (key == QLatin1StringView("X-GNOME-Autostart-enabled"))
            off = off || value == QLatin1StringView("false");
    }
    return off;
}

#endif

} // namespace

QString Autostart::defaultDir()
{
#if defined(Q_OS_WIN)
    return runKey;
#elif defined(Q_OS_MACOS)
    return QDir::homePath() + QStringLiteral("/Library/LaunchAgents");
#else
    // The base directory spec ignores a relative XDG_CONFIG_HOME.
    QString configHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (configHome.isEmpty() || QDir::isRelativePath(configHome))
        configHome = QDir::homePath() + QStringLiteral("/.config");
    return configHome + QStringLiteral("/autostart");
#endif
}

QString Autostart::entryName()
{
#if defined(Q_OS_WIN)
    return runValueName;
#elif defined(Q_OS_MACOS)
    return appId + QStringLiteral(".plist");
#else
    return appId + QStringLiteral(".desktop");
#endif
}

QString Autostart::currentExecutable()
{
#if !defined(Q_OS_WIN) && !defined(Q_OS_MACOS)
    if (const QString appImage = qEnvironmentVariable("APPIMAGE"); !appImage.isEmpty() && QFileInfo(appImage).isFile())
        return appImage;
#endif
    return QCoreApplication::applicationFilePath();
}

bool Autostart::isEnabled(const QString &autostartDir)
{
#if defined(Q_OS_WIN)
    return QSettings(autostartDir, QSettings::NativeFormat).contains(runValueName);
#elif defined(Q_OS_MACOS)
    return QFileInfo::exists(plistPath(autostartDir));
#else
    const QString path = desktopEntryPath(autostartDir);
    return QFileInfo::exists(path) && !isSwitchedOff(path);
#endif
}

std::optional<QString> Autostart::setEnabled(bool on, const QString &executable, const QString &autostartDir)
{
    if (on && executable.isEmpty())
        return tr("No program was given to start at login.");

#if defined(Q_OS_WIN)
    QSettings run(autostartDir, QSettings::NativeFormat);
    if (on) {
        // Quoted: an unquoted path with spaces is read up to the first space.
        run.setValue(runValueName,
                     QString(QLatin1Char('"') + QDir::toNativeSeparators(executable) + QStringLiteral("\" ") + startArgument));
        // Turning it on here should undo an earlier "disable" in Task Manager, which would
        // otherwise keep Windows from using the value just written. Only for the real Run
        // key: another location is not what Task Manager looks at.
        if (autostartDir == runKey)
            QSettings(startupApprovedKey, QSettings::NativeFormat).remove(runValueName);
    } else {
        run.remove(runValueName);
    }
    run.sync();
    if (run.status() != QSettings::NoError)
        return tr("Could not change the registry key %1.").arg(autostartDir);
    return std::nullopt;
#else
#if defined(Q_OS_MACOS)
    const QString path = plistPath(autostartDir);
#else
    const QString path = desktopEntryPath(autostartDir);
#endif
    const QString displayPath = QDir::toNativeSeparators(path);
    if (!on) {
        if (QFileInfo::exists(path) && !QFile::remove(path))
            return tr("Could not remove %1.").arg(displayPath);
        return std::nullopt;
    }
    if (!QDir().mkpath(autostartDir))
        return tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(autostartDir));
#if defined(Q_OS_MACOS)
    const QByteArray content = launchAgent(executable);
#else
    const QByteArray content = desktopEntry(executable);
#endif
    // Saved whole or not at all: a half-written entry would be read at the next login.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return tr("Could not write %1 (%2).").arg(displayPath, file.errorString());
    return std::nullopt;
#endif
}
