#include "envconflicts.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {

// One shell word with its quotes removed, or a statement separator (newline, ;, &, |).
struct Word
{
    QString text;
    int line = 0;
    // How many characters came before the first quoted or escaped one; -1 when none was.
    // `"X"=1` is a command, not an assignment, so the name and = must be unquoted.
    qsizetype literalPrefix = -1;
    bool separator = false;
};

// Collects words; the tokenizers below only decide which characters go where.
class WordList
{
public:
    QList<Word> words;

    void add(QChar c, int line)
    {
        start(line);
        m_word.text += c;
    }
    void addQuoted(QChar c, int line)
    {
        markQuoted(line);
        m_word.text += c;
    }
    void markQuoted(int line)
    {
        start(line);
        if (m_word.literalPrefix < 0)
            m_word.literalPrefix = m_word.text.size();
    }
    void finish()
    {
        if (m_inWord)
            words << m_word;
        m_word = Word();
        m_inWord = false;
    }
    void separate(int line)
    {
        finish();
        if (!words.isEmpty() && !words.last().separator)
            words << Word{QString(), line, -1, true};
    }
    bool inWord() const { return m_inWord; }

private:
    void start(int line)
    {
        if (!m_inWord) {
            m_inWord = true;
            m_word.line = line;
        }
    }

    Word m_word;
    bool m_inWord = false;
};

QList<QList<Word>> statements(const QList<Word> &words)
{
    QList<QList<Word>> result(1);
    for (const Word &word : words) {
        if (word.separator)
            result.append(QList<Word>());
        else
            result.last() << word;
    }
    return result;
}

bool isName(QStringView text)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return name.match(text).hasMatch();
}

// NAME=value with NAME and = unquoted.
bool isAssignment(const Word &word)
{
    const qsizetype equals = word.text.indexOf(QLatin1Char('='));
    return equals > 0 && (word.literalPrefix < 0 || word.literalPrefix > equals) && isName(QStringView(word.text).left(equals));
}

// Copies $(…), ${…}, (…) or `…` as they are: what they expand to is not known without
// running them, and the text is what the user will recognise.
qsizetype copyOpaque(const QString &text, qsizetype i, QChar open, QChar close, WordList &words, int &line)
{
    int depth = 0;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        words.add(c, line);
        if (c == QLatin1Char('\n'))
            ++line;
        if (c == close && open != close && --depth == 0)
            return i + 1;
        if (c == open) {
            if (open == close && depth == 1)
                return i + 1;
            ++depth;
        }
    }
    return i;
}

QChar ansiEscape(QChar c)
{
    switch (c.unicode()) {
    case 'n':
        return QLatin1Char('\n');
    case 't':
        return QLatin1Char('\t');
    case 'r':
        return QLatin1Char('\r');
    default:
        return c;
    }
}

QList<Word> posixWords(const QString &text)
{
    WordList words;
    int line = 1;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < n ? text.at(i + 1) : QChar();
        if (c == QLatin1Char('\n')) {
            words.separate(line++);
            ++i;
        } else if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r')) {
            words.finish();
            ++i;
        } else if (QStringView(u";&|()").contains(c)) {
            words.separate(line);
            ++i;
        } else if (c == QLatin1Char('#') && !words.inWord()) {
            while (i < n && text.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('\\')) {
            if (next == QLatin1Char('\n'))
                ++line;
            else if (i + 1 < n)
                words.addQuoted(next, line);
            i += 2;
        } else if (c == QLatin1Char('\'')) {
            words.markQuoted(line);
            for (++i; i < n && text.at(i) != QLatin1Char('\''); ++i) {
                words.addQuoted(text.at(i), line);
                if (text.at(i) == QLatin1Char('\n'))
                    ++line;
            }
            ++i;
        } else if (c == QLatin1Char('$') && next == QLatin1Char('\'')) {
            // bash's $'…'
            words.markQuoted(line);
            for (i += 2; i < n && text.at(i) != QLatin1Char('\''); ++i) {
                if (text.at(i) == QLatin1Char('\\') && i + 1 < n)
                    words.addQuoted(ansiEscape(text.at(++i)), line);
                else
                    words.addQuoted(text.at(i), line);
            }
            ++i;
        } else if (c == QLatin1Char('"')) {
            words.markQuoted(line);
            for (++i; i < n && text.at(i) != QLatin1Char('"'); ++i) {
                if (text.at(i) == QLatin1Char('\\') && i + 1 < n && QStringView(u"$`\"\\\n").contains(text.at(i + 1))) {
                    if (text.at(++i) == QLatin1Char('\n')) {
                        ++line;
                        continue;
                    }
                } else if (text.at(i) == QLatin1Char('\n')) {
                    ++line;
                }
                words.addQuoted(text.at(i), line);
            }
            ++i;
        } else if (c == QLatin1Char('$') && (next == QLatin1Char('(') || next == QLatin1Char('{'))) {
            words.add(c, line);
            i = copyOpaque(text, i + 1, next, next == QLatin1Char('(') ? QLatin1Char(')') : QLatin1Char('}'), words, line);
        } else if (c == QLatin1Char('`')) {
            i = copyOpaque(text, i, c, c, words, line);
        } else {
            words.add(c, line);
            ++i;
        }
    }
    words.finish();
    return words.words;
}

QList<Word> fishWords(const QString &text)
{
    WordList words;
    int line = 1;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < n ? text.at(i + 1) : QChar();
        if (c == QLatin1Char('\n')) {
            words.separate(line++);
            ++i;
        } else if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r')) {
            words.finish();
            ++i;
        } else if (QStringView(u";&|").contains(c)) {
            words.separate(line);
            ++i;
        } else if (c == QLatin1Char('#') && !words.inWord()) {
            while (i < n && text.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('\\')) {
            if (next == QLatin1Char('\n'))
                ++line;
            else if (i + 1 < n)
                words.addQuoted(ansiEscape(next), line);
            i += 2;
        } else if (c == QLatin1Char('\'')) {
            // Only \\ and \' are escapes inside fish's single quotes.
            words.markQuoted(line);
            for (++i; i < n && text.at(i) != QLatin1Char('\''); ++i) {
                if (text.at(i) == QLatin1Char('\\') && i + 1 < n && QStringView(u"\\'").contains(text.at(i + 1)))
                    ++i;
                else if (text.at(i) == QLatin1Char('\n'))
                    ++line;
                words.addQuoted(text.at(i), line);
            }
            ++i;
        } else if (c == QLatin1Char('"')) {
            words.markQuoted(line);
            for (++i; i < n && text.at(i) != QLatin1Char('"'); ++i) {
                if (text.at(i) == QLatin1Char('\\') && i + 1 < n && QStringView(u"\"\\$\n").contains(text.at(i + 1))) {
                    if (text.at(++i) == QLatin1Char('\n')) {
                        ++line;
                        continue;
                    }
                } else if (text.at(i) == QLatin1Char('\n')) {
                    ++line;
                }
                words.addQuoted(text.at(i), line);
            }
            ++i;
        } else if (c == QLatin1Char('(') || (c == QLatin1Char('$') && next == QLatin1Char('('))) {
            if (c == QLatin1Char('$')) {
                words.add(c, line);
                ++i;
            }
            i = copyOpaque(text, i, QLatin1Char('('), QLatin1Char(')'), words, line);
        } else {
            words.add(c, line);
            ++i;
        }
    }
    words.finish();
    return words.words;
}

bool isPowerShellSingleQuote(QChar c)
{
    return c == QLatin1Char('\'') || (c.unicode() >= 0x2018 && c.unicode() <= 0x201B);
}

bool isPowerShellDoubleQuote(QChar c)
{
    return c == QLatin1Char('"') || (c.unicode() >= 0x201C && c.unicode() <= 0x201E);
}

// A PowerShell string literal at i; a doubled quote is one quote, ` escapes in "…".
qsizetype readPowerShellString(const QString &text, qsizetype i, int &line, QString *value)
{
    const bool expandable = isPowerShellDoubleQuote(text.at(i));
    const auto isQuote = expandable ? isPowerShellDoubleQuote : isPowerShellSingleQuote;
    for (++i; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (isQuote(c)) {
            if (i + 1 < text.size() && isQuote(text.at(i + 1))) {
                *value += text.at(++i);
                continue;
            }
            return i + 1;
        }
        if (expandable && c == QLatin1Char('`') && i + 1 < text.size()) {
            const QChar escaped = text.at(++i);
            if (escaped == QLatin1Char('0'))
                *value += QChar();
            else if (escaped == QLatin1Char('n'))
                *value += QLatin1Char('\n');
            else if (escaped == QLatin1Char('t'))
                *value += QLatin1Char('\t');
            else if (escaped == QLatin1Char('r'))
                *value += QLatin1Char('\r');
            else
                *value += escaped;
            continue;
        }
        if (c == QLatin1Char('\n'))
            ++line;
        *value += c;
    }
    return i;
}

bool isSecretName(const QString &name)
{
    for (const char *part : {"KEY", "TOKEN", "SECRET", "PASSWORD", "HEADERS"}) {
        if (name.contains(QLatin1StringView(part), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool isWatchedName(const QString &name)
{
    return name.startsWith(QLatin1StringView("ANTHROPIC_")) || name.startsWith(QLatin1StringView("CLAUDE_CODE_"))
           || name == QLatin1StringView("API_TIMEOUT_MS");
}

QString jsonText(const QJsonValue &value)
{
    return value.isString() ? value.toString() : value.toVariant().toString();
}

} // namespace

QStringList EnvConflicts::scannedFiles(const QString &homeDir)
{
    const QDir home(homeDir);
    QStringList files;
    for (const char *name : {".bashrc", ".bash_profile", ".profile", ".zshenv", ".zprofile", ".zshrc", ".config/fish/config.fish"})
        files << home.absoluteFilePath(QLatin1StringView(name));
    const QDir fishConfD(home.absoluteFilePath(QStringLiteral(".config/fish/conf.d")));
    for (const QString &name : fishConfD.entryList({QStringLiteral("*.fish")}, QDir::Files, QDir::Name))
        files << fishConfD.absoluteFilePath(name);
    files << home.absoluteFilePath(QStringLiteral(".config/powershell/Microsoft.PowerShell_profile.ps1"))
          << home.absoluteFilePath(QStringLiteral(".config/powershell/profile.ps1"));
#ifdef Q_OS_WIN
    files << home.absoluteFilePath(QStringLiteral("Documents/PowerShell/Microsoft.PowerShell_profile.ps1"))
          << home.absoluteFilePath(QStringLiteral("Documents/WindowsPowerShell/Microsoft.PowerShell_profile.ps1"));
#endif
    files << home.absoluteFilePath(QStringLiteral(".claude/settings.json"));
    return files;
}

QString EnvConflicts::hiddenValue()
{
    return tr("(set, value hidden)");
}

QList<EnvConflicts::Conflict> EnvConflicts::find(const QString &homeDir, const QJsonObject &wanted)
{
    QList<Conflict> conflicts;
    for (const QString &path : scannedFiles(homeDir)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray data = file.readAll();
        QList<Assignment> assignments;
        if (path.endsWith(QLatin1StringView(".json")))
            assignments = settingsAssignments(data);
        else if (path.endsWith(QLatin1StringView(".fish")))
            assignments = fishAssignments(QString::fromUtf8(data));
        else if (path.endsWith(QLatin1StringView(".ps1")))
            assignments = powerShellAssignments(QString::fromUtf8(data));
        else
            assignments = posixAssignments(QString::fromUtf8(data));

        for (const Assignment &assignment : std::as_const(assignments)) {
            if (!isWatchedName(assignment.variable))
                continue;
            if (wanted.contains(assignment.variable) && jsonText(wanted.value(assignment.variable)) == assignment.value)
                continue;
            const bool hidden = isSecretName(assignment.variable) && !assignment.value.isEmpty();
            conflicts << Conflict{path, assignment.line, assignment.variable, hidden ? hiddenValue() : assignment.value};
        }
    }
    return conflicts;
}

QList<EnvConflicts::Assignment> EnvConflicts::posixAssignments(const QString &text)
{
    QList<Assignment> assignments;
    for (QList<Word> statement : statements(posixWords(text))) {
        // Assignments inside `if …; then …; fi` and `{ …; }` count as well.
        while (!statement.isEmpty() && statement.first().literalPrefix < 0
               && QStringList{QStringLiteral("then"), QStringLiteral("else"), QStringLiteral("do"), QStringLiteral("{"), QStringLiteral("!")}
                      .contains(statement.first().text)) {
            statement.removeFirst();
        }
        if (statement.isEmpty())
            continue;

        qsizetype index = 0;
        const Word &command = statement.first();
        const bool declares = command.literalPrefix < 0
                              && (command.text == QLatin1StringView("export") || command.text == QLatin1StringView("declare")
                                  || command.text == QLatin1StringView("typeset"));
        if (declares) {
            // Without -x, declare and typeset assign like NAME=value does, which counts too;
            // -n takes an export away, -p and -f print rather than assign.
            bool assigns = true;
            for (index = 1; index < statement.size() && statement.at(index).text.startsWith(QLatin1Char('-')); ++index) {
                const QString &option = statement.at(index).text;
                if (option.contains(QLatin1Char('n')) || option.contains(QLatin1Char('p')) || option.contains(QLatin1Char('f')))
                    assigns = false;
            }
            if (!assigns)
                continue;
            for (; index < statement.size(); ++index) {
                const Word &word = statement.at(index);
                if (isAssignment(word)) {
                    const qsizetype equals = word.text.indexOf(QLatin1Char('='));
                    assignments << Assignment{word.line, word.text.left(equals), word.text.mid(equals + 1)};
                }
            }
            continue;
        }
        // Plain NAME=value, exported here or elsewhere; they lead a command when one follows.
        for (; index < statement.size() && isAssignment(statement.at(index)); ++index) {
            const Word &word = statement.at(index);
            const qsizetype equals = word.text.indexOf(QLatin1Char('='));
            assignments << Assignment{word.line, word.text.left(equals), word.text.mid(equals + 1)};
        }
    }
    return assignments;
}

QList<EnvConflicts::Assignment> EnvConflicts::fishAssignments(const QString &text)
{
    QList<Assignment> assignments;
    const QStringList prefixes{QStringLiteral("and"),     QStringLiteral("or"),    QStringLiteral("not"),
                               QStringLiteral("begin"),   QStringLiteral("else"),  QStringLiteral("if"),
                               QStringLiteral("command"), QStringLiteral("builtin")};
    for (QList<Word> statement : statements(fishWords(text))) {
        while (!statement.isEmpty() && statement.first().literalPrefix < 0 && prefixes.contains(statement.first().text))
            statement.removeFirst();
        if (statement.isEmpty() || statement.first().literalPrefix >= 0)
            continue;

        if (statement.first().text == QLatin1StringView("export")) {
            for (const Word &word : statement.mid(1)) {
                if (isAssignment(word)) {
                    const qsizetype equals = word.text.indexOf(QLatin1Char('='));
                    assignments << Assignment{word.line, word.text.left(equals), word.text.mid(equals + 1)};
                }
            }
            continue;
        }
        if (statement.first().text != QLatin1StringView("set"))
            continue;

        // Only exported variables reach Claude Code; erase, query and the like set nothing.
        bool exported = false;
        bool setsValue = true;
        qsizetype index = 1;
        for (; index < statement.size() && statement.at(index).literalPrefix < 0 && statement.at(index).text.startsWith(QLatin1Char('-'));
             ++index) {
            const QString &option = statement.at(index).text;
            if (option == QLatin1StringView("--")) {
                ++index;
                break;
            }
            if (option.startsWith(QLatin1StringView("--"))) {
                if (option == QLatin1StringView("--export"))
                    exported = true;
                else if (QStringList{QStringLiteral("--erase"), QStringLiteral("--query"), QStringLiteral("--names"),
                                     QStringLiteral("--show"), QStringLiteral("--unexport")}
                             .contains(option))
                    setsValue = false;
                continue;
            }
            for (const QChar flag : QStringView(option).mid(1)) {
                if (flag == QLatin1Char('x'))
                    exported = true;
                else if (QStringView(u"eqnSu").contains(flag))
                    setsValue = false;
            }
        }
        if (!exported || !setsValue || index >= statement.size() || !isName(statement.at(index).text))
            continue;
        QStringList values;
        for (const Word &word : statement.mid(index + 1))
            values << word.text;
        // fish exports a list joined with spaces.
        assignments << Assignment{statement.first().line, statement.at(index).text, values.join(QLatin1Char(' '))};
    }
    return assignments;
}

QList<EnvConflicts::Assignment> EnvConflicts::powerShellAssignments(const QString &text)
{
    QList<Assignment> assignments;
    const qsizetype n = text.size();
    int line = 1;
    bool statementStart = true;
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\n')) {
            ++line;
            ++i;
            statementStart = true;
        } else if (c == QLatin1Char(';') || c == QLatin1Char('{') || c == QLatin1Char('}')) {
            ++i;
            statementStart = true;
        } else if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r')) {
            ++i;
        } else if (QStringView(text).mid(i).startsWith(u"<#")) {
            const qsizetype end = text.indexOf(QLatin1StringView("#>"), i + 2);
            const qsizetype stop = end < 0 ? n : end + 2;
            line += static_cast<int>(QStringView(text).mid(i, stop - i).count(QLatin1Char('\n')));
            i = stop;
        } else if (c == QLatin1Char('#')) {
            while (i < n && text.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (statementStart && c == QLatin1Char('$')) {
            statementStart = false;
            // $env:NAME or ${env:NAME}; the drive name is not case-sensitive.
            QString name;
            const QStringView rest = QStringView(text).mid(i);
            if (rest.startsWith(u"${env:", Qt::CaseInsensitive)) {
                const qsizetype close = text.indexOf(QLatin1Char('}'), i);
                if (close < 0)
                    break;
                name = text.mid(i + 6, close - i - 6);
                i = close + 1;
            } else if (rest.startsWith(u"$env:", Qt::CaseInsensitive)) {
                for (i += 5; i < n && (text.at(i).isLetterOrNumber() || text.at(i) == QLatin1Char('_')); ++i)
                    name += text.at(i);
            } else {
                ++i;
                continue;
            }
            while (i < n && (text.at(i) == QLatin1Char(' ') || text.at(i) == QLatin1Char('\t')))
                ++i;
            if (name.isEmpty() || i >= n || text.at(i) != QLatin1Char('=') || (i + 1 < n && text.at(i + 1) == QLatin1Char('=')))
                continue;
            for (++i; i < n && (text.at(i) == QLatin1Char(' ') || text.at(i) == QLatin1Char('\t'));)
                ++i;
            if (i >= n)
                break;
            const int valueLine = line;
            QString value;
            if (isPowerShellSingleQuote(text.at(i)) || isPowerShellDoubleQuote(text.at(i))) {
                i = readPowerShellString(text, i, line, &value);
            } else {
                for (; i < n && !text.at(i).isSpace() && text.at(i) != QLatin1Char(';') && text.at(i) != QLatin1Char('}'); ++i)
                    value += text.at(i);
                // Assigning $null removes the variable rather than setting it.
                if (value.compare(QLatin1StringView("$null"), Qt::CaseInsensitive) == 0)
                    continue;
            }
            assignments << Assignment{valueLine, name, value};
        } else {
            statementStart = false;
            // Skipped whole, so that a # or ; inside a string is not taken for syntax.
            if (isPowerShellSingleQuote(c) || isPowerShellDoubleQuote(c)) {
                QString ignored;
                i = readPowerShellString(text, i, line, &ignored);
            } else {
                ++i;
            }
        }
    }
    return assignments;
}

QList<EnvConflicts::Assignment> EnvConflicts::settingsAssignments(const QByteArray &data)
{
    // An invalid file has no env for Claude Code either; applying reports it.
    const QJsonObject env = QJsonDocument::fromJson(data).object().value(QLatin1StringView("env")).toObject();
    const QString text = QString::fromUtf8(data);
    QList<Assignment> assignments;
    for (auto it = env.begin(); it != env.end(); ++it) {
        // The line of the last spelling of the key, as the last one is the one that counts.
        const QString quotedKey = QString::fromUtf8(QJsonDocument(QJsonArray{it.key()}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
        const QRegularExpression keyPattern(QRegularExpression::escape(quotedKey) + QStringLiteral("\\s*:"));
        int line = 0;
        QRegularExpressionMatchIterator matches = keyPattern.globalMatch(text);
        while (matches.hasNext())
            line = static_cast<int>(QStringView(text).left(matches.next().capturedStart()).count(QLatin1Char('\n'))) + 1;
        assignments << Assignment{line, it.key(), jsonText(it.value())};
    }
    return assignments;
}
