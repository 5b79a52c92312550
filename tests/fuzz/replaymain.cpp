#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

// The files named, and those in the directories named (recursively, in a fixed order).
QStringList inputFiles(int argc, char **argv)
{
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString path = QFile::decodeName(argv[i]);
        if (!QFileInfo(path).isDir()) {
            files << path;
            continue;
        }
        QStringList inDirectory;
        QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            inDirectory << it.next();
        inDirectory.sort();
        files += inDirectory;
    }
    return files;
}

} // namespace

// A fuzz target without libFuzzer: runs it once on every input file given, as libFuzzer does
// with files on its command line. The ordinary test build uses it to replay the inputs that
// once crashed (tests/fuzz/regressions) and the seeds, with any compiler; a finding aborts,
// which fails the test. Prints each file first, so that a failure names its input.
int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    const QStringList files = inputFiles(argc, argv);
    if (files.isEmpty()) {
        std::fprintf(stderr, "usage: %s FILE-OR-DIRECTORY...\n", argv[0]);
        return 2;
    }
    for (const QString &name : files) {
        QFile file(name);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(name));
            return 1;
        }
        const QByteArray input = file.readAll();
        std::fprintf(stderr, "replaying %s (%lld bytes)\n", qPrintable(name), qlonglong(input.size()));
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
    }
    std::fprintf(stderr, "%lld inputs replayed\n", qlonglong(files.size()));
    return 0;
}
