#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

// How a provider differs from plain OpenAI behaviour, as its preset describes it. Request and
// response translators read these; they never name providers themselves.
struct ProviderRules
{
    // What becomes of the thinking blocks Claude Code sends back in later turns.
    enum class ReasoningHistory {
        Drop,             // the provider rejects or ignores them
        ReasoningContent, // `reasoning_content` on the assistant message (DeepSeek, Kimi during tool calls)
    };
    // How a request for thinking (`thinking.budget_tokens`, `output_config.effort`) is passed on.
    enum class ThinkingSwitch {
        None,                // the model decides (or a thinking model is chosen by name)
        ReasoningEffort,     // "reasoning_effort": low|medium|high (OpenAI, Groq, Gemini)
        ThinkingType,        // "thinking": {"type": "enabled"|"disabled"} (GLM, DeepSeek)
        EnableThinking,      // "enable_thinking": true, "thinking_budget": n (Qwen)
        OpenRouterReasoning, // "reasoning": {"max_tokens": n} or {"effort": …} (OpenRouter)
    };
    // What becomes of Claude Code's server-side web search tool.
    enum class WebSearch {
        Drop,             // removed, with a note in the log
        OpenRouterPlugin, // "plugins": [{"id": "web"}]
        GlmTool,          // {"type": "web_search", "web_search": {…}}
        // Kimi's builtin $web_search is left out on purpose: the caller must echo each search
        // call back to Kimi, a round trip the proxy does not make.
    };

    ReasoningHistory reasoningHistory = ReasoningHistory::Drop;
    ThinkingSwitch thinkingSwitch = ThinkingSwitch::None;
    WebSearch webSearch = WebSearch::Drop;
    // JSON-schema keywords removed from tool schemas because the provider rejects them.
    QStringList unsupportedSchemaKeywords;
    // The model writes tool calls as text (`<tool_call>{…}</tool_call>`): parse them.
    bool textToolCalls = false;
    // Remove Claude Code's per-request `x-anthropic-billing-header` system block, which
    // defeats providers' prefix caching.
    bool stripBillingHeader = true;
    // Send the cap as max_completion_tokens (OpenAI reasoning models) instead of max_tokens.
    bool maxCompletionTokens = false;
    // The provider reads PDF documents sent as Chat Completions `file` parts (OpenRouter,
    // OpenAI). The Responses API always takes them, as input_file.
    bool fileParts = false;
    // Longest function name the provider accepts; longer ones are shortened reversibly.
    int maxToolNameLength = 64;
    // Tool names the provider must see under another name (client name → upstream name), for
    // names it reserves or rejects beyond what the automatic rewriting covers.
    QHash<QString, QString> toolNameOverrides;
};

// What request translators need to know about the destination.
struct RequestOptions
{
    QString upstreamModel;   // the provider's model name
    int maxOutputTokens = 0; // clamps max_tokens; 0 = no cap
    ProviderRules rules;
};
