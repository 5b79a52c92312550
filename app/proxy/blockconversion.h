#pragma once

#include <QByteArray>
#include <QCache>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>

class QObject;

// Turns some content blocks of a request (images, PDFs) into text before the request goes on,
// for an upstream that cannot take them: each distinct block (by the hash of its data or URL),
// in messages and inside tool results, is converted once, at the same time as the others, and
// the text is remembered for as long as this object lives, since a conversation sends its
// blocks again with every turn. What a conversion is, and what its text becomes in the
// request, the caller says.
class BlockConversion
{
public:
    struct Converted
    {
        QString text;
        QString error; // not empty: the block could not be converted
    };
    using Finished = std::function<void(const Converted &)>;
    // Starts converting `block`; `finished` is called later, unless `owner` is gone.
    using Convert = std::function<void(const QJsonObject &block, QObject *owner, Finished finished)>;
    using Replace = std::function<QJsonObject(const QJsonObject &block, const QString &text)>;
    using Matches = bool (*)(const QJsonObject &block);

    struct Outcome
    {
        QJsonObject request; // with the blocks replaced
        QString error;       // the first conversion that failed; the request is unchanged then
        int converted = 0;   // now
        int remembered = 0;  // from earlier requests
    };

    BlockConversion(Matches matches, int rememberedTexts);

    bool appliesTo(const QJsonObject &request) const;
    // Calls `done` once: at once when every block's text is remembered, else when the last
    // conversion has finished or the first has failed, unless `owner` is gone by then.
    void run(const QJsonObject &request, const Convert &convert, const Replace &replace, QObject *owner,
             std::function<void(const Outcome &)> done);

private:
    Matches m_matches;
    std::shared_ptr<QCache<QByteArray, QString>> m_remembered; // shared with conversions in flight
};
