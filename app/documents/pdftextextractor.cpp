#include "pdftextextractor.h"

#include <QProcess>
#include <QTimer>

namespace {
constexpr int rememberedTexts = 64;
// More text than this is no longer a document a model reads in one request.
constexpr qsizetype maxTextBytes = 4 * 1024 * 1024;
}

PdfTextExtractor::PdfTextExtractor(QString program)
    : m_program(std::move(program))
    , m_conversion(&PdfTextExtractor::isInlinePdf, rememberedTexts)
{
}

bool PdfTextExtractor::isInlinePdf(const QJsonObject &block)
{
    const QJsonObject source = block.value(QLatin1StringView("source")).toObject();
    return block.value(QLatin1StringView("type")).toString() == QLatin1StringView("document")
           && source.value(QLatin1StringView("type")).toString() == QLatin1StringView("base64")
           && source.value(QLatin1StringView("media_type")).toString() == QLatin1StringView("application/pdf");
}

void PdfTextExtractor::extract(const QJsonObject &request, QObject *owner, std::function<void(const Outcome &)> done)
{
    m_conversion.run(
        request,
        [this](const QJsonObject &document, QObject *callOwner, BlockConversion::Finished finished) {
            read(document, callOwner, finished);
        },
        [](const QJsonObject &document, const QString &text) {
            // A text document: every upstream reads it (DocumentFitter makes it a text block).
            QJsonObject converted = document;
            converted.insert(QStringLiteral("source"),
                             QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                         {QStringLiteral("media_type"), QStringLiteral("text/plain")},
                                         {QStringLiteral("data"),
                                          QString(QStringLiteral("[The text of a PDF document, extracted by CC Bridge: "
                                                                 "the layout is approximate, and images and drawings "
                                                                 "are left out.]\n")
                                                  + text)}});
            return converted;
        },
        owner, std::move(done));
}

void PdfTextExtractor::read(const QJsonObject &document, QObject *owner, const BlockConversion::Finished &finished) const
{
    const QByteArray pdf = QByteArray::fromBase64(
        document.value(QLatin1StringView("source")).toObject().value(QLatin1StringView("data")).toString().toLatin1());
    auto *process = new QProcess(owner);
    auto *limit = new QTimer(process);
    limit->setSingleShot(true);
    // Ends the process and reports once, whichever comes first: its end, an error, the limit.
    const auto end = [process, finished](const QString &text, const QString &error) {
        process->disconnect();
        process->kill();
        process->deleteLater();
        finished({text, error});
    };
    QObject::connect(limit, &QTimer::timeout, process,
                     [end] { end({}, tr("pdftotext took longer than %1 s").arg(timeoutMs / 1000)); });
    QObject::connect(process, &QProcess::errorOccurred, process, [process, end](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            end({}, tr("pdftotext (Poppler's poppler-utils) is not installed"));
        else if (error != QProcess::Timedout)
            end({}, tr("pdftotext failed: %1").arg(process->errorString()));
    });
    QObject::connect(process, &QProcess::readyReadStandardOutput, process, [process, end] {
        if (process->bytesAvailable() > maxTextBytes)
            end({}, tr("the PDF holds more than %1 bytes of text").arg(maxTextBytes));
    });
    QObject::connect(process, &QProcess::finished, process, [process, end](int exitCode, QProcess::ExitStatus status) {
        const QString text = QString::fromUtf8(process->readAllStandardOutput()).trimmed();
        if (status != QProcess::NormalExit || exitCode != 0)
            end({}, tr("pdftotext could not read it: %1")
                        .arg(QString::fromUtf8(process->readAllStandardError()).simplified().left(300)));
        else if (text.isEmpty())
            end({}, tr("it has no text (a scan, perhaps)"));
        else
            end(text, {});
    });
    // The PDF goes in on standard input and its text comes out on standard output: no file is
    // written, and nothing in the PDF can name one.
    process->start(m_program, {QStringLiteral("-layout"), QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                               QStringLiteral("-"), QStringLiteral("-")});
    if (process->state() == QProcess::NotRunning)
        return; // it could not start, and said so
    process->write(pdf);
    process->closeWriteChannel();
    limit->start(timeoutMs);
}
