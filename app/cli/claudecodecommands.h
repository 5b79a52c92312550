#pragma once

#include "config/commandline.h"

// The commands that serve Claude Code from the command line, each returning the exit status.
namespace ClaudeCodeCommands {

// `ccbridge env`: what the window's Copy button copies. Problems that would keep the proxy
// from starting do not change the environment: they are said on stderr.
int printEnvironment(const CommandLine &commandLine);

// `ccbridge code`: Claude Code with this CC Bridge's environment, served by the instance
// already running at the configured address, or by a proxy this process runs for the session.
int runClaudeCode(const CommandLine &commandLine);

// `ccbridge statusline`, run by Claude Code for its status line: asks the CC Bridge at the
// configured address what served the last request, and adds today's usage. Always one line
// and exit 0: Claude Code shows what it prints.
int printStatusLine(const CommandLine &commandLine);

// `ccbridge doctor`: every check of SetupDoctor, a line each with the fix under a problem; exit
// status 1 when there is one.
int runDoctor(const CommandLine &commandLine);

} // namespace ClaudeCodeCommands
