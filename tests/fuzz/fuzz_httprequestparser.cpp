#include "fuzzcheck.h"
#include "http/httprequestparser.h"

#include <QByteArrayList>

namespace {

// Small limits, so that short inputs reach the 413 and 431 paths too.
constexpr HttpLimits limits{.maxHeaderBytes = 512, .maxBodyBytes = 1024};

// What HttpConnection would do with `data` arriving in pieces of at most `pieceSize` bytes:
// each request it dispatches, in a comparable form, and the refusal that ends the connection.
QByteArrayList outcomes(QByteArrayView data, qsizetype pieceSize)
{
    HttpRequestParser parser(limits);
    QByteArrayList seen;
    QByteArray buffer;
    for (qsizetype at = 0; at < data.size(); at += pieceSize) {
        buffer += data.sliced(at, std::min(pieceSize, data.size() - at));
        while (!buffer.isEmpty()) {
            const auto [status, consumed] = parser.feed(buffer);
            FuzzCheck::require(consumed >= 0 && consumed <= buffer.size(), "consumed is within the buffer");
            buffer.remove(0, consumed);
            if (status == HttpRequestParser::Status::Incomplete)
                break;
            if (status != HttpRequestParser::Status::Complete) {
                // Refused, without which refusal: a request both malformed and too large is a
                // 400 or a 431 depending on where the reads split it (llhttp counts a header's
                // bytes only at the end of its span or of a read), and either answer is right.
                seen << "refused";
                return seen;
            }
            const HttpRequest request = parser.takeRequest();
            QByteArray described = request.method + ' ' + request.target + (request.keepAlive ? " keep-alive" : " close");
            for (const HttpHeader &header : request.headers)
                described += '\n' + header.first + ": " + header.second;
            seen << described + "\n\n" + request.body;
        }
    }
    return seen;
}

} // namespace

// Bytes as a client sends them. Parsed at once and byte by byte, the requests and whether a
// refusal ends them must be the same: a connection's reads split a request anywhere.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(data, qsizetype(size));
    FuzzCheck::require(outcomes(input, input.size() + 1) == outcomes(input, 1), "whole and byte by byte agree");
    return 0;
}
