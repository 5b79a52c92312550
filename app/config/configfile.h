#pragma once

#include "proxyconfig.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// The headless configuration file: JSON, documented in docs/configuration.md. Keys are read
// from the environment variables the file names, never from the file itself.
class ConfigFile
{
    Q_DECLARE_TR_FUNCTIONS(ConfigFile)

public:
    struct Result
    {
        ProxyConfig config;
        QStringList errors; // problems reading the file; ProxyConfig::problems() adds the rest
    };

    static Result load(const QString &path);
    static Result parse(const QByteArray &json);
};
