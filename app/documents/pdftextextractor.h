#pragma once

#include "proxy/blockconversion.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <functional>

class QObject;

// Gives the PDFs of a request to an upstream that reads no PDF files as their text: Poppler's
// pdftotext extracts it, in a process of its own with a time limit, so that a malformed or
// hostile PDF can neither crash nor stall the proxy. Each PDF is read once while the proxy runs
// (Claude Code sends it again with every turn).
class PdfTextExtractor
{
    Q_DECLARE_TR_FUNCTIONS(PdfTextExtractor)

public:
    using Outcome = BlockConversion::Outcome;
    static constexpr int timeoutMs = 30'000;

    // `program`: pdftotext, found on PATH unless a path is given.
    explicit PdfTextExtractor(QString program = QStringLiteral("pdftotext"));

    static bool isInlinePdf(const QJsonObject &block);
    bool appliesTo(const QJsonObject &request) const { return m_conversion.appliesTo(request); }
    // Calls `done` with the request whose PDFs are text documents, or why one could not be read.
    void extract(const QJsonObject &request, QObject *owner, std::function<void(const Outcome &)> done);

private:
    void read(const QJsonObject &document, QObject *owner, const BlockConversion::Finished &finished) const;

    QString m_program;
    BlockConversion m_conversion;
};
