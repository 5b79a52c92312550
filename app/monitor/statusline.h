#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

// The line `ccbridge statusline` prints for Claude Code's status line: what served the last
// request, how long it took, and today's tokens with their estimated cost.
class StatusLine
{
    Q_DECLARE_TR_FUNCTIONS(StatusLine)

public:
    struct LastRequest
    {
        QString provider;
        QString upstreamModel;
        int status = 0;
        qint64 durationMs = 0;
    };

    struct Today
    {
        qint64 tokens = 0;              // input, output and cache reads
        std::optional<double> costUsd;  // nullopt when no price of today's models is known
    };

    static QString running(const std::optional<LastRequest> &last, const Today &today);
    static QString notRunning(const QUrl &baseUrl);
    static QString tokenRefused(const QUrl &baseUrl);

    // 532, 12.3K, 1.23M: what fits a status line.
    static QString shortCount(qint64 count);
};
