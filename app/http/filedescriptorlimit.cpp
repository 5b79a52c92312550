#include "filedescriptorlimit.h"

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

quint64 FileDescriptorLimit::raiseToHardLimit()
{
#ifdef Q_OS_LINUX
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return quint64(limit.rlim_cur);
#else
    // macOS reports an unlimited hard limit that setrlimit refuses; Windows has no such limit.
    return 0;
#endif
}
