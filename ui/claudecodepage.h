#pragma once

#include "config/envexport.h"

#include <QList>
#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class SetupCheckPanel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

// How to point Claude Code at the proxy: the environment as a snippet for each shell and as
// the `env` block of ~/.claude/settings.json, each with a Copy button; an Apply button that
// merges that block into the settings file (after asking, with a backup; the status line too
// when its box is ticked); and a check for
// shell profiles or settings that already set the same variables to something else, which
// is the usual reason Claude Code "ignores" the proxy.
class ClaudeCodePage : public QWidget
{
    Q_OBJECT

public:
    // Asked before the settings file is changed; true goes ahead. The default asks the user
    // in a message box; tests replace it.
    using Confirmation = std::function<bool(const QString &settingsPath)>;

    explicit ClaudeCodePage(QWidget *parent = nullptr);

    void setEnvironment(const ClaudeCodeEnvironment &environment);
    const ClaudeCodeEnvironment &environment() const { return m_environment; }

    // The home folder searched for conflicts and the settings file Apply edits: the user's
    // own unless set (tests use temporary folders).
    void setHomeDir(const QString &homeDir);
    QString homeDir() const { return m_homeDir; }
    void setSettingsPath(const QString &settingsPath);
    QString settingsPath() const { return m_settingsPath; }
    void setConfirmation(Confirmation confirmation);
    // Check Setup, which the window runs against the proxy.
    SetupCheckPanel *setupCheck() const { return m_setupCheck; }
    // A note above the snippets, such as that Claude Code's environment has to be set again; it
    // goes once the environment is copied or applied.
    void showNotice(const QString &text);

public Q_SLOTS:
    void checkConflicts();
    void applyToSettingsFile();

protected:
    // The profiles may have been edited while the page was hidden.
    void showEvent(QShowEvent *event) override;

private:
    // One tab: a shell's snippet, or the settings.json block.
    struct View
    {
        QPlainTextEdit *text = nullptr;
        QPushButton *copy = nullptr;
        std::function<QString(const ClaudeCodeEnvironment &)> render;
    };

    void addView(const QString &id, const QString &title, const QString &hint,
                 std::function<QString(const ClaudeCodeEnvironment &)> render, QPushButton *extraButton = nullptr);
    void copyView(const View &view);
    void updateTexts();
    QString windowNoteText() const;
    void updateApplyButton();
    QString displayPath(const QString &path) const;

    ClaudeCodeEnvironment m_environment;
    QString m_homeDir;
    QString m_settingsPath;
    Confirmation m_confirm;

    QLabel *m_notice;
    QLabel *m_windowNote; // what the main model's context window means for compaction
    QTabWidget *m_tabs;
    QList<View> m_views;
    QPushButton *m_apply;
    QCheckBox *m_addStatusLine; // Apply also sets Claude Code's statusLine to `ccbridge statusline`
    QLabel *m_applyStatus;
    QLabel *m_conflictStatus;
    QTreeWidget *m_conflicts;
    QPushButton *m_checkAgain;
    SetupCheckPanel *m_setupCheck;
};
