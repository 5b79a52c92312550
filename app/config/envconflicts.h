#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Finds where a user's shell profiles or Claude Code settings already set the variables that
// point Claude Code somewhere, with values other than ours: such a line silently wins over
// (or loses to) the snippet the user is about to paste, and is the usual cause of "Claude
// Code ignores the proxy". This is a reading of the files, not a shell: it understands
// plain assignments and quoting, not conditionals or expansions.
class EnvConflicts
{
    Q_DECLARE_TR_FUNCTIONS(EnvConflicts)

public:
    struct Conflict
    {
        QString file;     // absolute path
        int line = 0;     // 1-based; 0 when the line could not be told
        QString variable;
        QString value;    // as written, quotes removed; hiddenValue() for a secret that is not empty
    };

    // Assignments of ANTHROPIC_*, CLAUDE_CODE_* and API_TIMEOUT_MS in the files
    // scannedFiles() lists whose value differs from `wanted`'s; a variable that `wanted` does
    // not set differs from it whatever its value. Ordered by file, then line.
    static QList<Conflict> find(const QString &homeDir, const QJsonObject &wanted);

    // The files looked at: bash, zsh and POSIX profiles, fish's config.fish and conf.d/*.fish,
    // the PowerShell profiles and ~/.claude/settings.json. Files that do not exist are listed
    // too, except in conf.d, which is read as a folder.
    static QStringList scannedFiles(const QString &homeDir);

    // What a secret's value is reported as: only that it is set.
    static QString hiddenValue();

private:
    struct Assignment
    {
        int line = 0;
        QString variable;
        QString value;
    };

    static QList<Assignment> posixAssignments(const QString &text);
    static QList<Assignment> fishAssignments(const QString &text);
    static QList<Assignment> powerShellAssignments(const QString &text);
    static QList<Assignment> settingsAssignments(const QByteArray &data);
};
