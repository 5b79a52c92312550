#include "documentfitter.h"

#include "anthropiccontent.h"

#include <QJsonArray>

#include <optional>

namespace {
using AnthropicContent::typeOf;

QJsonObject textBlock(const QString &text)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}};
}

// A document given as text: its title, then its text.
QJsonObject textBlockOf(const QJsonObject &document, const QString &text)
{
    const QString title = document.value(QLatin1StringView("title")).toString();
    return textBlock(title.isEmpty() ? text : title % QLatin1StringView("\n\n") % text);
}
}

DocumentFitter::Result DocumentFitter::fit(const QJsonObject &anthropicRequest, bool upstreamReadsPdf)
{
    Result result{anthropicRequest, {}};

    // What stands in for a document block; nullopt when it goes as it is.
    const auto replacementFor = [&](const QJsonObject &document) -> std::optional<QJsonObject> {
        const QJsonObject source = document.value(QLatin1StringView("source")).toObject();
        const QString sourceType = typeOf(source);
        if (sourceType == QLatin1StringView("text"))
            return textBlockOf(document, source.value(QLatin1StringView("data")).toString());
        if (sourceType == QLatin1StringView("content"))
            return textBlockOf(document, AnthropicContent::textOf(source.value(QLatin1StringView("content")),
                                                                  QLatin1StringView("\n\n")));
        if (sourceType == QLatin1StringView("base64")) {
            if (upstreamReadsPdf)
                return std::nullopt;
            result.notes << tr("left out a PDF document: the provider reads no PDF files");
            return textBlock(QStringLiteral("(A PDF document was attached here, but this provider cannot read PDF files.)"));
        }
        // A URL to fetch, or a file in Anthropic's Files API: nothing the proxy holds to pass on.
        const QString reference = source.value(QLatin1StringView(sourceType == QLatin1StringView("url") ? "url" : "file_id"))
                                      .toString();
        result.notes << tr("left out a document given by reference (%1): only documents sent whole can be passed on")
                            .arg(reference);
        return textBlock(QStringLiteral("(A document was attached here by reference (%1), which cannot be passed on "
                                        "to this provider.)")
                             .arg(reference));
    };
    // The blocks with their documents fitted; nullopt when none needed it.
    const auto withDocumentsFitted = [&](const QJsonArray &blocks) -> std::optional<QJsonArray> {
        std::optional<QJsonArray> fitted;
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            const QJsonObject block = blocks.at(i).toObject();
            if (typeOf(block) != QLatin1StringView("document"))
                continue;
            if (const auto replacement = replacementFor(block)) {
                if (!fitted)
                    fitted = blocks;
                fitted->replace(i, *replacement);
            }
        }
        return fitted;
    };

    // Only what changes is rebuilt: requests carry whole conversations.
    const QJsonArray messages = anthropicRequest.value(QLatin1StringView("messages")).toArray();
    std::optional<QJsonArray> fittedMessages;
    for (qsizetype m = 0; m < messages.size(); ++m) {
        QJsonObject message = messages.at(m).toObject();
        const QJsonArray blocks = message.value(QLatin1StringView("content")).toArray();
        std::optional<QJsonArray> fittedBlocks = withDocumentsFitted(blocks);
        // Tool results hold documents too: Claude Code's Read tool answers with the PDF it read.
        for (qsizetype b = 0; b < blocks.size(); ++b) {
            QJsonObject block = blocks.at(b).toObject();
            if (typeOf(block) != QLatin1StringView("tool_result"))
                continue;
            if (const auto content = withDocumentsFitted(block.value(QLatin1StringView("content")).toArray())) {
                block.insert(QStringLiteral("content"), *content);
                if (!fittedBlocks)
                    fittedBlocks = blocks;
                fittedBlocks->replace(b, block);
            }
        }
        if (!fittedBlocks)
            continue;
        message.insert(QStringLiteral("content"), *fittedBlocks);
        if (!fittedMessages)
            fittedMessages = messages;
        fittedMessages->replace(m, message);
    }
    if (fittedMessages)
        result.request.insert(QStringLiteral("messages"), *fittedMessages);
    return result;
}
