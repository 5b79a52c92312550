#include "windowlessexecutable.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <climits>
#include <string>

#include <unistd.h>
#endif

void WindowlessExecutable::replaceProcess(char **argv)
{
#ifdef Q_OS_LINUX
    // Plain POSIX: no Qt object exists yet, and none must be made before the exec.
    char self[PATH_MAX];
    const ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0)
        return;
    const std::string path(self, size_t(length));
    const std::string folder = path.substr(0, path.rfind('/'));
    for (const std::string &candidate : {folder + "/ccbridge-headless",
                                         folder + "/" CCBRIDGE_HEADLESS_FROM_BINDIR "/ccbridge-headless"}) {
        if (access(candidate.c_str(), X_OK) == 0)
            execv(candidate.c_str(), argv); // returns only when it failed: then this process runs
    }
#else
    Q_UNUSED(argv);
#endif
}
