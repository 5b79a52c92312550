#pragma once

#include "upstreamcall.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

// What an upstream call answered, for the calls read whole at their end (a provider's model
// list, count_tokens, a search backend, a vision provider): the body collected up to a cap, and
// how the call ended.
struct WholeAnswer
{
    using Done = std::function<void(const WholeAnswer &)>;

    // Collects `call`'s answer and reports it once, then deletes the call. Until then the call
    // stays its owner's: destroying it aborts the request, and nothing is reported.
    static void collect(UpstreamCall *call, qsizetype maxBytes, Done done);

    // The upstream answered, whatever its status, within the cap.
    bool answered() const { return !failure && !tooLarge; }
    bool succeeded() const { return answered() && status >= 200 && status < 300; }

    int status = 0;
    QByteArray body;
    bool tooLarge = false; // the answer passed the cap (the body is cut there)
    std::optional<UpstreamCall::Failure> failure;
    QString failureMessage;
};
