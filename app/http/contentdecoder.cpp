#include "contentdecoder.h"

#include <zlib.h>

#include <utility>

std::unique_ptr<ContentDecoder> ContentDecoder::forEncoding(QByteArrayView contentEncoding)
{
    const QByteArray encoding = contentEncoding.toByteArray().trimmed().toLower();
    if (encoding == "gzip" || encoding == "x-gzip")
        return std::make_unique<ContentDecoder>(Format::Gzip);
    if (encoding == "deflate")
        return std::make_unique<ContentDecoder>(Format::Deflate);
    return nullptr;
}

ContentDecoder::ContentDecoder(Format format)
    : m_stream(std::make_unique<z_stream_s>())
    , m_rawFallback(format == Format::Deflate)
{
    // zlib's window bits: 15 + 16 reads a gzip wrapper, 15 a zlib one.
    inflateInit2(m_stream.get(), format == Format::Gzip ? 15 + 16 : 15);
}

ContentDecoder::~ContentDecoder()
{
    inflateEnd(m_stream.get());
}

bool ContentDecoder::decode(QByteArrayView compressed, QByteArray &out)
{
    if (m_rawFallback)
        m_start.append(compressed);
    if (inflateInto(compressed, out)) {
        if (m_stream->total_out > 0) {
            m_rawFallback = false;
            m_start.clear();
        }
        return true;
    }
    if (!m_rawFallback || m_stream->total_out != 0)
        return false;
    m_rawFallback = false;
    inflateEnd(m_stream.get());
    *m_stream = {};
    inflateInit2(m_stream.get(), -15);
    return inflateInto(std::exchange(m_start, {}), out);
}

bool ContentDecoder::inflateInto(QByteArrayView compressed, QByteArray &out)
{
    if (m_ended)
        return compressed.isEmpty();
    m_stream->next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
    m_stream->avail_in = uInt(compressed.size());
    char buffer[16384];
    // Until zlib leaves room in the buffer, it has more to give for this input.
    do {
        m_stream->next_out = reinterpret_cast<Bytef *>(buffer);
        m_stream->avail_out = sizeof buffer;
        const int result = inflate(m_stream.get(), Z_NO_FLUSH);
        if (result != Z_OK && result != Z_STREAM_END && result != Z_BUF_ERROR)
            return false;
        const auto produced = qsizetype(sizeof buffer - m_stream->avail_out);
        out.append(buffer, produced);
        if (result == Z_STREAM_END) {
            m_ended = true;
            return true;
        }
    } while (m_stream->avail_out == 0);
    return true;
}
