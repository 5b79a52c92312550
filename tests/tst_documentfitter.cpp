#include "protocol/anthropic/documentfitter.h"

#include "testdata.h"

#include <QJsonArray>
#include <QTest>

// JSON in this file is written with single quotes (see TestData::doubleQuoted).
namespace {
using TestData::compact;

QJsonObject requestWithMessages(const QByteArray &messages)
{
    return TestData::messagesRequest({{QStringLiteral("messages"), TestData::singleQuotedArray(messages)}});
}

const QByteArray pdf = "{'type':'document','source':{'type':'base64','media_type':'application/pdf','data':'JVBERi0xLjQK'}}";
const QByteArray pdfLeftOut = "{'type':'text','text':'(A PDF document was attached here, but this provider cannot read PDF files.)'}";
const QString pdfNote = QStringLiteral("left out a PDF document: the provider reads no PDF files");
}

class TestDocumentFitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fit_data()
    {
        QTest::addColumn<bool>("upstreamReadsPdf");
        QTest::addColumn<QByteArray>("messages");
        QTest::addColumn<QByteArray>("expectedMessages");
        QTest::addColumn<QStringList>("expectedNotes");

        const QByteArray userPdf = "[{'role':'user','content':[" + pdf + ",{'type':'text','text':'Sum it up.'}]}]";
        QTest::newRow("PDF to an upstream that reads them") << true << userPdf << userPdf << QStringList();
        QTest::newRow("PDF to a text-only upstream")
            << false << userPdf
            << "[{'role':'user','content':[" + pdfLeftOut + ",{'type':'text','text':'Sum it up.'}]}]"
            << QStringList{pdfNote};
        // Claude Code's Read tool answers with the PDF; the model must hear that it is missing.
        const QByteArray readPdf = "[{'role':'user','content':[{'type':'tool_result','tool_use_id':'toolu_1','content':["
                                   "{'type':'text','text':'PDF file read'}," + pdf + "]}]}]";
        QTest::newRow("PDF a tool read, to an upstream that reads them") << true << readPdf << readPdf << QStringList();
        QTest::newRow("PDF a tool read, to a text-only upstream")
            << false << readPdf
            << "[{'role':'user','content':[{'type':'tool_result','tool_use_id':'toolu_1','content':["
               "{'type':'text','text':'PDF file read'}," + pdfLeftOut + "]}]}]"
            << QStringList{pdfNote};
        QTest::newRow("two PDFs, two notes")
            << false << "[{'role':'user','content':[" + pdf + "," + pdf + "]}]"
            << "[{'role':'user','content':[" + pdfLeftOut + "," + pdfLeftOut + "]}]" << QStringList{pdfNote, pdfNote};

        // Text every upstream reads.
        for (const bool readsPdf : {true, false}) {
            QTest::addRow("text document, titled (upstream reads PDF: %d)", readsPdf)
                << readsPdf
                << QByteArray("[{'role':'user','content':[{'type':'document','title':'notes.txt','context':'mine',"
                              "'source':{'type':'text','media_type':'text/plain','data':'Line one.'}}]}]")
                << QByteArray("[{'role':'user','content':[{'type':'text','text':'notes.txt\\n\\nLine one.'}]}]")
                << QStringList();
        }
        QTest::newRow("document of content blocks")
            << true
            << QByteArray("[{'role':'user','content':[{'type':'document','source':{'type':'content','content':["
                          "{'type':'text','text':'Part one.'},{'type':'text','text':'Part two.'}]}}]}]")
            << QByteArray("[{'role':'user','content':[{'type':'text','text':'Part one.\\n\\nPart two.'}]}]")
            << QStringList();

        // Nothing an OpenAI-style upstream can fetch.
        QTest::newRow("document by URL")
            << true
            << QByteArray("[{'role':'user','content':[{'type':'document','source':{'type':'url','url':'https://example.com/a.pdf'}}]}]")
            << QByteArray("[{'role':'user','content':[{'type':'text','text':'(A document was attached here by reference "
                          "(https://example.com/a.pdf), which cannot be passed on to this provider.)'}]}]")
            << QStringList{QStringLiteral("left out a document given by reference (https://example.com/a.pdf): "
                                          "only documents sent whole can be passed on")};
        QTest::newRow("document from the Files API")
            << true << QByteArray("[{'role':'user','content':[{'type':'document','source':{'type':'file','file_id':'file_011'}}]}]")
            << QByteArray("[{'role':'user','content':[{'type':'text','text':'(A document was attached here by reference "
                          "(file_011), which cannot be passed on to this provider.)'}]}]")
            << QStringList{QStringLiteral("left out a document given by reference (file_011): only documents sent whole can be passed on")};

        const QByteArray noDocuments = "[{'role':'user','content':'Hi'},{'role':'assistant','content':[{'type':'text','text':'Hello'}]},"
                                       "{'role':'user','content':[{'type':'tool_result','tool_use_id':'t','content':'42'}]}]";
        QTest::newRow("no documents") << false << noDocuments << noDocuments << QStringList();
    }

    void fit()
    {
        QFETCH(bool, upstreamReadsPdf);
        QFETCH(QByteArray, messages);
        QFETCH(QByteArray, expectedMessages);
        QFETCH(QStringList, expectedNotes);
        const QJsonObject request = requestWithMessages(messages);
        const DocumentFitter::Result fitted = DocumentFitter::fit(request, upstreamReadsPdf);
        QCOMPARE(compact(fitted.request), compact(requestWithMessages(expectedMessages)));
        QCOMPARE(fitted.notes, expectedNotes);
    }
};

QTEST_GUILESS_MAIN(TestDocumentFitter)
#include "tst_documentfitter.moc"
