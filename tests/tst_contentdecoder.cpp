#include "http/contentdecoder.h"

#include <QTest>

#include <zlib.h>

namespace {
// Compresses with zlib: windowBits 15 + 16 gives gzip, 15 zlib-wrapped deflate, -15 raw deflate.
QByteArray compress(const QByteArray &plain, int windowBits)
{
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&stream, uLong(plain.size()))) + 32, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.constData()));
    stream.avail_in = uInt(plain.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

QByteArray sseBody()
{
    QByteArray body;
    for (int i = 0; i < 2000; ++i)
        body += "data: {\"choices\":[{\"delta\":{\"content\":\"token " + QByteArray::number(i) + "\"}}]}\n\n";
    return body;
}
}

class TestContentDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesInPieces_data()
    {
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<int>("windowBits");
        QTest::newRow("gzip") << QByteArray("gzip") << 15 + 16;
        QTest::newRow("deflate (zlib)") << QByteArray("deflate") << 15;
        QTest::newRow("deflate (raw)") << QByteArray("Deflate") << -15;
    }

    void decodesInPieces()
    {
        QFETCH(QByteArray, encoding);
        QFETCH(int, windowBits);
        const QByteArray plain = sseBody();
        const QByteArray compressed = compress(plain, windowBits);
        for (const qsizetype step : {qsizetype(1), qsizetype(7), qsizetype(1000), compressed.size()}) {
            auto decoder = ContentDecoder::forEncoding(encoding);
            QVERIFY(decoder);
            QByteArray out;
            for (qsizetype offset = 0; offset < compressed.size(); offset += step)
                QVERIFY(decoder->decode(QByteArrayView(compressed).sliced(offset, std::min(step, compressed.size() - offset)), out));
            QCOMPARE(out, plain);
        }
    }

    void identityNeedsNoDecoder()
    {
        QVERIFY(!ContentDecoder::forEncoding(""));
        QVERIFY(!ContentDecoder::forEncoding("identity"));
        QVERIFY(!ContentDecoder::forEncoding("br")); // passed on as it came
    }

    void corruptDataFails()
    {
        auto decoder = ContentDecoder::forEncoding("gzip");
        QByteArray compressed = compress(sseBody(), 15 + 16);
        compressed[20] = char(compressed.at(20) ^ 0x5a);
        compressed[21] = char(compressed.at(21) ^ 0x5a);
        QByteArray out;
        QVERIFY(!decoder->decode(compressed, out));
    }
};

QTEST_GUILESS_MAIN(TestContentDecoder)
#include "tst_contentdecoder.moc"
