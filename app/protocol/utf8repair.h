#pragma once

#include <QByteArray>

// Providers sometimes send bytes that are not UTF-8 (a model's output cut inside a character,
// a local server's stray byte). Qt's JSON parser refuses the whole document then, which would
// drop a stream's event or fail a whole answer over one character. Decoding as browsers do
// keeps everything else: each invalid sequence becomes U+FFFD.
namespace Utf8Repair {
// `bytes` itself when it is valid UTF-8, else a copy with the invalid sequences replaced.
QByteArray repaired(const QByteArray &bytes);
}
