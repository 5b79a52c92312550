// ccbridge-headless: CC Bridge without its window, linked without the widget libraries. ccbridge
// becomes this executable for every run that needs no window (WindowlessExecutable).
#include "cli/windowless.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    Windowless::setUpApplication();
    CommandLine commandLine;
    if (const std::optional<int> status = Windowless::parseOrAnswer(commandLine))
        return *status;
    return Windowless::runHeadless(commandLine);
}
