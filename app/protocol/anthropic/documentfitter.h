#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

// Fits the document blocks of an Anthropic request, in user turns and inside tool results, to
// an OpenAI-style upstream while it is still an Anthropic request. A document of text becomes
// a text block, which every upstream reads. A PDF sent inline stays where the upstream reads
// files. Any other document is replaced by a line telling the model what it missed, so that
// it does not take a tool's answer for empty, and the request log gets a note.
class DocumentFitter
{
    Q_DECLARE_TR_FUNCTIONS(DocumentFitter)

public:
    struct Result
    {
        QJsonObject request;
        QStringList notes; // for the request log
    };

    static Result fit(const QJsonObject &anthropicRequest, bool upstreamReadsPdf);
};
