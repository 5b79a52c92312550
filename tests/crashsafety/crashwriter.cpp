// The crash-safety test's victim: writes one of VersionedFiles' kinds to a file in a loop,
// through the production writer, printing each committed version on stdout, until killed.
#include "versionedfiles.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    VersionedFiles::Kind kind;
    if (arguments.size() != 3 || !VersionedFiles::parseKind(arguments.at(1), &kind)) {
        std::fputs("usage: ccbridge_crashwriter usage|settings|export <file>\n", stderr);
        return 2;
    }
    VersionedFiles(kind).writeForever(arguments.at(2), [](int version) {
        std::printf("%d\n", version);
        std::fflush(stdout);
    });
}
