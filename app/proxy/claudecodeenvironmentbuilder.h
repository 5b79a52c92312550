#pragma once

#include "config/envexport.h"
#include "config/proxyconfig.h"

#include <QHostAddress>
#include <QUrl>

// Claude Code's environment for a configuration: the URL the proxy answers on, the token it
// wants and the context window of the main conversation's model. The window's Copy buttons
// and `ccbridge env` write the same.
namespace ClaudeCodeEnvironmentBuilder {

// The URL clients use for a proxy listening on `address` (every address: loopback).
QUrl baseUrlOf(const QHostAddress &address, quint16 port);

// The URL a proxy started from `config` answers on.
QUrl baseUrlOf(const ProxyConfig &config);

// `clientToken` empty: no token is required, and Claude Code gets a placeholder (it wants one
// to skip its login).
ClaudeCodeEnvironment build(const QUrl &baseUrl, const ProxyConfig &config, const QString &clientToken);
// For a proxy started from `config`: its address and its client token.
ClaudeCodeEnvironment build(const ProxyConfig &config);

} // namespace ClaudeCodeEnvironmentBuilder
