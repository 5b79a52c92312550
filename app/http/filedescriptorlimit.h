#pragma once

#include <QtGlobal>

// Every proxied request holds two sockets, the client's and the provider's, so the usual soft
// limit of 1024 open files (systemd's default for services, most shells') caps the proxy near
// 500 requests at once, far below the hard limit the system allows. As Go's runtime and nginx
// do, the proxy raises its soft limit to the hard one. Qt waits on sockets with poll(), never
// select(), so descriptors numbered above 1024 are safe.
namespace FileDescriptorLimit {
// Raises the soft limit to the hard one (on Linux; elsewhere nothing changes). Returns the soft
// limit in effect afterwards, 0 where it is unknown.
quint64 raiseToHardLimit();
}
