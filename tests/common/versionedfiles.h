#pragma once

#include <QJsonDocument>
#include <QString>

#include <functional>

// Large files written in numbered versions through the production writers (UsageStats,
// Settings, ConfigTransfer::exportTo), for the crash-safety test: its helper writes them in a
// loop and is killed, and the test rebuilds any version to compare with what a kill left.
// Each version differs from the one before by one marker, so a file tells which it is.
class VersionedFiles
{
public:
    enum class Kind { Usage, Settings, Export };

    explicit VersionedFiles(Kind kind);

    static bool parseKind(const QString &name, Kind *kind);

    // Writes the next versions to `path` forever, after the one the file holds (none: from 1),
    // calling `written(version)` after each one is committed.
    [[noreturn]] void writeForever(const QString &path, const std::function<void(int)> &written) const;

    // Which version `document` is; -1 if it is none of them.
    int versionOf(const QJsonDocument &document) const;
    // Version `version` as the writer makes it, written to a scratch file and read back.
    QJsonDocument expected(int version) const;

private:
    Kind m_kind;
};
