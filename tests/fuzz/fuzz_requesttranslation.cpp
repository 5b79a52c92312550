#include "config/providerpresets.h"
#include "fuzzcheck.h"
#include "protocol/anthropic/messagesrequestvalidator.h"
#include "protocol/anthropic/requestadapter.h"
#include "protocol/recurringjsonparser.h"
#include "protocol/recurringjsonwriter.h"
#include "protocol/upstreamformat.h"
#include "proxy/requesttraits.h"

#include <QJsonDocument>

namespace {

// A shipped preset of `api`, chosen by the input's length: every preset's rules get their
// turn without spending input bytes on the choice, which would spoil the JSON seeds.
const ProviderPreset &presetFor(UpstreamApi api, size_t inputSize)
{
    QList<const ProviderPreset *> presets;
    for (const ProviderPreset &preset : ProviderPresets::all()) {
        if (preset.format == api)
            presets << &preset;
    }
    return *presets.at(qsizetype(inputSize % size_t(presets.size())));
}

// The steps AnthropicPivotCodec::upstreamRequest takes to a provider of `preset`.
void translateFor(const QJsonObject &request, const ProviderPreset &preset)
{
    const RequestOptions options{preset.defaultModels.value(QStringLiteral("sonnet")), preset.maxOutputTokens, preset.rules};
    const QJsonObject adapted = preset.format == UpstreamApi::Anthropic
                                    ? request
                                    : RequestAdapter::adapt(request, preset.rules).request;
    const QJsonObject translated = UpstreamFormat::forApi(preset.format).translateRequest(adapted, options);
    // The proxy's writer lives through the whole run too; what it writes must read back as what Qt writes.
    static RecurringJsonWriter writer;
    const QByteArray written = writer.write(translated);
    FuzzCheck::require(QJsonDocument::fromJson(written) == QJsonDocument::fromJson(QJsonDocument(translated).toJson(QJsonDocument::Compact)),
                       "the recurring writer's JSON differs");
}

// ProxyService's parser reads a body as QJsonDocument would, whatever it parsed before: one
// parser lives through the whole run, so members recalled from earlier inputs are checked too.
QJsonDocument parseAsTheProxyDoes(const QByteArray &body)
{
    static RecurringJsonParser parser;
    QJsonParseError recurringError;
    QJsonParseError plainError;
    const QJsonDocument document = parser.parse(body, &recurringError);
    FuzzCheck::require(document == QJsonDocument::fromJson(body, &plainError), "the recurring parser's document differs");
    FuzzCheck::require(recurringError.error == plainError.error && recurringError.offset == plainError.offset,
                       "the recurring parser's error differs");
    return document;
}

} // namespace

// A /v1/messages body as a client sends it, through what ProxyService and ProxyExchange do
// with it: parse, validate, size up for routing, then adapt, translate and serialize it for a
// Chat Completions, a Responses and an Anthropic-compatible provider.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = parseAsTheProxyDoes(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!document.isObject())
        return 0;
    const QJsonObject request = document.object();
    if (MessagesRequestValidator::validate(request))
        return 0;
    RequestTraits::of(request);
    for (const UpstreamApi api : UpstreamApiName::all())
        translateFor(request, presetFor(api, size));
    return 0;
}
