#pragma once

#include <QtGlobal>

// What one client may ask of the server before it is cut off.
struct HttpLimits
{
    qsizetype maxHeaderBytes = 64 * 1024;         // request line + headers → 431 beyond
    qsizetype maxBodyBytes = 32 * 1024 * 1024;    // → 413 beyond; Claude Code sends ~50 KB
    int headerTimeoutMs = 30'000;  // from a request's first byte until its headers are in
    int idleTimeoutMs = 60'000;    // keep-alive idle, and silence in the middle of a body
};
