#pragma once

#include <QString>
#include <QStringList>

// Puts the user's language in place: CC Bridge's own strings and Qt's (dialog buttons…),
// for a chosen locale name ("de", "zh_CN") or, when none is chosen, the system's.
namespace Translations {
// The languages CC Bridge ships, as locale names, English first.
QStringList available();
// Installs the translators for `language` ("" = the system's), replacing earlier ones.
// Returns the locale name in use ("en" when no translation matched).
QString apply(const QString &language);
}
