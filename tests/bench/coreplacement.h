#pragma once

#include <QString>

// Which cores the benchmark's processes run on. Shared (the default): no pinning, the three
// processes compete for every core. Apart: the scripted upstream has the last core to itself
// and the load generator (the client) and CC Bridge share the others, as Claude Code and CC
// Bridge share the user's machine while a provider's servers are elsewhere; direct, the client
// has them alone. On shared cores the upstream's own work (a 500-event stream written in 2 ms)
// is charged to whichever of the proxy and the client it preempts; apart, it is not, but the
// client and the proxy compete for one core.
//
// Processes inherit the cores of the thread that starts them, so the benchmark moves itself
// to the upstream's core to start it and back before it starts CC Bridge. Linux only; elsewhere,
// and on one core, the processes share the cores.
class CorePlacement
{
public:
    explicit CorePlacement(bool apart);

    // Call around starting the upstream.
    void enterUpstreamCores() const;
    void enterClientCores() const;
    // For the report: "upstream on core 1, client and CC Bridge on core 0", or "shared".
    QString description() const;

private:
    bool m_apart = false;
    int m_cores = 1;
};
