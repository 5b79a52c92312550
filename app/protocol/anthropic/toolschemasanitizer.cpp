#include "toolschemasanitizer.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QSet>

#include <cmath>

namespace {
using Keywords = QSet<QString>;

// Where JSON Schema puts subschemas. Every other keyword's value is data (`enum`, `const`,
// `default`, `examples`, `required`…) and is left exactly as it is, even when it holds objects
// with keyword-like keys.
bool holdsOneSchema(const QString &keyword)
{
    static const Keywords keywords{
        QStringLiteral("additionalProperties"), QStringLiteral("additionalItems"),
        QStringLiteral("items"), QStringLiteral("not"), QStringLiteral("if"), QStringLiteral("then"),
        QStringLiteral("else"), QStringLiteral("contains"), QStringLiteral("propertyNames"),
        QStringLiteral("unevaluatedProperties"), QStringLiteral("unevaluatedItems"),
        QStringLiteral("contentSchema"),
    };
    return keywords.contains(keyword);
}

bool holdsSchemaList(const QString &keyword)
{
    // `items` as a list is the tuple form of drafts before 2020-12.
    static const Keywords keywords{
        QStringLiteral("anyOf"), QStringLiteral("oneOf"), QStringLiteral("allOf"),
        QStringLiteral("prefixItems"), QStringLiteral("items"),
    };
    return keywords.contains(keyword);
}

// Keywords mapping names to subschemas: the names are the user's (a property may well be
// called "format" or "type") and are never taken for keywords.
bool holdsNamedSchemas(const QString &keyword)
{
    // `dependencies` (drafts 4-7) maps to a schema or to a list of names; only the schemas
    // are walked.
    static const Keywords keywords{
        QStringLiteral("properties"), QStringLiteral("patternProperties"), QStringLiteral("$defs"),
        QStringLiteral("definitions"), QStringLiteral("dependentSchemas"),
        QStringLiteral("dependencies"),
    };
    return keywords.contains(keyword);
}

QJsonObject sanitizeObject(const QJsonObject &schema, const Keywords &unsupported);

// Boolean schemas (`true`/`false`) have no keywords and pass through.
QJsonValue sanitizeValue(const QJsonValue &schema, const Keywords &unsupported)
{
    return schema.isObject() ? QJsonValue(sanitizeObject(schema.toObject(), unsupported)) : schema;
}

QJsonArray sanitizeList(const QJsonArray &schemas, const Keywords &unsupported)
{
    QJsonArray result;
    for (const QJsonValue &schema : schemas)
        result.append(sanitizeValue(schema, unsupported));
    return result;
}

QJsonObject sanitizeNamed(const QJsonObject &schemas, const Keywords &unsupported)
{
    QJsonObject result;
    for (auto it = schemas.constBegin(); it != schemas.constEnd(); ++it)
        result.insert(it.key(), sanitizeValue(it.value(), unsupported));
    return result;
}

bool admitsOnlyIntegers(const QJsonObject &schema)
{
    return schema.value(QLatin1StringView("type")).toString() == QLatin1StringView("integer");
}

// An exclusive bound kept as the inclusive one when that keyword is allowed. For integers
// the result is exact (> 0 is >= 1); for numbers it lets one more value through, which the
// tool itself still rejects.
void keepExclusiveBound(const QJsonObject &schema, QJsonObject &result, const Keywords &unsupported,
                        QLatin1StringView exclusive, QLatin1StringView inclusive, bool lower)
{
    const QJsonValue bound = schema.value(exclusive);
    // Draft 4 wrote `exclusiveMinimum: true` next to `minimum`, which then simply stays.
    if (!unsupported.contains(exclusive) || unsupported.contains(inclusive) || !bound.isDouble()
        || result.contains(inclusive))
        return;
    double value = bound.toDouble();
    if (admitsOnlyIntegers(schema))
        value = lower ? std::floor(value) + 1 : std::ceil(value) - 1;
    result.insert(inclusive, value);
}

QJsonObject sanitizeObject(const QJsonObject &schema, const Keywords &unsupported)
{
    QJsonObject result;
    for (auto it = schema.constBegin(); it != schema.constEnd(); ++it) {
        const QString keyword = it.key();
        const QJsonValue value = it.value();
        if (unsupported.contains(keyword))
            continue;
        if (value.isArray() && holdsSchemaList(keyword))
            result.insert(keyword, sanitizeList(value.toArray(), unsupported));
        else if (value.isObject() && holdsNamedSchemas(keyword))
            result.insert(keyword, sanitizeNamed(value.toObject(), unsupported));
        else if (holdsOneSchema(keyword))
            result.insert(keyword, sanitizeValue(value, unsupported));
        else
            result.insert(keyword, value);
    }

    // A dropped `const` would let the model choose any value for a field that has exactly
    // one (a discriminator, say). Only strings become an enum: Gemini, the provider that
    // rejects `const`, accepts only string enum values and would reject `enum: [1]` too.
    const QJsonValue constant = schema.value(QLatin1StringView("const"));
    if (unsupported.contains(QStringLiteral("const")) && !unsupported.contains(QStringLiteral("enum"))
        && constant.isString() && !result.contains(QLatin1StringView("enum")))
        result.insert(QStringLiteral("enum"), QJsonArray{constant});

    // For tool arguments "exactly one of" and "at least one of" rarely differ, and a lost
    // union would leave the field with no type at all.
    const QJsonValue oneOf = schema.value(QLatin1StringView("oneOf"));
    if (unsupported.contains(QStringLiteral("oneOf")) && !unsupported.contains(QStringLiteral("anyOf"))
        && oneOf.isArray() && !result.contains(QLatin1StringView("anyOf")))
        result.insert(QStringLiteral("anyOf"), sanitizeList(oneOf.toArray(), unsupported));

    keepExclusiveBound(schema, result, unsupported, QLatin1StringView("exclusiveMinimum"),
                       QLatin1StringView("minimum"), true);
    keepExclusiveBound(schema, result, unsupported, QLatin1StringView("exclusiveMaximum"),
                       QLatin1StringView("maximum"), false);
    return result;
}
}

QJsonObject ToolSchemaSanitizer::sanitize(const QJsonObject &schema, const QStringList &unsupportedKeywords)
{
    if (unsupportedKeywords.isEmpty())
        return schema;
    return sanitizeObject(schema, Keywords(unsupportedKeywords.cbegin(), unsupportedKeywords.cend()));
}

QStringList ToolSchemaSanitizer::geminiUnsupportedKeywords()
{
    // Gemini reads function parameters into its own `Schema` message, a subset of OpenAPI 3.0,
    // and answers any other field with 400 "Invalid JSON payload received. Unknown name …:
    // Cannot find field". That message has type, format, title, description, nullable, enum,
    // items, minItems, maxItems, properties, required, minProperties, maxProperties, minLength,
    // maxLength, pattern, minimum, maximum, default, example, anyOf and propertyOrdering; this
    // list is every other JSON Schema (2020-12 down to draft 4) keyword.
    return {
        // Core: identifiers, comments and references. A dropped `$ref` leaves an untyped
        // field, which Gemini accepts and the model fills from the description.
        QStringLiteral("$schema"), QStringLiteral("$id"), QStringLiteral("$anchor"),
        QStringLiteral("$dynamicAnchor"), QStringLiteral("$dynamicRef"),
        QStringLiteral("$recursiveAnchor"), QStringLiteral("$recursiveRef"),
        QStringLiteral("$ref"), QStringLiteral("$defs"), QStringLiteral("definitions"),
        QStringLiteral("$comment"),
        // Applicators other than anyOf/items/properties (oneOf is kept as anyOf).
        QStringLiteral("allOf"), QStringLiteral("oneOf"), QStringLiteral("not"), QStringLiteral("if"),
        QStringLiteral("then"), QStringLiteral("else"), QStringLiteral("dependentSchemas"),
        QStringLiteral("dependencies"), QStringLiteral("prefixItems"),
        QStringLiteral("additionalItems"), QStringLiteral("contains"),
        QStringLiteral("additionalProperties"), QStringLiteral("patternProperties"),
        QStringLiteral("propertyNames"), QStringLiteral("unevaluatedItems"),
        QStringLiteral("unevaluatedProperties"),
        // Validation (const is kept as enum, exclusive bounds as inclusive ones).
        QStringLiteral("const"), QStringLiteral("exclusiveMinimum"),
        QStringLiteral("exclusiveMaximum"), QStringLiteral("multipleOf"),
        QStringLiteral("uniqueItems"), QStringLiteral("minContains"), QStringLiteral("maxContains"),
        QStringLiteral("dependentRequired"),
        // Content and annotations (`example`, singular, is Gemini's own and stays).
        QStringLiteral("contentEncoding"), QStringLiteral("contentMediaType"),
        QStringLiteral("contentSchema"), QStringLiteral("examples"), QStringLiteral("deprecated"),
        QStringLiteral("readOnly"), QStringLiteral("writeOnly"),
        // Gemini knows `format` but takes only enum and date-time for strings ("uri", "email"…
        // are a 400); a format is a hint the description can carry, so all of it goes.
        QStringLiteral("format"),
    };
}

QStringList ToolSchemaSanitizer::strictOpenAiUnsupportedKeywords()
{
    // OpenAI ignores `$schema`, which every Claude Code tool carries, but some servers behind
    // OpenAI-compatible endpoints validate schemas strictly and reject the request over it
    // (reported for Vertex AI's OpenAI-compatible endpoint and SGLang). Nothing else is
    // removed: there is no such evidence for the rest, and every removal loosens a schema.
    return {QStringLiteral("$schema")};
}
