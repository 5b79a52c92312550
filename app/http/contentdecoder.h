#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

struct z_stream_s;

// Undoes a response's gzip or deflate Content-Encoding piece by piece, as the body arrives,
// so that a compressed stream still reaches the client event by event.
class ContentDecoder
{
public:
    // A decoder for `contentEncoding` (the header's value), or none for identity. Unknown
    // encodings get none too: the bytes are passed on as they came.
    static std::unique_ptr<ContentDecoder> forEncoding(QByteArrayView contentEncoding);

    enum class Format { Gzip, Deflate };

    explicit ContentDecoder(Format format);
    ~ContentDecoder();
    ContentDecoder(const ContentDecoder &) = delete;
    ContentDecoder &operator=(const ContentDecoder &) = delete;

    // Appends what `compressed` decodes to onto `out`; false when the data is corrupt.
    bool decode(QByteArrayView compressed, QByteArray &out);

private:
    bool inflateInto(QByteArrayView compressed, QByteArray &out);

    std::unique_ptr<z_stream_s> m_stream;
    // "deflate" is meant to be zlib-wrapped, but some servers send it raw: a deflate stream that
    // fails before giving anything is tried again as raw deflate.
    bool m_rawFallback;
    QByteArray m_start; // the input so far, while a fallback may still need it
    bool m_ended = false;
};
