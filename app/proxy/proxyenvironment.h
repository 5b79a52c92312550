#pragma once

// The proxy variables as the shell sets them, made readable for Qt. Qt's system proxy settings
// on Linux read only the lower-case names (https_proxy, http_proxy, all_proxy, no_proxy), while
// containers and CI systems mostly set HTTPS_PROXY and NO_PROXY, as curl and Node accept.
class ProxyEnvironment
{
public:
    // Copies each upper-case variable to its lower-case name where that is unset; a lower-case
    // one that is set wins, as with curl. Call before the first connection.
    static void adoptUpperCaseNames();
};
