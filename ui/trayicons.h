#pragma once

#include "proxy/proxycontroller.h"

#include <QIcon>

// The tray and window icons, drawn at every size the desktop asks for: a bridge arch on a
// rounded tile, with a dot whose colour says the proxy's state (green running, grey stopped,
// amber starting, red error), so the state reads at a glance even at 16 px.
namespace TrayIcons {
QIcon forState(ProxyController::State state);
QIcon application();
}
