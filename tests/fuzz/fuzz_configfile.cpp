#include "config/configfile.h"

// A configuration file as `ccbridge --check-config` reads it: the reader's errors, or, when
// it has none, every problem of the configuration it read.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ConfigFile::Result result = ConfigFile::parse(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (result.errors.isEmpty())
        result.config.problems();
    return 0;
}
