<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Autostart</name>
    <message>
        <source>No program was given to start at login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change the registry key %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatPassthroughExchange</name>
    <message>
        <source>The client closed the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaudeCodePage</name>
    <message>
        <source>Check Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply to Claude Code&apos;s Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CC Bridge will set the variables shown in the &quot;env&quot; entry of %1. Its other settings are kept, and a copy of the file is saved next to it first.

Apply the changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claude Code finds CC Bridge through a few environment variables. Set them in your shell, or apply them to Claude Code&apos;s settings file to have them in every terminal and editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bash / zsh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add these lines to ~/.bashrc or ~/.zshrc, or paste them into a terminal for that session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add these lines to ~/.config/fish/config.fish, or paste them into a terminal for that session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PowerShell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add these lines to the file $PROFILE names, or paste them into a PowerShell window for that session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cmd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste these lines into a Command Prompt before starting claude; they last for that window only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settings.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claude Code reads this &quot;env&quot; entry from its settings file in every terminal and editor. Apply merges it into the file and keeps everything else there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicting Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files checked:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of your shell profiles or Claude Code&apos;s settings set these variables to other values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The places below set these variables to other values. Depending on which is read last, they override the snippet or are overridden by it; remove them to be sure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1. Claude Code now uses CC Bridge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already pointed Claude Code at CC Bridge; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1. Claude Code now uses CC Bridge. The previous file was saved as %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaudeSettingsFile</name>
    <message>
        <source>%1 is not valid JSON (line %2: %3), so it was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not hold a JSON object, so it was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &quot;env&quot; entry of %1 is not an object, so the file was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CC Bridge could not merge its settings into %1, so it was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the backup %1 (%2), so %3 was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many backups of %1 were made this second; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No settings file was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file, so it was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1 (%2), so it was left unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Run without a window or tray icon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the configuration from &lt;file&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the configuration, print what is wrong, and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on &lt;host:port&gt; (default 127.0.0.1:8765).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick start: a provider preset (deepseek, glm, zai, kimi, qwen, openrouter, openai, gemini, ollama, anthropic, …); its key variable, models and rules are the defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick start: the provider&apos;s OpenAI-style base URL, e.g. https://api.deepseek.com/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick start: the upstream model every Claude model maps to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick start: the environment variable that holds the provider&apos;s API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick start: the upstream API format (default openai-chat).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick start: clamp max_tokens to &lt;n&gt; (default 8192; 0 = no cap).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment variable that holds the token clients must present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in the tray without showing the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use either --config or the quick-start flags (--preset, --upstream, --model, --api-key-env), not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No configuration: give --config &lt;file&gt;, --preset &lt;id&gt;, or --upstream &lt;url&gt; --model &lt;name&gt; [--api-key-env &lt;variable&gt;].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--listen must look like 127.0.0.1:8765, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no preset &quot;%1&quot;. Presets: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quick start needs --preset &lt;id&gt; or --upstream &lt;url&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-output-tokens must be a whole number of 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quick start needs --model &lt;name&gt;: this provider has no default models.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigFile</name>
    <message>
        <source>%1: unknown key &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 must be a whole number of 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 must be at most %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.preset: there is no preset &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.headers.%2 must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.fallbacks must be a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the configuration file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration is not valid JSON: %1 at offset %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listen must look like 127.0.0.1:8765, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corsOrigins must be a list of origins such as &quot;http://localhost:5173&quot; or &quot;*&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnvConflicts</name>
    <message>
        <source>(set, value hidden)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpConnection</name>
    <message>
        <source>The request headers are larger than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body is larger than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client took too long to send the request.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CC Bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claude Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy running on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the proxy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy not running: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessagesExchange</name>
    <message>
        <source>%1 does not serve the model &quot;%2&quot;. Its models: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback from %1: it does not serve %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model name corrected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is busy: too many requests are waiting for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback from %1: its queue is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upstream sent an event larger than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upstream response is larger than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upstream stream ended before the answer was complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upstream closed the connection without a response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client closed the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request took longer than %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry %1 on %2 after %3, in %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback from %1 after %2 to %3/%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upstream answered with something that is not JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderPresets</name>
    <message>
        <source>%1.%2 must be one of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.price.%2 must be a price in USD per million tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.price must have exactly input, output and cacheRead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.schemaKeywords must be &quot;gemini&quot; or a list of keywords.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.maxToolNameLength must be a whole number above 8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.toolNames.%2 must be a tool name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.toolNames must map client tool names to provider tool names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown rule &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <source>OpenAI Chat Completions (openai-chat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI Responses (openai-responses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anthropic Messages (anthropic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom OpenAI-compatible…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom Anthropic-compatible…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No provider is configured yet. Add one to tell CC Bridge where to send Claude Code&apos;s requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes made since the last Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes refer to the provider by this name, and its key is stored under it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://api.example.com/v1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the key in the OS &amp;keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the key you are typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the key from an &amp;environment variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. DEEPSEEK_API_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claude Code asks for up to 128000 output tokens, which most providers refuse; requests are capped at this. 0 sends the request&apos;s own value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max output &amp;tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the provider which models it serves, with the key entered here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the base URL answers and accepts the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (custom provider)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As listed by the provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No models known yet: fetch them from the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preset&apos;s models (fetch to see what the provider serves now):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in the OS keychain; type a new key to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys are stored only in the OS keychain, never in a settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be saved in the OS keychain when you apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Saved in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This provider usually needs no key. A key you enter is saved in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in the OS keychain when you apply, never in a settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address Claude Code would take as ANTHROPIC_BASE_URL, without /v1/messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s OpenAI-compatible address, usually ending in /v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ The environment variable %1 is not set for CC Bridge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ The base URL is not an http(s) address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ The API format &quot;%1&quot; is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ The provider could not be reached in time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ The provider did not answer in time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ Could not connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the base URL; some providers also do not list their models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Connected, but the provider listed no models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>✓ Fetched %n model(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ Connected: %n model(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every provider needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two providers are named &quot;%1&quot;; routes and keys need unique names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider %1: the base URL must be an http(s) address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider %1: &quot;%2&quot; is not an environment variable name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The providers could not be saved: a field name looks like it holds a secret, and secrets are never written to the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved, but: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved. Give the key through an environment variable, then apply again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProxyConfig</name>
    <message>
        <source>Listening on %1 beyond this machine needs a client token (clientTokenEnv).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No provider is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A provider has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider %1: the base URL &quot;%2&quot; is not an http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider %1: the API format &quot;%2&quot; is not supported (supported: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider %1: the environment variable %2 that should hold its API key is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment variable %1 that should hold the client token is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model route is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile names must be unique and use only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;: &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1 has no routes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1: the environment variable %2 that should hold its client token is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1 is reachable beyond this machine and needs a client token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The route for &quot;%1&quot; names the unknown provider &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The route for &quot;%1&quot; has no upstream model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The route for &quot;%1&quot;: &quot;when&quot; must be one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The route for &quot;%1&quot; falls back to the unknown provider &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProxyController</name>
    <message>
        <source>The API key of %1 could not be read from the keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProxyService</name>
    <message>
        <source>No profile at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid or missing client token: send it as x-api-key or Authorization: Bearer (ANTHROPIC_AUTH_TOKEN in Claude Code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not support %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No route for the model &quot;%1&quot;. Known models: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile passes your own API key to the provider: send it as x-api-key or Authorization: Bearer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body is not valid JSON: %1 at offset %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2/%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model → provider/model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>Filter by model, provider, status or error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all requests, only those that succeeded, or only those that failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the requests sent to one provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a request to see what happened to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First byte:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (streaming)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no provider reached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2 / %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in · %2 out · %3 cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (estimated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a shell command that sends this request again through the proxy. It reads your token from $ANTHROPIC_AUTH_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request body not kept: this minimal one asks for the same model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No key named &quot;%1&quot; is stored in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the key &quot;%1&quot; from the keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the key &quot;%1&quot; in the keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the key &quot;%1&quot; from the keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key is not stored in the OS keychain. Enter it again to store it there, or give it through an environment variable instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OS keychain is available (Secret Service / KWallet not running). Keys can be given through environment variables instead; CC Bridge never stores them in plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OS keychain is available. Keys can be given through environment variables instead; CC Bridge never stores them in plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain refused access: it may be locked, or access was denied when it asked. Unlock it and try again, or give keys through environment variables instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain reported an error. Try again; if it keeps failing, give keys through environment variables instead. CC Bridge never stores them in plain text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Enter an IPv4 or IPv6 address, such as 192.168.1.20.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client token is required when listening beyond this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start CC Bridge when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the proxy when CC Bridge starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer only (127.0.0.1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All network interfaces (0.0.0.0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address of this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients send this token to use the proxy. Claude Code gets it from the snippets on the Claude Code page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long connecting to a provider may take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a provider may stay silent in the middle of a response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest a whole request may take, streaming included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While a provider is silent, Claude Code is sent a keep-alive this often.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep-alive ping every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests kept in the log:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage statistics kept for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language is used the next time CC Bridge starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new token was made. Clients still using the old one are refused until they get the new one: copy the snippet on the Claude Code page again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy environment for fish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy environment for PowerShell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy environment for bash/zsh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open CC Bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CC Bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes: default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today: %1 tokens in, %2 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default routes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpstreamCall</name>
    <message>
        <source>The upstream sent nothing for %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the upstream within the connect timeout.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message>
        <source>%1B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached input: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tokens used in this period</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsagePage</name>
    <message>
        <source>&lt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Est. cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No list price is known for the models used in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At list prices. Some models used in this period have no known price and are not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At list prices; what your provider bills may differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no provider)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests that failed before reaching a provider</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsageStats</name>
    <message>
        <source>Could not save the usage statistics to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the usage statistics in %1 (%2); this session&apos;s usage will not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a version %1 usage file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a row without a day, provider or model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The usage statistics in %1 could not be read (%2); moved to %3, starting afresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The usage statistics in %1 could not be read (%2) nor moved aside; this session&apos;s usage will not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The configuration is valid.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No display found: running without a window.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CC Bridge %1 listening on %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system tray was found: CC Bridge runs as long as this window is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration given on the command line is used with --headless only; the window uses the providers set up here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
