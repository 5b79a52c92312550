#pragma once

#include "searchresult.h"
#include "websearchrequest.h"

#include "protocol/responseencoder.h"

#include <QJsonArray>
#include <QMap>

#include <memory>
#include <optional>

// Anthropic's web search, run by CC Bridge for a model that has none: one client request
// becomes rounds with the upstream. The model is offered a `web_search` function; when it
// calls it, the round's answer stops there, the searches run, and the next round carries the
// calls and their results, until the model answers without searching (or the searches allowed
// are used up). The client sees one message, as Anthropic's server tool makes it: the model's
// text, server_tool_use and web_search_tool_result blocks, then the answer, streamed as it
// comes, with usage summed over the rounds and the searches counted.
//
// It stands between the rounds' translated answers and the client's encoder, so every
// upstream API works with it unchanged. Pure: the exchange runs the searches and the rounds.
class WebSearchTurn : public ResponseEncoder
{
public:
    struct Search
    {
        QString id;    // srvtoolu_…, the server_tool_use block's
        QString query;
        // Known without asking the backend: a call without a query, or one over max_uses.
        std::optional<SearchOutcome> decided;
    };

    WebSearchTurn(QJsonObject clientRequest, WebSearchRequest::ServerTool tool,
                  std::shared_ptr<ResponseEncoder> client);

    // What the upstream is sent in the current round.
    QJsonObject roundRequest() const;
    // The searches the round that just ended asked for, until each has its outcome.
    QList<Search> pendingSearches() const { return m_pending; }
    // Some of the round's searches have no outcome yet.
    bool searching() const { return m_answered < m_pending.size(); }
    // One pending search's outcome. Returns what a streaming client is sent for it; after the
    // last one, the turn goes on to its next round or ends (then with the message's end).
    QByteArray searched(const QString &id, const SearchOutcome &outcome);
    // The last round's searches are answered and the model is to read them.
    bool hasNextRound() const { return m_nextRound; }
    // Starts the next round: its answer comes through this encoder again.
    void beginNextRound();
    int searchesRun() const { return m_searchesRun; }
    // The whole message once the turn is over, for a client that did not stream.
    QByteArray wholeAnswer();

    QByteArray streamFrames(const QList<QJsonObject> &anthropicEvents) override;
    QByteArray pingFrame() const override { return m_client->pingFrame(); }
    QByteArray messageBody(const QJsonObject &anthropicMessage) override;
    QByteArray errorBody(const ApiError &error) const override { return m_client->errorBody(error); }

private:
    // Token counts in an Anthropic usage object; a stream's grow as its events report them.
    struct RoundUsage
    {
        qint64 input = 0;
        qint64 output = 0;
        qint64 cacheRead = 0;

        static RoundUsage of(const QJsonValue &usage);
        void update(const QJsonValue &usage); // the counts `usage` has replace these
        void add(const RoundUsage &other);
    };

    // A block of the round's answer, by its upstream index.
    struct RoundBlock
    {
        int clientIndex = -1;
        bool isSearch = false;
        QJsonObject block;   // as it accumulates, for the next round's request
        QString partialJson; // a tool call's input as it arrives
    };

    void takeStreamEvent(const QJsonObject &event, QList<QJsonObject> &out);
    // The model's call of the function: a server_tool_use for the client, a search to run.
    QJsonObject searchCall(const QJsonObject &input);
    QJsonObject usageSoFar() const;
    QJsonObject finalDelta() const;
    void endRound(QList<QJsonObject> &out);
    int usesLeft() const;

    QJsonObject m_clientRequest;
    WebSearchRequest::ServerTool m_tool;
    std::shared_ptr<ResponseEncoder> m_client;
    QJsonArray m_conversation;    // the rounds so far, as messages for the next round
    int m_rounds = 1;
    int m_searchesAsked = 0;
    int m_searchesRun = 0;        // those the backend answered
    RoundUsage m_total;           // the rounds whose answer has ended

    // The current round.
    bool m_streaming = false;
    RoundUsage m_round;
    QMap<int, RoundBlock> m_roundBlocks;
    QList<Search> m_pending;
    int m_answered = 0;
    QJsonArray m_toolResults;
    bool m_roundCallsClientTools = false;
    QString m_stopReason;
    QJsonValue m_stopSequence;
    bool m_nextRound = false;

    // The client's message.
    bool m_messageStarted = false;
    int m_nextClientIndex = 0;
    QJsonObject m_message;         // a whole answer's first round: id, model, role
    QJsonArray m_clientContent;    // a whole answer's blocks so far
};
