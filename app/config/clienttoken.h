#pragma once

#include <QString>

// The tokens clients present to the proxy (the proxy's own and each profile's).
class ClientToken
{
public:
    // 32 characters from the URL-safe base64 alphabet: 192 bits, and nothing a shell, an HTTP
    // header or a URL would need quoted.
    static QString generate();
};
