#pragma once

#include <QDate>
#include <QDateTime>

// The local time for every request the proxy logs and counts, without a time-zone lookup per
// call: Qt's local time calls tzset(), and glibc's tzset() reads /etc/localtime's status each
// time (4.5% of a small request's CPU). The offset from UTC is looked up again at each new
// UTC minute, which is as often as any zone's offset can change.
namespace LocalClock {
// Now, as a time with its offset from UTC (Qt::OffsetFromUTC).
QDateTime now();
QDate today();
}
