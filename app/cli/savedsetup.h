#pragma once

#include "config/commandline.h"
#include "config/providerpresets.h"
#include "config/proxyconfig.h"
#include "config/settings.h"

#include <QString>
#include <QStringList>

#include <optional>

// What the window saved, as the command line's modes and commands read it: the configuration,
// the secrets in the keychain, the usage file and the prices.
namespace SavedSetup {

// Whether the window saved a configuration; if not, says on stderr how to make one.
bool exists(const Settings &settings);

// A secret the window keeps in the keychain (a key, the client token); empty when there is
// none (or no keychain).
QString secret(const QString &name);
QString clientToken();

// The configuration a command speaks of: the command line's, or the one the window saved with
// its client token from the keychain; nullopt (said on stderr) when none is saved. What would
// keep the proxy from starting (a missing key) goes to `problems`.
std::optional<ProxyConfig> configurationFor(const CommandLine &commandLine, QStringList &problems);

// Where the usage totals are kept, for the window and headless alike.
QString usageFileName();

// Prices are kept per preset; the usage log knows providers by their configured names.
std::optional<ModelPrice> priceOf(const Settings &settings, const QString &provider, const QString &model);

} // namespace SavedSetup
