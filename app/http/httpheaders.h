#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

// Header name and value pairs, in order, as they go on the wire.
using HttpHeader = QPair<QByteArray, QByteArray>;
using HttpHeaders = QList<HttpHeader>;
