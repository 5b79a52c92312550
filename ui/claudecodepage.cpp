#include "claudecodepage.h"

#include "setupcheckpanel.h"

#include "config/claudesettingsfile.h"
#include "config/envconflicts.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

// How long a Copy button says "Copied" before it reads "Copy" again.
constexpr int copiedFeedbackMs = 1500;

} // namespace

ClaudeCodePage::ClaudeCodePage(QWidget *parent)
    : QWidget(parent)
    , m_homeDir(QDir::homePath())
    , m_settingsPath(ClaudeSettingsFile::defaultPath())
    , m_notice(new QLabel(this))
    , m_windowNote(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_apply(new QPushButton(this))
    , m_addStatusLine(new QCheckBox(tr("Also show CC Bridge's status line in Claude Code"), this))
    , m_applyStatus(new QLabel(this))
    , m_conflictStatus(new QLabel(this))
    , m_conflicts(new QTreeWidget(this))
    , m_checkAgain(new QPushButton(tr("Check Again"), this))
    , m_setupCheck(new SetupCheckPanel(this))
{
    m_confirm = [this](const QString &settingsPath) {
        const QString text =
            m_addStatusLine->isChecked()
                ? tr("CC Bridge will set the variables shown in the \"env\" entry of %1, and its \"statusLine\" entry "
                     "to run \"ccbridge statusline\" (replacing any status line set there). Its other settings are "
                     "kept, and a copy of the file is saved next to it first.\n\nApply the changes?")
                : tr("CC Bridge will set the variables shown in the \"env\" entry of %1. Its other settings are "
                     "kept, and a copy of the file is saved next to it first.\n\nApply the changes?");
        const QMessageBox::StandardButton answer =
            QMessageBox::question(this, tr("Apply to Claude Code's Settings"), text.arg(displayPath(settingsPath)),
                                  QMessageBox::Apply | QMessageBox::Cancel, QMessageBox::Apply);
        return answer == QMessageBox::Apply;
    };

    auto *intro = new QLabel(tr("Claude Code finds CC Bridge through a few environment variables. Set them in "
                                "your shell, or apply them to Claude Code's settings file to have them in every "
                                "terminal and editor."),
                             this);
    intro->setWordWrap(true);
    m_notice->setObjectName(QStringLiteral("environmentNotice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("QLabel { padding: 6px 10px; background: palette(alternate-base); }"));
    m_notice->hide();
    m_windowNote->setObjectName(QStringLiteral("contextWindowNote"));
    m_windowNote->setWordWrap(true);
    m_windowNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs->setObjectName(QStringLiteral("snippetTabs"));
    // Focusable (it hands the focus to its tab bar), so assistive technology announces it.
    m_tabs->setAccessibleName(tr("Environment for"));

    using Shell = EnvExport::Shell;
    const auto shellSnippet = [](Shell shell) {
        return [shell](const ClaudeCodeEnvironment &environment) { return EnvExport::snippet(shell, environment); };
    };
    addView(QStringLiteral("posix"), tr("bash / zsh"),
            tr("Add these lines to ~/.bashrc or ~/.zshrc, or paste them into a terminal for that session only."),
            shellSnippet(Shell::Posix));
    addView(QStringLiteral("fish"), tr("fish"),
            tr("Add these lines to ~/.config/fish/config.fish, or paste them into a terminal for that session only."),
            shellSnippet(Shell::Fish));
    addView(QStringLiteral("powershell"), tr("PowerShell"),
            tr("Add these lines to the file $PROFILE names, or paste them into a PowerShell window for that "
               "session only."),
            shellSnippet(Shell::PowerShell));
    addView(QStringLiteral("cmd"), tr("cmd"),
            tr("Paste these lines into a Command Prompt before starting claude; they last for that window only."),
            shellSnippet(Shell::Cmd));

    m_apply->setObjectName(QStringLiteral("applySettings"));
    m_apply->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    connect(m_apply, &QPushButton::clicked, this, &ClaudeCodePage::applyToSettingsFile);
    addView(QStringLiteral("settings"), tr("settings.json"),
            tr("Claude Code reads this \"env\" entry from its settings file in every terminal and editor. Apply "
               "merges it into the file and keeps everything else there."),
            EnvExport::settingsJson, m_apply);

    m_addStatusLine->setObjectName(QStringLiteral("addStatusLine"));
    m_addStatusLine->setToolTip(tr("Claude Code's status line then shows the provider and model of the last "
                                   "request, its latency, and today's tokens and cost."));
    m_applyStatus->setObjectName(QStringLiteral("applyStatus"));
    m_applyStatus->setWordWrap(true);
    m_applyStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_applyStatus->hide();
    // Below the settings.json view, where the Apply button is.
    if (auto *settingsLayout = qobject_cast<QVBoxLayout *>(m_tabs->widget(m_tabs->count() - 1)->layout())) {
        settingsLayout->insertWidget(settingsLayout->count() - 1, m_addStatusLine);
        settingsLayout->addWidget(m_applyStatus);
    }

    auto *conflictsBox = new QGroupBox(tr("Conflicting Settings"), this);
    m_conflictStatus->setObjectName(QStringLiteral("conflictStatus"));
    m_conflictStatus->setWordWrap(true);
    m_conflicts->setObjectName(QStringLiteral("conflicts"));
    m_conflicts->setRootIsDecorated(false);
    m_conflicts->setUniformRowHeights(true);
    m_conflicts->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_conflicts->setHeaderLabels({tr("Where"), tr("Variable"), tr("Value there")});
    m_conflicts->header()->setStretchLastSection(true);
    m_conflicts->setMinimumHeight(m_conflicts->fontMetrics().height() * 6);
    m_checkAgain->setObjectName(QStringLiteral("checkConflicts"));
    m_checkAgain->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    connect(m_checkAgain, &QPushButton::clicked, this, &ClaudeCodePage::checkConflicts);
    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_conflictStatus, 1);
    checkRow->addWidget(m_checkAgain, 0, Qt::AlignTop);
    auto *conflictsLayout = new QVBoxLayout(conflictsBox);
    conflictsLayout->addLayout(checkRow);
    conflictsLayout->addWidget(m_conflicts);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addWidget(intro);
    layout->addWidget(m_windowNote);
    // The snippets take what is left; the conflicts box keeps the list's natural height.
    layout->addWidget(m_tabs, 1);
    layout->addWidget(conflictsBox);
    layout->addWidget(m_setupCheck);

    updateTexts();
    updateApplyButton();
}

void ClaudeCodePage::addView(const QString &id, const QString &title, const QString &hint,
                             std::function<QString(const ClaudeCodeEnvironment &)> render, QPushButton *extraButton)
{
    auto *tab = new QWidget(m_tabs);
    auto *hintLabel = new QLabel(hint, tab);
    hintLabel->setWordWrap(true);

    auto *text = new QPlainTextEdit(tab);
    text->setObjectName(QStringLiteral("snippet-") + id);
    text->setAccessibleName(title);
    text->setReadOnly(true);
    // Long values (URLs, tokens) stay on one line so that what is copied is what is shown.
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setMinimumHeight(text->fontMetrics().lineSpacing() * 6);

    auto *copy = new QPushButton(tr("Copy"), tab);
    copy->setObjectName(QStringLiteral("copy-") + id);
    copy->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    if (extraButton) {
        extraButton->setParent(tab);
        buttons->addWidget(extraButton);
    }
    buttons->addWidget(copy);

    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(hintLabel);
    layout->addWidget(text, 1);
    layout->addLayout(buttons);
    m_tabs->addTab(tab, title);

    m_views.append(View{text, copy, std::move(render)});
    const qsizetype index = m_views.size() - 1;
    connect(copy, &QPushButton::clicked, this, [this, index] { copyView(m_views.at(index)); });
}

void ClaudeCodePage::setEnvironment(const ClaudeCodeEnvironment &environment)
{
    m_environment = environment;
    updateTexts();
    // What counts as a conflict depends on the values we want.
    if (isVisible())
        checkConflicts();
}

void ClaudeCodePage::setHomeDir(const QString &homeDir)
{
    m_homeDir = homeDir;
    if (isVisible())
        checkConflicts();
}

void ClaudeCodePage::setSettingsPath(const QString &settingsPath)
{
    m_settingsPath = settingsPath;
    m_applyStatus->hide();
    updateApplyButton();
}

void ClaudeCodePage::setConfirmation(Confirmation confirmation)
{
    m_confirm = std::move(confirmation);
}

void ClaudeCodePage::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void ClaudeCodePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    checkConflicts();
}

void ClaudeCodePage::updateTexts()
{
    for (const View &view : std::as_const(m_views))
        view.text->setPlainText(view.render(m_environment));
    m_windowNote->setText(windowNoteText());
    m_windowNote->setVisible(!m_windowNote->text().isEmpty());
}

QString ClaudeCodePage::windowNoteText() const
{
    const int window = m_environment.mainContextWindow;
    if (EnvExport::compactWindow(m_environment) > 0) {
        return tr("%1 has a context window of %L2 tokens, smaller than the %L3 Claude Code assumes: "
                  "CLAUDE_CODE_AUTO_COMPACT_WINDOW=%2 below makes Claude Code compact the conversation before "
                  "the provider refuses it.")
            .arg(m_environment.mainModel)
            .arg(window)
            .arg(EnvExport::claudeCodeWindow);
    }
    if (window > 0 && window < EnvExport::minimumCompactWindow) {
        return tr("%1 has a context window of %L2 tokens, below the %L3 Claude Code accepts for "
                  "CLAUDE_CODE_AUTO_COMPACT_WINDOW, so none is set. When the conversation outgrows the window, "
                  "CC Bridge answers the provider's refusal as Claude Code's own \"prompt is too long\", and Claude "
                  "Code compacts the conversation then.")
            .arg(m_environment.mainModel)
            .arg(window)
            .arg(EnvExport::minimumCompactWindow);
    }
    return {};
}

void ClaudeCodePage::updateApplyButton()
{
    m_apply->setText(tr("Apply to %1").arg(displayPath(m_settingsPath)));
    m_apply->setToolTip(QDir::toNativeSeparators(m_settingsPath));
}

void ClaudeCodePage::copyView(const View &view)
{
    QApplication::clipboard()->setText(view.text->toPlainText());
    showNotice({});
    // Feedback on the button itself: the clipboard gives none.
    view.copy->setText(tr("Copied"));
    QPushButton *button = view.copy;
    QTimer::singleShot(copiedFeedbackMs, button, [button] { button->setText(tr("Copy")); });
}

void ClaudeCodePage::checkConflicts()
{
    const QList<EnvConflicts::Conflict> found = EnvConflicts::find(m_homeDir, EnvExport::settingsEnv(m_environment));

    m_conflicts->clear();
    QList<QTreeWidgetItem *> items;
    for (const EnvConflicts::Conflict &conflict : found) {
        const QString where = conflict.line > 0
                                  ? QStringLiteral("%1:%2").arg(displayPath(conflict.file)).arg(conflict.line)
                                  : displayPath(conflict.file);
        auto *item = new QTreeWidgetItem(QStringList{where, conflict.variable, conflict.value});
        item->setToolTip(0, QDir::toNativeSeparators(conflict.file));
        items << item;
    }
    m_conflicts->addTopLevelItems(items);
    for (int column = 0; column < m_conflicts->columnCount() - 1; ++column)
        m_conflicts->resizeColumnToContents(column);
    // With nothing to list, the box shrinks to its sentence and the snippets get the room.
    m_conflicts->setVisible(!found.isEmpty());

    const QStringList scanned = EnvConflicts::scannedFiles(m_homeDir);
    QStringList shown;
    for (const QString &file : scanned)
        shown << displayPath(file);
    m_conflictStatus->setToolTip(tr("Files checked:\n%1").arg(shown.join(QLatin1Char('\n'))));
    if (found.isEmpty()) {
        m_conflictStatus->setText(
            tr("None of your shell profiles or Claude Code's settings set these variables to other values."));
    } else {
        // Worded without the count, which the list shows: "%n place(s)" reads badly until
        // an English plural translation exists.
        m_conflictStatus->setText(
            tr("The places below set these variables to other values. Depending on which is read last, they "
               "override the snippet or are overridden by it; remove them to be sure."));
    }
}

void ClaudeCodePage::applyToSettingsFile()
{
    if (m_confirm && !m_confirm(m_settingsPath))
        return;

    const bool existed = QFileInfo::exists(m_settingsPath);
    QString backupPath;
    const QJsonObject statusLine = m_addStatusLine->isChecked()
                                       ? EnvExport::statusLineSetting(QCoreApplication::applicationFilePath())
                                       : QJsonObject();
    const std::optional<QString> error =
        ClaudeSettingsFile::apply(m_settingsPath, EnvExport::settingsEnv(m_environment), &backupPath, statusLine);
    const QString path = displayPath(m_settingsPath);
    if (error)
        m_applyStatus->setText(*error);
    else if (!existed)
        m_applyStatus->setText(tr("Created %1. Claude Code now uses CC Bridge.").arg(path));
    else if (backupPath.isEmpty())
        m_applyStatus->setText(tr("%1 already pointed Claude Code at CC Bridge; nothing was changed.").arg(path));
    else
        m_applyStatus->setText(tr("Updated %1. Claude Code now uses CC Bridge. The previous file was saved as %2.")
                                   .arg(path, displayPath(backupPath)));
    m_applyStatus->show();
    if (!error) // Claude Code has the environment now
        showNotice({});
    // The settings file is one of the places checked, and has just changed.
    checkConflicts();
}

QString ClaudeCodePage::displayPath(const QString &path) const
{
#if !defined(Q_OS_WIN)
    // ~ is how these paths are written in every guide and in the hints above.
    const QString home = QDir::cleanPath(m_homeDir);
    if (!home.isEmpty() && home != QLatin1StringView("/") && path.startsWith(home + QLatin1Char('/')))
        return QStringLiteral("~") + path.mid(home.size());
#endif
    return QDir::toNativeSeparators(path);
}
