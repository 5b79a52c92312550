#pragma once

#include <QByteArrayView>

// Stops the run when a fuzz target finds its input broke a rule that is not a crash (two ways
// of parsing disagree, a stream breaks Anthropic's grammar): libFuzzer saves the input as it
// does for a crash.
namespace FuzzCheck {
void require(bool condition, QByteArrayView what);
}
