#pragma once

#include <QString>

#include <cstdio>

// What the command line's modes and commands say on stdout and stderr.
namespace Console {
// `text` in the terminal's encoding, flushed at once (a log line, a command's answer).
void print(FILE *stream, const QString &text);
}
