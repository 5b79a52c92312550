#pragma once

// ccbridge-headless, the executable without the widget libraries, installed beside ccbridge
// (the build tree) or in its libexec folder (an installed package).
namespace WindowlessExecutable {

// Replaces this process with ccbridge-headless, given the same arguments, when it is there
// (Linux only). Called before anything else runs, so the process keeps its id, its standard
// streams and its signals for the service manager and the terminal. Returns when there is
// no such executable: this one then does the work itself.
void replaceProcess(char **argv);

} // namespace WindowlessExecutable
