#pragma once

#include <QJsonObject>
#include <QtGlobal>

// A tokenizer-free estimate of a Messages request's input tokens, for count_tokens and for
// upstreams that report no usage.
namespace TokenEstimator {
qint64 estimateInputTokens(const QJsonObject &request);
}
