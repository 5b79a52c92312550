#include "utf8repair.h"

#include <QString>

QByteArray Utf8Repair::repaired(const QByteArray &bytes)
{
    if (bytes.isValidUtf8())
        return bytes;
    return QString::fromUtf8(bytes).toUtf8();
}
