#pragma once

#include "config/commandline.h"

#include <QObject>

#include <functional>
#include <optional>

class GracefulShutdown;
class ProxyEngine;

// Everything CC Bridge does without a window: the commands, and the headless proxy (a quick
// start, a config file or the window's saved setup). Two executables run it: ccbridge, and on
// Linux ccbridge-headless, which ccbridge becomes for all of this (WindowlessExecutable) so
// that a headless proxy does not load the widget libraries (about 5 MB) it never uses.
namespace Windowless {

// QCoreApplication's names and the process settings every run shares, before any parsing.
void setUpApplication();

// Parses the arguments, and answers what needs no proxy and no window: a usage error, --help,
// --version, and the commands (env, code, statusline, doctor). The exit status then; nullopt
// when the proxy is to run, with the window or headless.
std::optional<int> parseOrAnswer(CommandLine &commandLine);

// The proxy without a window, until a signal ends it; the exit status.
int runHeadless(const CommandLine &commandLine);

// SIGTERM and SIGINT end the event loop through a shutdown that lets requests in flight
// finish (GracefulShutdown), saying on stderr what goes on. The window's Quit uses it too.
// `owner`, which gives the running engine, takes the shutdown (and the handlers) with it.
GracefulShutdown *shutDownOnSignals(QObject *owner, std::function<ProxyEngine *()> runningEngine);

} // namespace Windowless
