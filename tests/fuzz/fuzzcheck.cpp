#include "fuzzcheck.h"

#include <cstdio>
#include <cstdlib>

void FuzzCheck::require(bool condition, QByteArrayView what)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz check failed: %.*s\n", int(what.size()), what.data());
    std::abort();
}
