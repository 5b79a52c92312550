#pragma once

#include <QJsonObject>
#include <QStringList>

// Providers accept only part of JSON Schema in function parameters and reject a whole request
// over one keyword they do not know. Claude Code's and MCP servers' tool schemas use more
// (`$schema`, `additionalProperties`, `exclusiveMinimum`…), so unsupported keywords are removed
// before the request is translated. Removing a constraint only loosens a schema: the tool
// still validates its own input.
namespace ToolSchemaSanitizer {
// The schema without the listed keywords, wherever a schema may sit in the tree (properties,
// items, anyOf/oneOf/allOf, $defs/definitions, additionalProperties…). Names in `properties`
// are data, not keywords, and stay. A few keywords are rewritten rather than lost when their
// replacement is allowed: a string `const` becomes a one-value `enum`, `oneOf` becomes
// `anyOf`, and numeric exclusive bounds become inclusive ones.
QJsonObject sanitize(const QJsonObject &schema, const QStringList &unsupportedKeywords);

// What Google Gemini (including its OpenAI-compatible endpoint) rejects in a function
// declaration's parameters.
QStringList geminiUnsupportedKeywords();

// What stricter OpenAI-compatible servers reject although OpenAI itself ignores it.
QStringList strictOpenAiUnsupportedKeywords();
}
