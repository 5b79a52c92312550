<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Autostart</name>
    <message>
        <source>No program was given to start at login.</source>
        <translation>未指定登录时要启动的程序。</translation>
    </message>
    <message>
        <source>Could not change the registry key %1.</source>
        <translation>无法修改注册表项 %1。</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>无法删除 %1。</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Could not write %1 (%2).</source>
        <translation>无法写入 %1（%2）。</translation>
    </message>
</context>
<context>
    <name>ClaudeCodePage</name>
    <message>
        <source>Check Again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Apply to Claude Code&apos;s Settings</source>
        <translation>应用到 Claude Code 设置</translation>
    </message>
    <message>
        <source>CC Bridge will set the variables shown in the &quot;env&quot; entry of %1. Its other settings are kept, and a copy of the file is saved next to it first.

Apply the changes?</source>
        <translation>CC Bridge 将在 %1 的 &quot;env&quot; 项中设置上面列出的变量。该文件中的其他设置保持不变，修改前会先在同一目录下保存一份副本。

是否应用这些更改？</translation>
    </message>
    <message>
        <source>Claude Code finds CC Bridge through a few environment variables. Set them in your shell, or apply them to Claude Code&apos;s settings file to have them in every terminal and editor.</source>
        <translation>Claude Code 通过几个环境变量找到 CC Bridge。可以在 shell 中设置这些变量，也可以将其应用到 Claude Code 的设置文件，使其在所有终端和编辑器中生效。</translation>
    </message>
    <message>
        <source>bash / zsh</source>
        <translation>bash / zsh</translation>
    </message>
    <message>
        <source>Add these lines to ~/.bashrc or ~/.zshrc, or paste them into a terminal for that session only.</source>
        <translation>将以下内容添加到 ~/.bashrc 或 ~/.zshrc，或粘贴到终端中（仅对当前会话生效）。</translation>
    </message>
    <message>
        <source>fish</source>
        <translation>fish</translation>
    </message>
    <message>
        <source>Add these lines to ~/.config/fish/config.fish, or paste them into a terminal for that session only.</source>
        <translation>将以下内容添加到 ~/.config/fish/config.fish，或粘贴到终端中（仅对当前会话生效）。</translation>
    </message>
    <message>
        <source>PowerShell</source>
        <translation>PowerShell</translation>
    </message>
    <message>
        <source>Add these lines to the file $PROFILE names, or paste them into a PowerShell window for that session only.</source>
        <translation>将以下内容添加到 $PROFILE 所指向的文件，或粘贴到 PowerShell 窗口中（仅对当前会话生效）。</translation>
    </message>
    <message>
        <source>cmd</source>
        <translation>cmd</translation>
    </message>
    <message>
        <source>Paste these lines into a Command Prompt before starting claude; they last for that window only.</source>
        <translation>在启动 claude 之前，将以下内容粘贴到命令提示符中；仅对该窗口生效。</translation>
    </message>
    <message>
        <source>settings.json</source>
        <translation>settings.json</translation>
    </message>
    <message>
        <source>Claude Code reads this &quot;env&quot; entry from its settings file in every terminal and editor. Apply merges it into the file and keeps everything else there.</source>
        <translation>Claude Code 在所有终端和编辑器中都会从其设置文件读取此 &quot;env&quot; 项。应用时会将其合并到该文件，并保留文件中的其他内容。</translation>
    </message>
    <message>
        <source>Conflicting Settings</source>
        <translation>冲突的设置</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Value there</source>
        <translation>该处的值</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Apply to %1</source>
        <translation>应用到 %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Files checked:
%1</source>
        <translation>已检查的文件：
%1</translation>
    </message>
    <message>
        <source>None of your shell profiles or Claude Code&apos;s settings set these variables to other values.</source>
        <translation>你的 shell 配置文件和 Claude Code 设置中均未将这些变量设为其他值。</translation>
    </message>
    <message>
        <source>The places below set these variables to other values. Depending on which is read last, they override the snippet or are overridden by it; remove them to be sure.</source>
        <translation>以下位置将这些变量设为了其他值。根据读取的先后顺序，它们可能覆盖上面的代码片段，也可能被其覆盖；为稳妥起见，请将其删除。</translation>
    </message>
    <message>
        <source>Created %1. Claude Code now uses CC Bridge.</source>
        <translation>已创建 %1。Claude Code 现在将使用 CC Bridge。</translation>
    </message>
    <message>
        <source>%1 already pointed Claude Code at CC Bridge; nothing was changed.</source>
        <translation>%1 已将 Claude Code 指向 CC Bridge，未做任何更改。</translation>
    </message>
    <message>
        <source>Updated %1. Claude Code now uses CC Bridge. The previous file was saved as %2.</source>
        <translation>已更新 %1。Claude Code 现在将使用 CC Bridge。原文件已另存为 %2。</translation>
    </message>
    <message>
        <source>Environment for</source>
        <translation>环境变量适用于</translation>
    </message>
    <message>
        <source>%1 has a context window of %L2 tokens, smaller than the %L3 Claude Code assumes: CLAUDE_CODE_AUTO_COMPACT_WINDOW=%2 below makes Claude Code compact the conversation before the provider refuses it.</source>
        <translation>%1 的上下文窗口为 %L2 个 token，小于 Claude Code 假定的 %L3：下方的 CLAUDE_CODE_AUTO_COMPACT_WINDOW=%2 让 Claude Code 在提供商拒绝之前压缩对话。</translation>
    </message>
    <message>
        <source>%1 has a context window of %L2 tokens, below the %L3 Claude Code accepts for CLAUDE_CODE_AUTO_COMPACT_WINDOW, so none is set. When the conversation outgrows the window, CC Bridge answers the provider&apos;s refusal as Claude Code&apos;s own &quot;prompt is too long&quot;, and Claude Code compacts the conversation then.</source>
        <translation>%1 的上下文窗口为 %L2 个 token，低于 Claude Code 对 CLAUDE_CODE_AUTO_COMPACT_WINDOW 接受的最小值 %L3，因此不设置。对话超出窗口时，CC Bridge 会把提供商的拒绝转换为 Claude Code 自己的“prompt is too long”，Claude Code 随即压缩对话。</translation>
    </message>
    <message>
        <source>Also show CC Bridge&apos;s status line in Claude Code</source>
        <translation>同时在 Claude Code 中显示 CC Bridge 的状态行</translation>
    </message>
    <message>
        <source>CC Bridge will set the variables shown in the &quot;env&quot; entry of %1, and its &quot;statusLine&quot; entry to run &quot;ccbridge statusline&quot; (replacing any status line set there). Its other settings are kept, and a copy of the file is saved next to it first.

Apply the changes?</source>
        <translation>CC Bridge 将设置 %1 的“env”条目中显示的变量，并将其“statusLine”条目设为运行“ccbridge statusline”（替换其中已设置的状态行）。其他设置保持不变，并会先在旁边保存该文件的副本。

应用这些更改吗？</translation>
    </message>
    <message>
        <source>Claude Code&apos;s status line then shows the provider and model of the last request, its latency, and today&apos;s tokens and cost.</source>
        <translation>之后 Claude Code 的状态行会显示上一个请求的提供商和模型、其延迟，以及今天的 token 数和费用。</translation>
    </message>
</context>
<context>
    <name>ClaudeSettingsFile</name>
    <message>
        <source>%1 is not valid JSON (line %2: %3), so it was left unchanged.</source>
        <translation>%1 不是有效的 JSON（第 %2 行：%3），因此未作修改。</translation>
    </message>
    <message>
        <source>%1 does not hold a JSON object, so it was left unchanged.</source>
        <translation>%1 的内容不是 JSON 对象，因此未作修改。</translation>
    </message>
    <message>
        <source>The &quot;env&quot; entry of %1 is not an object, so the file was left unchanged.</source>
        <translation>%1 中的 &quot;env&quot; 项不是对象，因此未修改该文件。</translation>
    </message>
    <message>
        <source>CC Bridge could not merge its settings into %1, so it was left unchanged.</source>
        <translation>CC Bridge 无法将其设置合并到 %1，因此未作修改。</translation>
    </message>
    <message>
        <source>Could not write the backup %1 (%2), so %3 was left unchanged.</source>
        <translation>无法写入备份文件 %1（%2），因此未修改 %3。</translation>
    </message>
    <message>
        <source>Too many backups of %1 were made this second; try again.</source>
        <translation>同一秒内创建的 %1 备份过多，请重试。</translation>
    </message>
    <message>
        <source>No settings file was given.</source>
        <translation>未指定设置文件。</translation>
    </message>
    <message>
        <source>%1 is not a file, so it was left unchanged.</source>
        <translation>%1 不是文件，因此未作修改。</translation>
    </message>
    <message>
        <source>Could not read %1 (%2), so it was left unchanged.</source>
        <translation>无法读取 %1（%2），因此未作修改。</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Could not write %1 (%2).</source>
        <translation>无法写入 %1（%2）。</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Run without a window or tray icon.</source>
        <translation>以无窗口、无托盘图标的模式运行。</translation>
    </message>
    <message>
        <source>Read the configuration from &lt;file&gt;.</source>
        <translation>从 &lt;文件&gt; 读取配置。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Check the configuration, print what is wrong, and exit.</source>
        <translation>检查配置，输出其中的错误，然后退出。</translation>
    </message>
    <message>
        <source>Listen on &lt;host:port&gt; (default 127.0.0.1:8765).</source>
        <translation>在 &lt;主机:端口&gt; 上监听（默认为 127.0.0.1:8765）。</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>主机:端口</translation>
    </message>
    <message>
        <source>Quick start: a provider preset (deepseek, glm, zai, kimi, qwen, openrouter, openai, gemini, ollama, anthropic, …); its key variable, models and rules are the defaults.</source>
        <translation>快速启动：服务商预设（deepseek、glm、zai、kimi、qwen、openrouter、openai、gemini、ollama、anthropic…）；使用其密钥变量、模型和规则作为默认值。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Quick start: the provider&apos;s OpenAI-style base URL, e.g. https://api.deepseek.com/v1.</source>
        <translation>快速启动：服务商的 OpenAI 风格 Base URL，例如 https://api.deepseek.com/v1。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Quick start: the upstream model every Claude model maps to.</source>
        <translation>快速启动：所有 Claude 模型都映射到的上游模型。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Quick start: the environment variable that holds the provider&apos;s API key.</source>
        <translation>快速启动：存放服务商 API 密钥的环境变量。</translation>
    </message>
    <message>
        <source>variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Quick start: the upstream API format (default openai-chat).</source>
        <translation>快速启动：上游 API 格式（默认为 openai-chat）。</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Quick start: clamp max_tokens to &lt;n&gt; (default 8192; 0 = no cap).</source>
        <translation>快速启动：将 max_tokens 限制为不超过 &lt;n&gt;（默认为 8192；0 表示不限制）。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>The environment variable that holds the token clients must present.</source>
        <translation>存放客户端令牌的环境变量，客户端必须提供该令牌。</translation>
    </message>
    <message>
        <source>Start in the tray without showing the window.</source>
        <translation>启动后仅显示托盘图标，不显示窗口。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>意外的参数：%1</translation>
    </message>
    <message>
        <source>Use either --config or the quick-start flags (--preset, --upstream, --model, --api-key-env), not both.</source>
        <translation>--config 与快速启动选项（--preset、--upstream、--model、--api-key-env）只能二选一，不能同时使用。</translation>
    </message>
    <message>
        <source>--listen must look like 127.0.0.1:8765, not &quot;%1&quot;.</source>
        <translation>--listen 的格式应类似 127.0.0.1:8765，而不是“%1”。</translation>
    </message>
    <message>
        <source>There is no preset &quot;%1&quot;. Presets: %2.</source>
        <translation>不存在预设“%1”。可用的预设：%2。</translation>
    </message>
    <message>
        <source>The quick start needs --preset &lt;id&gt; or --upstream &lt;url&gt;.</source>
        <translation>快速启动需要 --preset &lt;ID&gt; 或 --upstream &lt;URL&gt;。</translation>
    </message>
    <message>
        <source>--max-output-tokens must be a whole number of 0 or more.</source>
        <translation>--max-output-tokens 必须是大于或等于 0 的整数。</translation>
    </message>
    <message>
        <source>The quick start needs --model &lt;name&gt;: this provider has no default models.</source>
        <translation>快速启动需要 --model &lt;名称&gt;：该服务商没有默认模型。</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>显示版本并退出。</translation>
    </message>
    <message>
        <source>CC Bridge: lets Claude Code use any model provider.</source>
        <translation>CC Bridge：让 Claude Code 使用任意模型服务商。</translation>
    </message>
    <message>
        <source>--%1 takes the name of an environment variable (such as OPENAI_API_KEY), not a key.</source>
        <translation>--%1 需要环境变量的名称（例如 OPENAI_API_KEY），而不是密钥本身。</translation>
    </message>
    <message>
        <source>With env: write for this shell (bash, zsh, fish, powershell, cmd) or settings.json (json); default: the shell you are in.</source>
        <translation>与 env 一起使用：为此 shell（bash、zsh、fish、powershell、cmd）或 settings.json（json）输出；默认为当前所用的 shell。</translation>
    </message>
    <message>
        <source>shell</source>
        <translation>shell</translation>
    </message>
    <message>
        <source>Print the environment that points Claude Code at this CC Bridge: the snippet the window&apos;s Copy button copies, for the configuration the other options give (by default the one the window saved).</source>
        <translation>打印让 Claude Code 使用此 CC Bridge 的环境变量：即窗口中“复制”按钮复制的片段，对应其他选项给出的配置（默认为窗口保存的配置）。</translation>
    </message>
    <message>
        <source>--shell goes with env.</source>
        <translation>--shell 需与 env 一起使用。</translation>
    </message>
    <message>
        <source>--shell takes bash, zsh, fish, powershell, cmd or json, not &quot;%1&quot;.</source>
        <translation>--shell 只接受 bash、zsh、fish、powershell、cmd 或 json，而不是“%1”。</translation>
    </message>
    <message>
        <source>Start Claude Code with that environment set, through the CC Bridge already running there or one started for the session; what follows the options (or --) goes to claude unchanged.</source>
        <translation>在设置好该环境的情况下启动 Claude Code：通过已在该地址运行的 CC Bridge，或为本次会话启动一个；选项（或 --）之后的内容原样传给 claude。</translation>
    </message>
    <message>
        <source>Print one line for Claude Code&apos;s statusLine setting: the provider and model that served the last request and how long it took, today&apos;s tokens and their estimated cost, or that CC Bridge is not running.</source>
        <translation>为 Claude Code 的 statusLine 设置打印一行：处理上一个请求的提供商和模型及其耗时、今日的 token 数及估算费用，或 CC Bridge 未在运行。</translation>
    </message>
    <message>
        <source>Check the setup, from Claude Code to the providers, and say how to fix each problem; the exit status is non-zero when there is one.</source>
        <translation>检查从 Claude Code 到各提供商的设置，并说明每个问题的修复方法；存在问题时退出状态非零。</translation>
    </message>
    <message>
        <source>Run Claude Code&apos;s web searches on this backend for providers without search: searxng:&lt;url&gt; (a SearXNG instance with its JSON format on), brave or tavily.</source>
        <translation>对没有自带搜索的提供商，在此后端上执行 Claude Code 的网页搜索：searxng:&lt;url&gt;（已开启 JSON 格式的 SearXNG 实例）、brave 或 tavily。</translation>
    </message>
    <message>
        <source>backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>The environment variable that holds the web search backend&apos;s key (default BRAVE_API_KEY or TAVILY_API_KEY).</source>
        <translation>保存网页搜索后端密钥的环境变量（默认 BRAVE_API_KEY 或 TAVILY_API_KEY）。</translation>
    </message>
    <message>
        <source>--listen, --client-token-env and --web-search go with --config or the quick-start flags; the saved configuration is changed in the window.</source>
        <translation>--listen、--client-token-env 和 --web-search 需与 --config 或快速启动选项一起使用；已保存的配置请在窗口中修改。</translation>
    </message>
    <message>
        <source>--web-search-key-env goes with --web-search.</source>
        <translation>--web-search-key-env 需与 --web-search 一起使用。</translation>
    </message>
    <message>
        <source>--web-search takes searxng:&lt;url&gt;, brave or tavily, not &quot;%1&quot;.</source>
        <translation>--web-search 接受 searxng:&lt;url&gt;、brave 或 tavily，而不是“%1”。</translation>
    </message>
</context>
<context>
    <name>ConfigFile</name>
    <message>
        <source>%1: unknown key &quot;%2&quot;.</source>
        <translation>%1：未知的键“%2”。</translation>
    </message>
    <message>
        <source>%1 must be an object.</source>
        <translation>%1 必须是对象。</translation>
    </message>
    <message>
        <source>%1.preset: there is no preset &quot;%2&quot;.</source>
        <translation>%1.preset：不存在预设“%2”。</translation>
    </message>
    <message>
        <source>%1.headers.%2 must be a string.</source>
        <translation>%1.headers.%2 必须是字符串。</translation>
    </message>
    <message>
        <source>Cannot read the configuration file %1: %2</source>
        <translation>无法读取配置文件 %1：%2</translation>
    </message>
    <message>
        <source>The configuration is not valid JSON: %1 at offset %2.</source>
        <translation>配置不是有效的 JSON：%1（偏移量 %2）。</translation>
    </message>
    <message>
        <source>The configuration must be a JSON object.</source>
        <translation>配置必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>corsOrigins must be a list of origins such as &quot;http://localhost:5173&quot; or &quot;*&quot;.</source>
        <translation>corsOrigins 必须是来源列表，例如 &quot;http://localhost:5173&quot; 或 &quot;*&quot;。</translation>
    </message>
    <message>
        <source>activeProfile names the profile &quot;%1&quot;, which does not exist.</source>
        <translation>activeProfile 指定的配置方案“%1”不存在。</translation>
    </message>
    <message>
        <source>allowedHosts must be a list of host names without scheme or port, such as &quot;ccbridge.internal&quot;, or &quot;*&quot;.</source>
        <translation>allowedHosts 必须是不含协议和端口的主机名列表，例如 &quot;ccbridge.internal&quot;，或 &quot;*&quot;。</translation>
    </message>
</context>
<context>
    <name>ConfigSchema</name>
    <message>
        <source>Address and port to listen on: 127.0.0.1:8765, [::1]:8765, 0.0.0.0:8765 (port 0: any free port).</source>
        <translation>监听的地址和端口：127.0.0.1:8765、[::1]:8765、0.0.0.0:8765（端口 0：任意空闲端口）。</translation>
    </message>
    <message>
        <source>Environment variable holding the token clients must send (x-api-key or Authorization: Bearer). Required when listening beyond loopback. The desktop app keeps its token in the keychain instead.</source>
        <translation>存放客户端必须发送的令牌的环境变量（x-api-key 或 Authorization: Bearer）。监听范围超出回环地址时必须设置。桌面应用则将其令牌保存在钥匙串中。</translation>
    </message>
    <message>
        <source>Largest request line and headers; larger gets 431.</source>
        <translation>请求行和请求头的最大大小；超出则返回 431。</translation>
    </message>
    <message>
        <source>Largest request body; larger gets 413 request_too_large.</source>
        <translation>请求体的最大大小；超出则返回 413 request_too_large。</translation>
    </message>
    <message>
        <source>Time a client has to send a request&apos;s headers; then 408.</source>
        <translation>客户端发送请求头的时限；超时返回 408。</translation>
    </message>
    <message>
        <source>An idle keep-alive connection is closed after this; also the longest silence in the middle of a request body.</source>
        <translation>空闲的 keep-alive 连接在此时间后关闭；也是请求体传输中途允许的最长静默时间。</translation>
    </message>
    <message>
        <source>How long connecting to a provider and sending the request may take; then 504 timeout_error.</source>
        <translation>连接服务商并发送请求的最长时间；超时返回 504 timeout_error。</translation>
    </message>
    <message>
        <source>Longest silence from a provider, before the first byte and between bytes; then 504 (or an SSE error event once streaming).</source>
        <translation>服务商的最长静默时间（首字节之前及字节之间）；超时返回 504（流式传输开始后则为 SSE error 事件）。</translation>
    </message>
    <message>
        <source>While a provider is silent, the client is sent a keep-alive ping this often.</source>
        <translation>服务商无响应期间，按此间隔向客户端发送保活 ping。</translation>
    </message>
    <message>
        <source>The longest a whole request may take, streaming included; then 504 (or an SSE error event).</source>
        <translation>整个请求（含流式传输）的最长时间；超时返回 504（或 SSE error 事件）。</translation>
    </message>
    <message>
        <source>Attempts per provider before a fallback, the first included.</source>
        <translation>回退前对每个服务商的尝试次数（含首次）。</translation>
    </message>
    <message>
        <source>Backoff with full jitter: the first wait is up to this long, doubling per attempt.</source>
        <translation>带完全抖动的退避：首次等待最长为此值，每次尝试后翻倍。</translation>
    </message>
    <message>
        <source>Above this estimated input, a request is in the longContext scenario.</source>
        <translation>估算输入超过此值时，请求属于 longContext 场景。</translation>
    </message>
    <message>
        <source>Browser origins allowed to call the proxy, e.g. [&quot;http://localhost:5173&quot;], or [&quot;*&quot;]; none: browsers are refused.</source>
        <translation>允许调用代理的浏览器来源，例如 [&quot;http://localhost:5173&quot;] 或 [&quot;*&quot;]；留空则拒绝浏览器。</translation>
    </message>
    <message>
        <source>A profile whose routes also serve the default base URL (the tray&apos;s Routes menu switches it); empty: the routes below.</source>
        <translation>其路由同时用于默认 Base URL 的配置方案（可在托盘的“路由”菜单中切换）；留空则使用下方的路由。</translation>
    </message>
    <message>
        <source>The upstreams, see Providers.</source>
        <translation>上游服务商，参见“服务商”。</translation>
    </message>
    <message>
        <source>Which provider and model answer which requested model, see Routes.</source>
        <translation>哪个服务商和模型响应哪个请求的模型，参见“路由”。</translation>
    </message>
    <message>
        <source>Route sets under their own base path, see Profiles.</source>
        <translation>位于各自基础路径下的路由集，参见“配置方案”。</translation>
    </message>
    <message>
        <source>Requests kept in the window&apos;s live log.</source>
        <translation>窗口实时日志中保留的请求数。</translation>
    </message>
    <message>
        <source>How long daily usage totals are kept.</source>
        <translation>每日用量汇总的保留时长。</translation>
    </message>
    <message>
        <source>The window&apos;s language, such as de or zh_CN; empty: the system&apos;s.</source>
        <translation>窗口语言，例如 de 或 zh_CN；留空则跟随系统。</translation>
    </message>
    <message>
        <source>Start CC Bridge in the tray at login.</source>
        <translation>登录时在托盘中启动 CC Bridge。</translation>
    </message>
    <message>
        <source>Start the proxy when the window starts.</source>
        <translation>桌面应用启动时自动启动代理。</translation>
    </message>
    <message>
        <source>The file&apos;s format version, written by the desktop app.</source>
        <translation>文件的格式版本，由桌面应用写入。</translation>
    </message>
    <message>
        <source>The name routes use; the preset&apos;s id when a preset is given.</source>
        <translation>路由使用的名称；指定了预设时为预设的 ID。</translation>
    </message>
    <message>
        <source>A built-in preset (deepseek, glm, zai, kimi, qwen, chutes, openrouter, openai, groq, gemini, ollama, lmstudio, vllm, anthropic, and the -anthropic endpoints): it supplies every key below; keys given here override it.</source>
        <translation>内置预设（deepseek、glm、zai、kimi、qwen、chutes、openrouter、openai、groq、gemini、ollama、lmstudio、vllm、anthropic 以及各 -anthropic 端点）：提供下列所有字段；此处指定的字段优先于预设。</translation>
    </message>
    <message>
        <source>The provider&apos;s base URL. openai-chat appends /chat/completions and openai-responses /responses; anthropic appends /v1/messages. Required without a preset.</source>
        <translation>服务商的 Base URL。openai-chat 会追加 /chat/completions，openai-responses 追加 /responses，anthropic 追加 /v1/messages。未指定预设时必填。</translation>
    </message>
    <message>
        <source>The upstream API: openai-chat (Chat Completions), openai-responses (Responses API) or anthropic (passthrough).</source>
        <translation>上游 API：openai-chat（Chat Completions）、openai-responses（Responses API）或 anthropic（直通）。</translation>
    </message>
    <message>
        <source>Environment variable holding the API key; omit for local servers without keys.</source>
        <translation>存放 API 密钥的环境变量；无需密钥的本地服务器可省略。</translation>
    </message>
    <message>
        <source>The key is in the OS keychain under the provider&apos;s name (the desktop app&apos;s Providers page puts it there); apiKeyEnv is the fallback.</source>
        <translation>密钥以服务商名称保存在系统钥匙串中（由桌面应用的“服务商”页面写入）；apiKeyEnv 作为备用。</translation>
    </message>
    <message>
        <source>Clamps the request&apos;s max_tokens (Claude Code asks for 128000, which most providers reject); 0 = no cap.</source>
        <translation>限制请求的 max_tokens（Claude Code 会请求 128000，大多数服务商会拒绝）；0 = 不限制。</translation>
    </message>
    <message>
        <source>Extra request headers, e.g. {&quot;HTTP-Referer&quot;: &quot;https://example.org&quot;}.</source>
        <translation>额外的请求头，例如 {&quot;HTTP-Referer&quot;: &quot;https://example.org&quot;}。</translation>
    </message>
    <message>
        <source>Requests in flight at once; 0 = no limit.</source>
        <translation>同时进行的请求数；0 = 不限制。</translation>
    </message>
    <message>
        <source>Requests waiting beyond maxConcurrent; more get 529 overloaded_error.</source>
        <translation>超出 maxConcurrent 后可排队等待的请求数；更多请求返回 529 overloaded_error。</translation>
    </message>
    <message>
        <source>Check model names against the provider&apos;s GET /models (cached 10 min): fix their case, refuse unknown ones with the list.</source>
        <translation>根据服务商的 GET /models（缓存 10 分钟）核对模型名称：纠正大小写，拒绝未知名称并附上模型列表。</translation>
    </message>
    <message>
        <source>How the provider differs from plain OpenAI, see Provider rules.</source>
        <translation>服务商与标准 OpenAI 的差异，参见“服务商规则”。</translation>
    </message>
    <message>
        <source>A case-insensitive glob on the requested model: *haiku*, *sonnet*, *opus*, claude-opus-5-5, *.</source>
        <translation>匹配所请求模型的通配符模式（不区分大小写）：*haiku*、*sonnet*、*opus*、claude-opus-5-5、*。</translation>
    </message>
    <message>
        <source>A provider&apos;s name.</source>
        <translation>服务商名称。</translation>
    </message>
    <message>
        <source>The model name sent upstream.</source>
        <translation>发送给上游的模型名称。</translation>
    </message>
    <message>
        <source>Overrides the provider&apos;s cap for this route; 0 = the provider&apos;s.</source>
        <translation>为此路由覆盖服务商的上限；0 = 使用服务商的上限。</translation>
    </message>
    <message>
        <source>[{&quot;provider&quot;: …, &quot;model&quot;: …}], tried in order when the provider fails before answering.</source>
        <translation>[{&quot;provider&quot;: …, &quot;model&quot;: …}]，服务商在响应前失败时按顺序尝试。</translation>
    </message>
    <message>
        <source>Reached under /p/&lt;name&gt;.</source>
        <translation>通过 /p/&lt;名称&gt; 访问。</translation>
    </message>
    <message>
        <source>The profile&apos;s routes, as in Routes.</source>
        <translation>配置方案的路由，格式同“路由”。</translation>
    </message>
    <message>
        <source>Environment variable holding the profile&apos;s own token, which replaces the proxy&apos;s under its base path.</source>
        <translation>存放配置方案专用令牌的环境变量，在其基础路径下取代代理的令牌。</translation>
    </message>
    <message>
        <source>Send the client&apos;s own key (x-api-key or Bearer) to the provider instead of the provider&apos;s stored key.</source>
        <translation>将客户端自己的密钥（x-api-key 或 Bearer）而非已保存的服务商密钥发送给服务商。</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> token</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation>%1 必须是整数。</translation>
    </message>
    <message>
        <source>%1 must be %2, not %3.</source>
        <translation>%1 必须%2，而不是 %3。</translation>
    </message>
    <message>
        <source>%1 must be true or false.</source>
        <translation>%1 必须是 true 或 false。</translation>
    </message>
    <message>
        <source>%1 must be a string.</source>
        <translation>%1 必须是字符串。</translation>
    </message>
    <message>
        <source>%1 is not valid there.</source>
        <translation>%1 在此处无效。</translation>
    </message>
    <message>
        <source>%1 must look like 127.0.0.1:8765.</source>
        <translation>%1 的格式应类似 127.0.0.1:8765。</translation>
    </message>
    <message>
        <source>%1 must be a list.</source>
        <translation>%1 必须是列表。</translation>
    </message>
    <message>
        <source>%1 must be an object.</source>
        <translation>%1 必须是对象。</translation>
    </message>
    <message>
        <source>between %1 and %2%3</source>
        <translation>介于 %1 和 %2%3 之间</translation>
    </message>
    <message>
        <source>The profile&apos;s own token is in the OS keychain (the Routes page puts it there); clientTokenEnv is the fallback.</source>
        <translation>配置方案自己的令牌保存在系统钥匙串中（由“路由”页面存入）；clientTokenEnv 作为后备。</translation>
    </message>
    <message>
        <source>Host names clients may reach the proxy under besides localhost, loopback and listen addresses, e.g. [&quot;ccbridge.internal&quot;], or [&quot;*&quot;] for any; other Host headers are refused (DNS rebinding).</source>
        <translation>除 localhost、回环地址和监听地址外，客户端可以用来访问代理的主机名，例如 [&quot;ccbridge.internal&quot;]，或用 [&quot;*&quot;] 表示任意；其他 Host 请求头会被拒绝（防止 DNS 重绑定）。</translation>
    </message>
    <message>
        <source>On SIGTERM, SIGINT or Quit, requests in flight get this long to finish; those still running then end with an error (an SSE error event in a stream).</source>
        <translation>收到 SIGTERM、SIGINT 或退出时，进行中的请求有这么长时间完成；届时仍在运行的请求将以错误结束（流中为 SSE error 事件）。</translation>
    </message>
    <message>
        <source>The longest single wait before a retry, backoff or Retry-After; an upstream that asks for longer goes to the route&apos;s fallback at once, or its 429 and Retry-After go straight back to the client.</source>
        <translation>重试前单次等待的上限（退避或 Retry-After）；上游要求更长的等待时，请求立即转到路由的备用提供商，或将其 429 连同 Retry-After 直接返回给客户端。</translation>
    </message>
    <message>
        <source>The longest a client waits for its first byte while the proxy retries: no wait before a retry may end later than this after the request arrived. Fallbacks are still tried.</source>
        <translation>代理重试期间客户端等待第一个字节的最长时间：任何重试前的等待都不得在请求到达后超过此时长才结束。备用提供商仍会尝试。</translation>
    </message>
    <message>
        <source>The model&apos;s context window; 0 = the preset&apos;s figure, if it has one. An overflow the provider reports without numbers is answered with it, and a main route&apos;s window below 200K sets Claude Code&apos;s CLAUDE_CODE_AUTO_COMPACT_WINDOW.</source>
        <translation>模型的上下文窗口；0 表示使用预设中的数值（如有）。提供商报告溢出但未给出数字时使用此值；主路由的窗口小于 200K 时会设置 Claude Code 的 CLAUDE_CODE_AUTO_COMPACT_WINDOW。</translation>
    </message>
    <message>
        <source>Where CC Bridge runs Claude Code&apos;s web searches for providers without search of their own: searxng, brave or tavily; empty: the web search tool is dropped for them (see Web search).</source>
        <translation>CC Bridge 为没有自带搜索的提供商执行 Claude Code 网页搜索的位置：searxng、brave 或 tavily；留空：对这些提供商不提供网页搜索工具（见“网页搜索”）。</translation>
    </message>
    <message>
        <source>The SearXNG instance&apos;s address, such as http://localhost:8888 (its JSON format on); for brave and tavily, their API&apos;s address instead of the public one.</source>
        <translation>SearXNG 实例的地址，例如 http://localhost:8888（需开启 JSON 格式）；对 brave 和 tavily，则是替代公共地址的 API 地址。</translation>
    </message>
    <message>
        <source>Environment variable holding the Brave or Tavily key. The desktop app keeps it in the keychain instead.</source>
        <translation>保存 Brave 或 Tavily 密钥的环境变量。桌面应用则将其保存在钥匙串中。</translation>
    </message>
    <message>
        <source>The key is in the OS keychain (set by the desktop app).</source>
        <translation>密钥位于系统钥匙串中（由桌面应用设置）。</translation>
    </message>
    <message>
        <source>Results per search the model reads.</source>
        <translation>模型每次搜索读取的结果数。</translation>
    </message>
    <message>
        <source>A scenario the request must be in: background (a haiku-class model), thinking (an explicit budget or high effort), longContext (estimate above longContextTokens), images (an image in the conversation), webSearch (Claude Code&apos;s web search tool is offered: a provider with its own search); vision: not a scenario but the model that describes images for routes whose model takes none (see Images).</source>
        <translation>请求必须处于的场景：background（haiku 级模型）、thinking（明确的预算或高强度）、longContext（估算超过 longContextTokens）、images（对话中有图片）、webSearch（提供了 Claude Code 的网页搜索工具：自带搜索的提供商）；vision 不是场景，而是为不支持图片的路由描述图片的模型（见“图片”）。</translation>
    </message>
    <message>
        <source>Whether the model takes images; unset: as its preset says (a model no preset lists is taken to). An image for a model that takes none is described by the vision route, or refused with 400 without one.</source>
        <translation>模型是否接受图片；未设置时以其预设为准（预设中没有的模型视为接受）。发给不接受图片的模型的图片由 vision 路由描述；没有 vision 路由时以 400 拒绝。</translation>
    </message>
</context>
<context>
    <name>ConfigTransfer</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a CC Bridge configuration (a JSON object): %2</source>
        <translation>%1 不是 CC Bridge 配置（JSON 对象）：%2</translation>
    </message>
    <message>
        <source>The provider &quot;%1&quot; would send the key stored for it to %2 instead of %3. Change its address on the Providers page if that is meant.</source>
        <translation>服务商“%1”会把为它保存的密钥发送到 %2，而不是 %3。如确有此意，请在“服务商”页面修改它的地址。</translation>
    </message>
</context>
<context>
    <name>DocumentFitter</name>
    <message>
        <source>left out a PDF document: the provider reads no PDF files</source>
        <translation>已省略一个 PDF 文档：该提供方无法读取 PDF 文件</translation>
    </message>
    <message>
        <source>left out a document given by reference (%1): only documents sent whole can be passed on</source>
        <translation>已省略一个以引用方式给出的文档（%1）：只有完整发送的文档才能转发</translation>
    </message>
</context>
<context>
    <name>EnvConflicts</name>
    <message>
        <source>(set, value hidden)</source>
        <translation>（已设置，值已隐藏）</translation>
    </message>
</context>
<context>
    <name>FirstRunGuide</name>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Skip the guide</source>
        <translation>跳过向导</translation>
    </message>
    <message>
        <source>Set CC Bridge up in the window&apos;s tabs instead.</source>
        <translation>改为在窗口的各个页面中设置 CC Bridge。</translation>
    </message>
    <message>
        <source>CC Bridge lets Claude Code use another model provider. Three steps: choose the provider, paste its API key, start. Nothing to edit by hand.</source>
        <translation>CC Bridge 让 Claude Code 使用其他模型服务商。只需三步：选择服务商、粘贴 API 密钥、启动。无需手动编辑任何文件。</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>服务商(&amp;P)：</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Welcome to CC Bridge</source>
        <translation>欢迎使用 CC Bridge</translation>
    </message>
    <message>
        <source>Paste the key here</source>
        <translation>在此粘贴密钥</translation>
    </message>
    <message>
        <source>Where the provider&apos;s API is. Change it only for your own server or a proxy.</source>
        <translation>服务商 API 的地址。仅在使用自己的服务器或代理时才需修改。</translation>
    </message>
    <message>
        <source>&amp;Test the key</source>
        <translation>测试密钥(&amp;T)</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Start the proxy</source>
        <translation>启动代理(&amp;S)</translation>
    </message>
    <message>
        <source>Start the proxy</source>
        <translation>启动代理</translation>
    </message>
    <message>
        <source>A&amp;pply to Claude Code&apos;s settings.json</source>
        <translation>应用到 Claude Code 的 settings.json(&amp;P)</translation>
    </message>
    <message>
        <source>Point Claude Code at CC Bridge</source>
        <translation>让 Claude Code 使用 CC Bridge</translation>
    </message>
    <message>
        <source>Either paste the environment into the shell you start claude from, or write it into Claude Code&apos;s settings.json so that every claude uses CC Bridge (the file is backed up first, and only its env block changes).</source>
        <translation>可以将环境变量粘贴到启动 claude 的 shell 中，也可以写入 Claude Code 的 settings.json，让每个 claude 都使用 CC Bridge（会先备份该文件，且只修改其中的 env 部分）。</translation>
    </message>
    <message>
        <source>The Claude Code tab has the snippet for every shell.</source>
        <translation>“Claude Code”页面提供适用于各种 shell 的代码片段。</translation>
    </message>
    <message>
        <source>&amp;Save and continue</source>
        <translation>保存并继续(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>Your %1 API key</source>
        <translation>你的 %1 API 密钥</translation>
    </message>
    <message>
        <source>It goes to the OS keychain, never to a file. CC Bridge sends it to %1 only.</source>
        <translation>密钥保存在系统钥匙串中，绝不会写入文件。CC Bridge 只会将其发送给 %1。</translation>
    </message>
    <message>
        <source>%1 runs on your own computer and needs no key; leave it empty unless you set one.</source>
        <translation>%1 运行在你自己的电脑上，无需密钥；除非你为其设置过密钥，否则请留空。</translation>
    </message>
    <message>
        <source>CC Bridge will listen on %1, on this computer only. Claude Code&apos;s Opus, Sonnet and Haiku requests go to %2&apos;s models; the Routes tab changes that.</source>
        <translation>CC Bridge 将在 %1 上监听，仅限本机访问。Claude Code 的 Opus、Sonnet 和 Haiku 请求将发往 %2 的模型；可在“路由”页面中更改。</translation>
    </message>
    <message>
        <source>fish</source>
        <translation>fish</translation>
    </message>
    <message>
        <source>PowerShell</source>
        <translation>PowerShell</translation>
    </message>
    <message>
        <source>bash/zsh</source>
        <translation>bash/zsh</translation>
    </message>
    <message>
        <source>&amp;Copy the environment for %1</source>
        <translation>复制 %1 环境变量(&amp;C)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message numerus="yes">
        <source>✓ The key works: %n model(s) available.</source>
        <translation>
            <numerusform>✓ 密钥有效：有 %n 个可用模型。</numerusform>
        </translation>
    </message>
    <message>
        <source>✗ Paste the key first. The provider&apos;s website shows it under API keys.</source>
        <translation>✗ 请先粘贴密钥。可在服务商网站的“API 密钥”页面找到。</translation>
    </message>
    <message>
        <source>✗ The address must be an http(s) URL.</source>
        <translation>✗ 地址必须是 http(s) URL。</translation>
    </message>
    <message>
        <source>Saving the key in the keychain…</source>
        <translation>正在将密钥保存到钥匙串…</translation>
    </message>
    <message>
        <source>✗ %1 %2</source>
        <translation>✗ %1 %2</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>✓ Running on %1.</source>
        <translation>✓ 正在 %1 上运行。</translation>
    </message>
    <message>
        <source>✓ Copied. Paste it into your shell, then run claude there.</source>
        <translation>✓ 已复制。请粘贴到 shell 中，然后在其中运行 claude。</translation>
    </message>
    <message>
        <source>✓ Written to %1. Every new claude now uses CC Bridge.</source>
        <translation>✓ 已写入 %1。此后新启动的 claude 都会使用 CC Bridge。</translation>
    </message>
    <message>
        <source>✓ Written to %1 (the old file is kept as %2). Every new claude now uses CC Bridge.</source>
        <translation>✓ 已写入 %1（旧文件保留为 %2）。此后新启动的 claude 都会使用 CC Bridge。</translation>
    </message>
</context>
<context>
    <name>GracefulShutdown</name>
    <message>
        <source>CC Bridge is shutting down.</source>
        <translation>CC Bridge 正在关闭。</translation>
    </message>
</context>
<context>
    <name>HttpConnection</name>
    <message>
        <source>The request headers are larger than %1 bytes.</source>
        <translation>请求头超过 %1 字节。</translation>
    </message>
    <message>
        <source>The request body is larger than %1 bytes.</source>
        <translation>请求体超过 %1 字节。</translation>
    </message>
    <message>
        <source>The client took too long to send the request.</source>
        <translation>客户端发送请求超时。</translation>
    </message>
</context>
<context>
    <name>HttpResponseParser</name>
    <message>
        <source>in the middle of the response body</source>
        <translation>在响应正文中途</translation>
    </message>
    <message>
        <source>before a response arrived</source>
        <translation>在收到响应之前</translation>
    </message>
</context>
<context>
    <name>ImageDescriber</name>
    <message>
        <source>The vision route %1 could not describe an image: %2</source>
        <translation>vision 路由 %1 无法描述图片：%2</translation>
    </message>
    <message>
        <source>its answer is larger than %1 bytes</source>
        <translation>其响应超过 %1 字节</translation>
    </message>
    <message>
        <source>the answer is not JSON</source>
        <translation>响应不是 JSON</translation>
    </message>
    <message>
        <source>the answer has no text</source>
        <translation>响应中没有文本</translation>
    </message>
</context>
<context>
    <name>InMemorySecretStore</name>
    <message>
        <source>the in-memory store was told to fail</source>
        <translation>内存存储被设定为失败</translation>
    </message>
</context>
<context>
    <name>KeychainCommit</name>
    <message>
        <source>The providers could not be saved: %1</source>
        <translation>无法保存服务商：%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Saved, but: %1</source>
        <translation>已保存，但：%1</translation>
    </message>
    <message>
        <source>Nothing was saved. Give the key through an environment variable, then apply again.</source>
        <translation>未保存任何内容。请通过环境变量提供密钥，然后重新应用。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CC Bridge</source>
        <translation>CC Bridge</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Claude Code</source>
        <translation>Claude Code</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Proxy running on %1</source>
        <translation>代理正在 %1 上运行</translation>
    </message>
    <message>
        <source>Starting the proxy…</source>
        <translation>正在启动代理…</translation>
    </message>
    <message>
        <source>Proxy stopped</source>
        <translation>代理已停止</translation>
    </message>
    <message>
        <source>Proxy not running: %1</source>
        <translation>代理未运行：%1</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>The changed settings are not in effect, the proxy keeps the previous ones: %1</source>
        <translation>更改的设置未生效，代理仍使用之前的设置：%1</translation>
    </message>
    <message>
        <source>The imported configuration needs keys this computer does not have yet: %1. Enter them on the Providers page.</source>
        <translation>导入的配置需要本机尚未保存的密钥：%1。请在“服务商”页面中输入。</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>CC Bridge now asks every client for a token, so that other programs and web pages cannot use your providers&apos; keys. Claude Code does not have it yet: copy the environment below into your shell again, or apply it to settings.json.</source>
        <translation>CC Bridge 现在要求每个客户端提供令牌，以免其他程序和网页使用您服务商的密钥。Claude Code 还没有这个令牌：请将下面的环境变量重新复制到您的 shell 中，或将其应用到 settings.json。</translation>
    </message>
    <message>
        <source>CC Bridge is not running, so the way from Claude Code to the providers cannot be checked.</source>
        <translation>CC Bridge 未在运行，因此无法检查从 Claude Code 到各提供商的通路。</translation>
    </message>
    <message>
        <source>Start it with the button below; ccbridge doctor, in a terminal, checks a setup that does not start.</source>
        <translation>请用下方按钮启动它；在终端中运行 ccbridge doctor 可检查无法启动的设置。</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> token</translation>
    </message>
    <message>
        <source>%1 is not allowed here: it must be between %2 and %3%4. The value stays %5.</source>
        <translation>此处不允许 %1：取值必须在 %2 到 %3%4 之间。保持为 %5。</translation>
    </message>
</context>
<context>
    <name>PdfTextExtractor</name>
    <message>
        <source>pdftotext took longer than %1 s</source>
        <translation>pdftotext 用时超过 %1 秒</translation>
    </message>
    <message>
        <source>pdftotext (Poppler&apos;s poppler-utils) is not installed</source>
        <translation>未安装 pdftotext（Poppler 的 poppler-utils）</translation>
    </message>
    <message>
        <source>pdftotext failed: %1</source>
        <translation>pdftotext 失败：%1</translation>
    </message>
    <message>
        <source>the PDF holds more than %1 bytes of text</source>
        <translation>该 PDF 的文本超过 %1 字节</translation>
    </message>
    <message>
        <source>pdftotext could not read it: %1</source>
        <translation>pdftotext 无法读取：%1</translation>
    </message>
    <message>
        <source>it has no text (a scan, perhaps)</source>
        <translation>其中没有文本（可能是扫描件）</translation>
    </message>
</context>
<context>
    <name>ProviderDraft</name>
    <message>
        <source>Two providers are named &quot;%1&quot;; routes and keys need unique names.</source>
        <translation>有两个服务商都名为“%1”；路由和密钥需要唯一的名称。</translation>
    </message>
    <message>
        <source>Every provider needs a name.</source>
        <translation>每个服务商都必须有名称。</translation>
    </message>
    <message>
        <source>Provider %1: the base URL must be an http(s) address.</source>
        <translation>服务商 %1：Base URL 必须是 http(s) 地址。</translation>
    </message>
    <message>
        <source>Provider %1: &quot;%2&quot; is not an environment variable name.</source>
        <translation>服务商 %1：“%2”不是有效的环境变量名。</translation>
    </message>
    <message>
        <source>Provider %1</source>
        <translation>服务商 %1</translation>
    </message>
</context>
<context>
    <name>ProviderPresets</name>
    <message>
        <source>%1.%2 must be one of %3.</source>
        <translation>%1.%2 必须是以下值之一：%3。</translation>
    </message>
    <message>
        <source>%1.price.%2 must be a price in USD per million tokens.</source>
        <translation>%1.price.%2 必须是以美元计的每百万 token 价格。</translation>
    </message>
    <message>
        <source>%1.price must have exactly input, output and cacheRead.</source>
        <translation>%1.price 必须且只能包含 input、output 和 cacheRead。</translation>
    </message>
    <message>
        <source>%1.schemaKeywords must be &quot;gemini&quot; or a list of keywords.</source>
        <translation>%1.schemaKeywords 必须是 &quot;gemini&quot; 或关键字列表。</translation>
    </message>
    <message>
        <source>%1.%2 must be true or false.</source>
        <translation>%1.%2 必须是 true 或 false。</translation>
    </message>
    <message>
        <source>%1.maxToolNameLength must be a whole number above 8.</source>
        <translation>%1.maxToolNameLength 必须是大于 8 的整数。</translation>
    </message>
    <message>
        <source>%1.toolNames.%2 must be a tool name.</source>
        <translation>%1.toolNames.%2 必须是工具名称。</translation>
    </message>
    <message>
        <source>%1.toolNames must map client tool names to provider tool names.</source>
        <translation>%1.toolNames 必须将客户端工具名称映射到服务商工具名称。</translation>
    </message>
    <message>
        <source>%1: unknown rule &quot;%2&quot;.</source>
        <translation>%1：未知规则“%2”。</translation>
    </message>
</context>
<context>
    <name>ProviderProbe</name>
    <message>
        <source>The base URL is not an http(s) address.</source>
        <translation>Base URL 不是 http(s) 地址。</translation>
    </message>
    <message>
        <source>The provider could not be reached in time: %1</source>
        <translation>未能及时连接到服务商：%1</translation>
    </message>
    <message>
        <source>The provider did not answer in time: %1</source>
        <translation>服务商未及时响应：%1</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>无消息</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1：%2</translation>
    </message>
    <message>
        <source>Check the API key.</source>
        <translation>请检查 API 密钥。</translation>
    </message>
    <message>
        <source>Check the base URL; some providers also do not list their models.</source>
        <translation>请检查 Base URL；另外，部分服务商不提供模型列表。</translation>
    </message>
    <message>
        <source>The provider&apos;s model list is larger than %1 bytes.</source>
        <translation>服务商的模型列表超过 %1 字节。</translation>
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <source>OpenAI Chat Completions (openai-chat)</source>
        <translation>OpenAI Chat Completions (openai-chat)</translation>
    </message>
    <message>
        <source>OpenAI Responses (openai-responses)</source>
        <translation>OpenAI Responses (openai-responses)</translation>
    </message>
    <message>
        <source>Anthropic Messages (anthropic)</source>
        <translation>Anthropic Messages (anthropic)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Custom OpenAI-compatible…</source>
        <translation>自定义 OpenAI 兼容服务商…</translation>
    </message>
    <message>
        <source>Custom Anthropic-compatible…</source>
        <translation>自定义 Anthropic 兼容服务商…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>No provider is configured yet. Add one to tell CC Bridge where to send Claude Code&apos;s requests.</source>
        <translation>尚未配置服务商。请添加一个服务商，告诉 CC Bridge 将 Claude Code 的请求发送到哪里。</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Discard the changes made since the last Apply</source>
        <translation>放弃自上次应用以来所做的更改</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>Routes refer to the provider by this name, and its key is stored under it.</source>
        <translation>路由通过此名称引用该服务商，其密钥也以此名称保存。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>https://api.example.com/v1</source>
        <translation>https://api.example.com/v1</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Base URL(&amp;U)：</translation>
    </message>
    <message>
        <source>API &amp;format:</source>
        <translation>API 格式(&amp;F)：</translation>
    </message>
    <message>
        <source>Store the key in the OS &amp;keychain</source>
        <translation>将密钥保存在系统钥匙串中(&amp;K)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show or hide the key you are typing</source>
        <translation>显示或隐藏正在输入的密钥</translation>
    </message>
    <message>
        <source>Read the key from an &amp;environment variable</source>
        <translation>从环境变量读取密钥(&amp;E)</translation>
    </message>
    <message>
        <source>e.g. DEEPSEEK_API_KEY</source>
        <translation>例如 DEEPSEEK_API_KEY</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>Claude Code asks for up to 128000 output tokens, which most providers refuse; requests are capped at this. 0 sends the request&apos;s own value.</source>
        <translation>Claude Code 最多会请求 128000 个输出 token，大多数服务商会拒绝；请求将被限制在此值以内。设为 0 则按请求中的原值发送。</translation>
    </message>
    <message>
        <source>Max output &amp;tokens:</source>
        <translation>最大输出 token 数(&amp;T)：</translation>
    </message>
    <message>
        <source>Fetch models</source>
        <translation>获取模型</translation>
    </message>
    <message>
        <source>Ask the provider which models it serves, with the key entered here</source>
        <translation>使用此处填写的密钥，向服务商查询其提供的模型</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Check that the base URL answers and accepts the key</source>
        <translation>检查 Base URL 能否访问以及是否接受该密钥</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>None (custom provider)</source>
        <translation>无（自定义服务商）</translation>
    </message>
    <message>
        <source>As listed by the provider:</source>
        <translation>服务商列出的模型：</translation>
    </message>
    <message>
        <source>No models known yet: fetch them from the provider.</source>
        <translation>暂无已知模型，请从服务商获取。</translation>
    </message>
    <message>
        <source>The preset&apos;s models (fetch to see what the provider serves now):</source>
        <translation>预设中的模型（获取后可查看服务商当前提供的模型）：</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>粘贴 API 密钥</translation>
    </message>
    <message>
        <source>Saved in the OS keychain; type a new key to replace it</source>
        <translation>已保存在系统钥匙串中；输入新密钥即可替换</translation>
    </message>
    <message>
        <source>Keys are stored only in the OS keychain, never in a settings file.</source>
        <translation>密钥仅保存在系统钥匙串中，绝不会写入设置文件。</translation>
    </message>
    <message>
        <source>Will be saved in the OS keychain when you apply.</source>
        <translation>应用后将保存到系统钥匙串中。</translation>
    </message>
    <message>
        <source>✓ Saved in the OS keychain.</source>
        <translation>✓ 已保存到系统钥匙串。</translation>
    </message>
    <message>
        <source>This provider usually needs no key. A key you enter is saved in the OS keychain.</source>
        <translation>该服务商通常无需密钥。如填写密钥，将保存到系统钥匙串中。</translation>
    </message>
    <message>
        <source>Saved in the OS keychain when you apply, never in a settings file.</source>
        <translation>应用时保存到系统钥匙串中，绝不会写入设置文件。</translation>
    </message>
    <message>
        <source>The address Claude Code would take as ANTHROPIC_BASE_URL, without /v1/messages.</source>
        <translation>即 Claude Code 作为 ANTHROPIC_BASE_URL 使用的地址，不含 /v1/messages。</translation>
    </message>
    <message>
        <source>The provider&apos;s OpenAI-compatible address, usually ending in /v1.</source>
        <translation>服务商的 OpenAI 兼容地址，通常以 /v1 结尾。</translation>
    </message>
    <message>
        <source>Requests go to %1</source>
        <translation>请求将发送到 %1</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>✗ The environment variable %1 is not set for CC Bridge.</source>
        <translation>✗ CC Bridge 的运行环境中未设置环境变量 %1。</translation>
    </message>
    <message>
        <source>✗ %1 %2</source>
        <translation>✗ %1 %2</translation>
    </message>
    <message>
        <source>✓ Connected, but the provider listed no models.</source>
        <translation>✓ 已连接，但服务商未列出任何模型。</translation>
    </message>
    <message numerus="yes">
        <source>✓ Fetched %n model(s).</source>
        <translation>
            <numerusform>✓ 已获取 %n 个模型。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ Connected: %n model(s)</source>
        <translation>
            <numerusform>✓ 已连接：%n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Provider details</source>
        <translation>服务商详情</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Environment variable holding the API key</source>
        <translation>存放 API 密钥的环境变量</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
</context>
<context>
    <name>ProxyConfig</name>
    <message>
        <source>Listening on %1 beyond this machine needs a client token (clientTokenEnv).</source>
        <translation>在 %1 上监听会对本机以外开放，需要设置客户端令牌（clientTokenEnv）。</translation>
    </message>
    <message>
        <source>No provider is configured.</source>
        <translation>未配置服务商。</translation>
    </message>
    <message>
        <source>A provider has no name.</source>
        <translation>有服务商未设置名称。</translation>
    </message>
    <message>
        <source>Provider %1: the base URL &quot;%2&quot; is not an http(s) URL.</source>
        <translation>服务商 %1：Base URL“%2”不是 http(s) URL。</translation>
    </message>
    <message>
        <source>Provider %1: the environment variable %2 that should hold its API key is not set.</source>
        <translation>服务商 %1：未设置用于存放其 API 密钥的环境变量 %2。</translation>
    </message>
    <message>
        <source>The environment variable %1 that should hold the client token is not set.</source>
        <translation>未设置用于存放客户端令牌的环境变量 %1。</translation>
    </message>
    <message>
        <source>No model route is configured.</source>
        <translation>未配置模型路由。</translation>
    </message>
    <message>
        <source>Profile names must be unique and use only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;: &quot;%1&quot;.</source>
        <translation>配置方案名称必须唯一，且只能包含字母、数字、&apos;.&apos;、&apos;_&apos; 和 &apos;-&apos;：“%1”。</translation>
    </message>
    <message>
        <source>Profile %1 has no routes.</source>
        <translation>配置方案 %1 没有任何路由。</translation>
    </message>
    <message>
        <source>Profile %1: the environment variable %2 that should hold its client token is not set.</source>
        <translation>配置方案 %1：未设置用于存放其客户端令牌的环境变量 %2。</translation>
    </message>
    <message>
        <source>Profile %1 is reachable beyond this machine and needs a client token.</source>
        <translation>配置方案 %1 可从本机以外访问，需要设置客户端令牌。</translation>
    </message>
    <message>
        <source>The route for &quot;%1&quot; names the unknown provider &quot;%2&quot;.</source>
        <translation>“%1”的路由指定了未知服务商“%2”。</translation>
    </message>
    <message>
        <source>The route for &quot;%1&quot; has no upstream model.</source>
        <translation>“%1”的路由未指定上游模型。</translation>
    </message>
    <message>
        <source>The route for &quot;%1&quot;: &quot;when&quot; must be one of %2.</source>
        <translation>“%1”的路由：&quot;when&quot; 必须是以下值之一：%2。</translation>
    </message>
    <message>
        <source>The route for &quot;%1&quot; falls back to the unknown provider &quot;%2&quot;.</source>
        <translation>“%1”的路由回退到了未知服务商“%2”。</translation>
    </message>
    <message>
        <source>Web search on SearXNG needs the address of a SearXNG instance (webSearch.url).</source>
        <translation>使用 SearXNG 进行网页搜索需要 SearXNG 实例的地址（webSearch.url）。</translation>
    </message>
    <message>
        <source>Web search: &quot;%1&quot; is not an http(s) URL.</source>
        <translation>网页搜索：“%1”不是 http(s) URL。</translation>
    </message>
    <message>
        <source>Web search: the environment variable %1 that should hold the %2 key is not set.</source>
        <translation>网页搜索：应保存 %2 密钥的环境变量 %1 未设置。</translation>
    </message>
    <message>
        <source>Web search on %1 needs its API key (webSearch.apiKeyEnv).</source>
        <translation>使用 %1 进行网页搜索需要其 API 密钥（webSearch.apiKeyEnv）。</translation>
    </message>
</context>
<context>
    <name>ProxyController</name>
    <message>
        <source>The API key of %1 could not be read from the keychain: %2</source>
        <translation>无法从系统钥匙串读取 %1 的 API 密钥：%2</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3</source>
        <translation>无法在 %1:%2 上监听：%3</translation>
    </message>
    <message>
        <source>CC Bridge was stopped.</source>
        <translation>CC Bridge 已停止。</translation>
    </message>
    <message>
        <source>The token of profile %1 could not be read from the keychain: %2</source>
        <translation>无法从钥匙串读取配置方案 %1 的令牌：%2</translation>
    </message>
    <message>
        <source>The client token could not be read from the keychain, so any program on this computer can use the proxy. %1</source>
        <translation>无法从钥匙串读取客户端令牌，因此这台计算机上的任何程序都可以使用代理。%1</translation>
    </message>
    <message>
        <source>No client token could be stored in the keychain, so any program on this computer can use the proxy. %1</source>
        <translation>无法在钥匙串中保存客户端令牌，因此这台计算机上的任何程序都可以使用代理。%1</translation>
    </message>
    <message>
        <source>The web search key could not be read from the keychain: %1</source>
        <translation>无法从钥匙串读取网页搜索密钥：%1</translation>
    </message>
</context>
<context>
    <name>ProxyEngine</name>
    <message>
        <source>CC Bridge is moving to a new address, %1; send the request there.</source>
        <translation>CC Bridge 正在迁移到新地址 %1；请将请求发送到该地址。</translation>
    </message>
</context>
<context>
    <name>ProxyExchange</name>
    <message>
        <source>%1 does not serve the model &quot;%2&quot;. Its models: %3.</source>
        <translation>%1 不提供模型“%2”。其可用模型：%3。</translation>
    </message>
    <message>
        <source>fallback from %1: it does not serve %2</source>
        <translation>从 %1 回退：该服务商不提供 %2</translation>
    </message>
    <message>
        <source>model name corrected to %1</source>
        <translation>模型名称已更正为 %1</translation>
    </message>
    <message>
        <source>%1 is busy: too many requests are waiting for it.</source>
        <translation>%1 繁忙：等待中的请求过多。</translation>
    </message>
    <message>
        <source>fallback from %1: its queue is full</source>
        <translation>从 %1 回退：其队列已满</translation>
    </message>
    <message>
        <source>The upstream sent an event larger than %1 bytes.</source>
        <translation>上游发送的事件超过 %1 字节。</translation>
    </message>
    <message>
        <source>The upstream response is larger than %1 bytes.</source>
        <translation>上游响应超过 %1 字节。</translation>
    </message>
    <message>
        <source>The upstream stream ended before the answer was complete.</source>
        <translation>上游流式响应在回答完成前就已结束。</translation>
    </message>
    <message>
        <source>The upstream closed the connection without a response.</source>
        <translation>上游未返回响应就关闭了连接。</translation>
    </message>
    <message>
        <source>Upstream %1: %2</source>
        <translation>上游 %1：%2</translation>
    </message>
    <message>
        <source>The client closed the connection.</source>
        <translation>客户端已关闭连接。</translation>
    </message>
    <message>
        <source>The request took longer than %1 s.</source>
        <translation>请求耗时超过 %1 秒。</translation>
    </message>
    <message>
        <source>connection failure</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <source>retry %1 on %2 after %3, in %4 ms</source>
        <translation>第 %1 次重试 %2（原因：%3），%4 ms 后进行</translation>
    </message>
    <message>
        <source>fallback from %1 after %2 to %3/%4</source>
        <translation>从 %1 回退到 %3/%4（原因：%2）</translation>
    </message>
    <message>
        <source>The upstream answered with something that is not JSON: %1</source>
        <translation>上游返回的内容不是 JSON：%1</translation>
    </message>
    <message>
        <source>web search &quot;%1&quot; failed on %2 after %3 ms: %4</source>
        <translation>网页搜索“%1”在 %2 上 %3 毫秒后失败：%4</translation>
    </message>
    <message>
        <source>web search &quot;%1&quot; on %2 in %3 ms: %4 found</source>
        <translation>网页搜索“%1”在 %2 上用时 %3 毫秒：找到 %4 条</translation>
    </message>
</context>
<context>
    <name>ProxyService</name>
    <message>
        <source>No profile at %1.</source>
        <translation>路径 %1 下没有配置方案。</translation>
    </message>
    <message>
        <source>Invalid or missing client token: send it as x-api-key or Authorization: Bearer (ANTHROPIC_AUTH_TOKEN in Claude Code).</source>
        <translation>客户端令牌无效或缺失：请通过 x-api-key 或 Authorization: Bearer 发送（在 Claude Code 中为 ANTHROPIC_AUTH_TOKEN）。</translation>
    </message>
    <message>
        <source>%1 does not support %2.</source>
        <translation>%1 不支持 %2。</translation>
    </message>
    <message>
        <source>Not found: %1 %2</source>
        <translation>未找到：%1 %2</translation>
    </message>
    <message>
        <source>No route for the model &quot;%1&quot;. Known models: %2.</source>
        <translation>没有模型“%1”的路由。已知模型：%2。</translation>
    </message>
    <message>
        <source>This profile passes your own API key to the provider: send it as x-api-key or Authorization: Bearer.</source>
        <translation>此配置方案会将你自己的 API 密钥转发给服务商：请通过 x-api-key 或 Authorization: Bearer 发送。</translation>
    </message>
    <message>
        <source>Model not found: %1</source>
        <translation>未找到模型：%1</translation>
    </message>
    <message>
        <source>The request body is not valid JSON: %1 at offset %2.</source>
        <translation>请求体不是有效的 JSON：%1（偏移量 %2）。</translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation>请求体必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>Invalid or missing client token.</source>
        <translation>客户端令牌无效或缺失。</translation>
    </message>
    <message>
        <source>%1 cannot see images, and no vision route is set to describe them for it. Add a route with &quot;when&quot;: &quot;vision&quot; and a model that takes images (the Routes page, or &quot;routes&quot; in the configuration file), or route this model to one that takes images.</source>
        <translation>%1 无法查看图片，且没有设置用于描述图片的 vision 路由。请添加一条 &quot;when&quot;: &quot;vision&quot; 且模型支持图片的路由（在“路由”页面，或配置文件的 &quot;routes&quot; 中），或将此模型路由到支持图片的模型。</translation>
    </message>
    <message>
        <source>images described by %1 for %2: %3 now (%4 ms), %5 remembered</source>
        <translation>图片由 %1 为 %2 描述：本次 %3 张（%4 毫秒），缓存 %5 张</translation>
    </message>
    <message>
        <source>%1 reads no PDF files, and the text of a PDF in the request could not be extracted: %2. Install poppler-utils (pdftotext), or route the request to a provider that reads PDFs.</source>
        <translation>%1 不读取 PDF 文件，且无法提取请求中某个 PDF 的文本：%2。请安装 poppler-utils（pdftotext），或将请求路由到能读取 PDF 的提供商。</translation>
    </message>
    <message>
        <source>PDF text extracted for %1: %2 now (%3 ms), %4 remembered</source>
        <translation>已为 %1 提取 PDF 文本：本次 %2 个（%3 毫秒），缓存 %4 个</translation>
    </message>
</context>
<context>
    <name>RequestGuard</name>
    <message>
        <source>CC Bridge answers only requests addressed to it, and &quot;Host: %1&quot; is not localhost, a loopback address or the address it listens on. If clients reach it under that name, add the name to allowedHosts in the configuration.</source>
        <translation>CC Bridge 只响应发给它自己的请求，而“Host: %1”既不是 localhost，也不是回环地址或它监听的地址。如果客户端通过这个名称访问它，请将该名称添加到配置中的 allowedHosts。</translation>
    </message>
    <message>
        <source>Requests from web pages are refused: the origin %1 is not in corsOrigins in the configuration.</source>
        <translation>来自网页的请求会被拒绝：来源 %1 不在配置的 corsOrigins 中。</translation>
    </message>
    <message>
        <source>Send the request body as JSON, with Content-Type: application/json (this request&apos;s Content-Type: &quot;%1&quot;).</source>
        <translation>请以 JSON 发送请求正文，并使用 Content-Type: application/json（此请求的 Content-Type：“%1”）。</translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 → %2/%3</source>
        <translation>%1 → %2/%3</translation>
    </message>
    <message>
        <source>stream</source>
        <translation>流式</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Model → provider/model</source>
        <translation>模型 → 服务商/模型</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>流式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>First byte</source>
        <translation>首字节</translation>
    </message>
    <message>
        <source>In</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>缓存</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>Filter by model, provider, status or error</source>
        <translation>按模型、服务商、状态或错误筛选</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Show all requests, only those that succeeded, or only those that failed</source>
        <translation>显示全部请求、仅成功的请求或仅失败的请求</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>全部服务商</translation>
    </message>
    <message>
        <source>Show the requests sent to one provider</source>
        <translation>显示发送到某个服务商的请求</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Select a request to see what happened to it.</source>
        <translation>选择一个请求以查看其详情。</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>复制为 curl</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>请求：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>错误：</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>延迟：</translation>
    </message>
    <message>
        <source>First byte:</source>
        <translation>首字节：</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Token 数：</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>尝试次数：</translation>
    </message>
    <message>
        <source>Requests: %1</source>
        <translation>请求数：%1</translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation>显示 %2 条中的 %1 条</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>请求 %1</translation>
    </message>
    <message>
        <source>%1 (streaming)</source>
        <translation>%1（流式）</translation>
    </message>
    <message>
        <source>%1 (no provider reached)</source>
        <translation>%1（未连接到任何服务商）</translation>
    </message>
    <message>
        <source>%1 → %2 / %3</source>
        <translation>%1 → %2 / %3</translation>
    </message>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>未报告</translation>
    </message>
    <message>
        <source>%1 in · %2 out · %3 cached</source>
        <translation>输入 %1 · 输出 %2 · 缓存 %3</translation>
    </message>
    <message>
        <source>%1 (estimated)</source>
        <translation>%1（估算）</translation>
    </message>
    <message>
        <source>Copy a shell command that sends this request again through the proxy. It reads your token from $ANTHROPIC_AUTH_TOKEN.</source>
        <translation>复制一条 shell 命令，通过代理重新发送此请求。该命令从 $ANTHROPIC_AUTH_TOKEN 读取令牌。</translation>
    </message>
    <message>
        <source>The proxy is not running.</source>
        <translation>代理未在运行。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>request body not kept: this minimal one asks for the same model</source>
        <translation>未保留原请求体：这是一个请求同一模型的最简请求体</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Sent upstream</source>
        <translation>发往上游</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Filter requests</source>
        <translation>筛选请求</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Request and answer bodies</source>
        <translation>请求与响应内容</translation>
    </message>
    <message numerus="yes">
        <source>Not kept: the log keeps the bodies of its newest %n requests only.</source>
        <translation>
            <numerusform>未保留：日志只保留最新 %n 个请求的内容。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RouteTargetEdit</name>
    <message>
        <source>Model name</source>
        <translation>模型名称</translation>
    </message>
    <message>
        <source>%1 (not configured)</source>
        <translation>%1（未配置）</translation>
    </message>
</context>
<context>
    <name>RoutesPage</name>
    <message>
        <source>Opus</source>
        <translation>Opus</translation>
    </message>
    <message>
        <source>Sonnet</source>
        <translation>Sonnet</translation>
    </message>
    <message>
        <source>Haiku</source>
        <translation>Haiku</translation>
    </message>
    <message>
        <source>Any model</source>
        <translation>任意模型</translation>
    </message>
    <message>
        <source>Models matching &quot;%1&quot;</source>
        <translation>匹配“%1”的模型</translation>
    </message>
    <message>
        <source>Any request</source>
        <translation>任意请求</translation>
    </message>
    <message>
        <source>Background requests (haiku-class)</source>
        <translation>后台请求（haiku 级）</translation>
    </message>
    <message>
        <source>Thinking requests</source>
        <translation>思考请求</translation>
    </message>
    <message>
        <source>Long-context requests</source>
        <translation>长上下文请求</translation>
    </message>
    <message>
        <source>Requests with images</source>
        <translation>含图片的请求</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>(no provider)</source>
        <translation>（无服务商）</translation>
    </message>
    <message>
        <source>(no model)</source>
        <translation>（无模型）</translation>
    </message>
    <message>
        <source>Claude Code reaches it under /p/%1 on the proxy&apos;s address.</source>
        <translation>Claude Code 通过代理地址下的 /p/%1 访问它。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation>%1，然后 %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Where Claude Code&apos;s requests go:</source>
        <translation>Claude Code 请求的去向：</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Discard the changes made since the last Apply</source>
        <translation>放弃自上次应用以来所做的更改</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Route s&amp;ets:</source>
        <translation>路由集(&amp;E)：</translation>
    </message>
    <message>
        <source>The default routes answer at the proxy&apos;s address; a profile&apos;s answer under /p/&lt;name&gt;.</source>
        <translation>默认路由在代理地址上响应；配置方案的路由在 /p/&lt;名称&gt; 下响应。</translation>
    </message>
    <message>
        <source>Route sets</source>
        <translation>路由集</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>添加配置方案</translation>
    </message>
    <message>
        <source>A new profile starts as a copy of the default routes.</source>
        <translation>新配置方案以默认路由的副本开始。</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>移除配置方案</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>配置方案名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Empty: the proxy&apos;s own client token</source>
        <translation>留空：使用代理自身的客户端令牌</translation>
    </message>
    <message>
        <source>The environment variable holding the token clients of this profile must send.</source>
        <translation>存放令牌的环境变量，此配置方案的客户端必须发送该令牌。</translation>
    </message>
    <message>
        <source>Client token &amp;variable:</source>
        <translation>客户端令牌变量(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Pass the client&apos;s own API key upstream</source>
        <translation>将客户端自己的 API 密钥转发给上游(&amp;P)</translation>
    </message>
    <message>
        <source>Requests to this profile use the key the client sends instead of the provider&apos;s.</source>
        <translation>发往此配置方案的请求使用客户端发送的密钥，而不是服务商的密钥。</translation>
    </message>
    <message>
        <source>R&amp;outes, the first that matches wins:</source>
        <translation>路由（首个匹配者生效）(&amp;O)：</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Add route</source>
        <translation>添加路由</translation>
    </message>
    <message>
        <source>Remove route</source>
        <translation>移除路由</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move route up</source>
        <translation>上移路由</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move route down</source>
        <translation>下移路由</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Any model (*)</source>
        <translation>任意模型（*）</translation>
    </message>
    <message>
        <source>Custom pattern</source>
        <translation>自定义模式</translation>
    </message>
    <message>
        <source>A pattern on the model name Claude Code asks for: * stands for any text, ? for one character, e.g. claude-*-4-5.</source>
        <translation>匹配 Claude Code 所请求模型名称的模式：* 代表任意文本，? 代表单个字符，例如 claude-*-4-5。</translation>
    </message>
    <message>
        <source>Claude &amp;model:</source>
        <translation>Claude 模型(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Scenario:</source>
        <translation>场景(&amp;S)：</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Goes &amp;to:</source>
        <translation>发往(&amp;T)：</translation>
    </message>
    <message>
        <source>The provider&apos;s limit</source>
        <translation>服务商的上限</translation>
    </message>
    <message>
        <source>Max output to&amp;kens:</source>
        <translation>最大输出 token 数(&amp;K)：</translation>
    </message>
    <message>
        <source>Fallbacks</source>
        <translation>回退目标</translation>
    </message>
    <message>
        <source>Tried in order when the provider fails before it answers.</source>
        <translation>服务商在响应前失败时按顺序尝试。</translation>
    </message>
    <message>
        <source>&amp;Fallbacks:</source>
        <translation>回退目标(&amp;F)：</translation>
    </message>
    <message>
        <source>Add fallback</source>
        <translation>添加回退目标</translation>
    </message>
    <message>
        <source>Remove fallback</source>
        <translation>移除回退目标</translation>
    </message>
    <message>
        <source>Move fallback up</source>
        <translation>上移回退目标</translation>
    </message>
    <message>
        <source>Move fallback down</source>
        <translation>下移回退目标</translation>
    </message>
    <message>
        <source>Fallback provider</source>
        <translation>回退服务商</translation>
    </message>
    <message>
        <source>Fallback model</source>
        <translation>回退模型</translation>
    </message>
    <message>
        <source>Fallback goes to:</source>
        <translation>回退到：</translation>
    </message>
    <message>
        <source>Default routes</source>
        <translation>默认路由</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>配置方案 %1</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>To fix before Apply:</source>
        <translation>应用前需修正：</translation>
    </message>
    <message>
        <source>%1 → no route: such requests fail</source>
        <translation>%1 → 无路由：此类请求将失败</translation>
    </message>
    <message>
        <source>Not applied: fix the problems listed above first.</source>
        <translation>未应用：请先修正上面列出的问题。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>New &amp;token</source>
        <translation>新建令牌(&amp;T)</translation>
    </message>
    <message>
        <source>Make a token of its own for this profile; it is kept in the keychain.</source>
        <translation>为此配置方案生成专属令牌；令牌保存在钥匙串中。</translation>
    </message>
    <message>
        <source>&amp;Copy token</source>
        <translation>复制令牌(&amp;C)</translation>
    </message>
    <message>
        <source>Use the proxy&apos;s to&amp;ken</source>
        <translation>使用代理的令牌(&amp;K)</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>令牌：</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>The routes could not be saved: %1</source>
        <translation>无法保存路由：%1</translation>
    </message>
    <message>
        <source>The profiles could not be saved: %1</source>
        <translation>无法保存配置方案：%1</translation>
    </message>
    <message>
        <source>Nothing was saved: %1 %2</source>
        <translation>未保存任何内容：%1 %2</translation>
    </message>
    <message>
        <source>Saved, but: %1</source>
        <translation>已保存，但：%1</translation>
    </message>
    <message>
        <source>Copied the new token; Apply makes it the profile&apos;s.</source>
        <translation>已复制新令牌；应用后它将成为此配置方案的令牌。</translation>
    </message>
    <message>
        <source>The token could not be read: %1</source>
        <translation>无法读取令牌：%1</translation>
    </message>
    <message>
        <source>Copied the profile&apos;s token.</source>
        <translation>已复制此配置方案的令牌。</translation>
    </message>
    <message>
        <source>A new token of its own; Apply keeps it in the keychain.</source>
        <translation>新的专属令牌；应用后将保存到钥匙串。</translation>
    </message>
    <message>
        <source>A token of its own, kept in the keychain.</source>
        <translation>专属令牌，保存在钥匙串中。</translation>
    </message>
    <message>
        <source>The proxy&apos;s client token.</source>
        <translation>代理的客户端令牌。</translation>
    </message>
    <message>
        <source>The token in the environment variable below.</source>
        <translation>下方环境变量中的令牌。</translation>
    </message>
    <message>
        <source>Web searches</source>
        <translation>网页搜索</translation>
    </message>
    <message>
        <source>Describes images for models that cannot see them</source>
        <translation>为无法查看图片的模型描述图片</translation>
    </message>
    <message>
        <source>As the provider&apos;s preset says</source>
        <translation>按提供商预设</translation>
    </message>
    <message>
        <source>The model sees images</source>
        <translation>模型能查看图片</translation>
    </message>
    <message>
        <source>The model cannot see images: a vision route describes them</source>
        <translation>模型无法查看图片：由 vision 路由描述</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>图片(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>RoutesReview</name>
    <message>
        <source>There are no default routes, so requests outside a profile find no model.</source>
        <translation>没有默认路由，因此配置方案之外的请求将找不到模型。</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>配置方案 %1：%2</translation>
    </message>
    <message>
        <source>A route has no Claude model pattern.</source>
        <translation>有路由未设置 Claude 模型模式。</translation>
    </message>
    <message>
        <source>The pattern &quot;%1&quot; contains a space, which no model name has.</source>
        <translation>模式“%1”包含空格，而模型名称中不会有空格。</translation>
    </message>
    <message>
        <source>The pattern &quot;%1&quot; uses brackets; only * and ? are wildcards here.</source>
        <translation>模式“%1”使用了括号；此处只有 * 和 ? 是通配符。</translation>
    </message>
    <message>
        <source>The route for &quot;%1&quot; is never used: route %2, for &quot;%3&quot;, comes first and takes all its requests.</source>
        <translation>“%1”的路由永远不会被使用：“%3”的路由 %2 排在前面，会接收其全部请求。</translation>
    </message>
    <message>
        <source>The route for &quot;%1&quot; falls back to %2 without naming a model.</source>
        <translation>“%1”的路由回退到 %2，但未指定模型。</translation>
    </message>
</context>
<context>
    <name>SearchBackendApi</name>
    <message>
        <source>%1 answered with something that is not its JSON.</source>
        <translation>%1 返回的内容不是其 JSON。</translation>
    </message>
    <message>
        <source>SearXNG refused the JSON format (403): add json to search.formats in its settings.yml.</source>
        <translation>SearXNG 拒绝了 JSON 格式（403）：请在其 settings.yml 的 search.formats 中添加 json。</translation>
    </message>
    <message>
        <source>%1 rejected the API key (%2).</source>
        <translation>%1 拒绝了 API 密钥（%2）。</translation>
    </message>
    <message>
        <source>%1 is rate limiting the searches (429).</source>
        <translation>%1 正在限制搜索频率（429）。</translation>
    </message>
    <message>
        <source>%1 answered %2.</source>
        <translation>%1 返回了 %2。</translation>
    </message>
    <message>
        <source>%1 answered %2: %3</source>
        <translation>%1 返回了 %2：%3</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No key named &quot;%1&quot; is stored in the keychain.</source>
        <translation>系统钥匙串中没有名为“%1”的密钥。</translation>
    </message>
    <message>
        <source>Could not read the key &quot;%1&quot; from the keychain: %2</source>
        <translation>无法从系统钥匙串读取密钥“%1”：%2</translation>
    </message>
    <message>
        <source>Could not store the key &quot;%1&quot; in the keychain: %2</source>
        <translation>无法将密钥“%1”保存到系统钥匙串：%2</translation>
    </message>
    <message>
        <source>Could not remove the key &quot;%1&quot; from the keychain: %2</source>
        <translation>无法从系统钥匙串删除密钥“%1”：%2</translation>
    </message>
    <message>
        <source>This key is not stored in the OS keychain. Enter it again to store it there, or give it through an environment variable instead.</source>
        <translation>此密钥未保存在系统钥匙串中。请重新输入以保存到系统钥匙串，或改为通过环境变量提供。</translation>
    </message>
    <message>
        <source>No OS keychain is available (Secret Service / KWallet not running). Keys can be given through environment variables instead; CC Bridge never stores them in plain text.</source>
        <translation>系统钥匙串不可用（Secret Service / KWallet 未运行）。可改为通过环境变量提供密钥；CC Bridge 绝不会以明文保存密钥。</translation>
    </message>
    <message>
        <source>No OS keychain is available. Keys can be given through environment variables instead; CC Bridge never stores them in plain text.</source>
        <translation>系统钥匙串不可用。可改为通过环境变量提供密钥；CC Bridge 绝不会以明文保存密钥。</translation>
    </message>
    <message>
        <source>The OS keychain refused access: it may be locked, or access was denied when it asked. Unlock it and try again, or give keys through environment variables instead.</source>
        <translation>系统钥匙串拒绝访问：可能已被锁定，或在请求授权时被拒绝。请解锁后重试，或改为通过环境变量提供密钥。</translation>
    </message>
    <message>
        <source>The OS keychain reported an error. Try again; if it keeps failing, give keys through environment variables instead. CC Bridge never stores them in plain text.</source>
        <translation>系统钥匙串报告了错误。请重试；如果仍然失败，请改为通过环境变量提供密钥。CC Bridge 绝不会以明文保存密钥。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>It looks like it holds a secret; secrets belong in the keychain.</source>
        <translation>它似乎包含机密信息；机密信息应保存在钥匙串中。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; looks like it holds a secret; secrets belong in the keychain.</source>
        <translation>“%1”似乎包含机密信息；机密信息应保存在钥匙串中。</translation>
    </message>
    <message>
        <source>Cannot write the configuration %1: %2</source>
        <translation>无法写入配置 %1：%2</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Enter an IPv4 or IPv6 address, such as 192.168.1.20.</source>
        <translation>请输入 IPv4 或 IPv6 地址，例如 192.168.1.20。</translation>
    </message>
    <message>
        <source>A client token is required when listening beyond this machine.</source>
        <translation>监听范围超出本机时，必须设置客户端令牌。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Start CC Bridge when I log in</source>
        <translation>登录时启动 CC Bridge</translation>
    </message>
    <message>
        <source>Start the proxy when CC Bridge starts</source>
        <translation>CC Bridge 启动时自动启动代理</translation>
    </message>
    <message>
        <source>This computer only (127.0.0.1)</source>
        <translation>仅本机（127.0.0.1）</translation>
    </message>
    <message>
        <source>All network interfaces (0.0.0.0)</source>
        <translation>所有网络接口（0.0.0.0）</translation>
    </message>
    <message>
        <source>Custom address</source>
        <translation>自定义地址</translation>
    </message>
    <message>
        <source>IP address of this computer</source>
        <translation>本机的 IP 地址</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Listen on:</source>
        <translation>监听地址：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>No token</source>
        <translation>无令牌</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Client Token</source>
        <translation>客户端令牌</translation>
    </message>
    <message>
        <source>Clients send this token to use the proxy. Claude Code gets it from the snippets on the Claude Code page.</source>
        <translation>客户端需发送此令牌才能使用代理。Claude Code 通过 Claude Code 页面中的代码片段获取该令牌。</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Connect:</source>
        <translation>连接：</translation>
    </message>
    <message>
        <source>Read:</source>
        <translation>读取：</translation>
    </message>
    <message>
        <source>Whole request:</source>
        <translation>整个请求：</translation>
    </message>
    <message>
        <source>Keep-alive ping every:</source>
        <translation>保活 ping 间隔：</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Requests kept in the log:</source>
        <translation>日志中保留的请求数：</translation>
    </message>
    <message>
        <source>Usage statistics kept for:</source>
        <translation>用量统计保留时长：</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用程序</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>A new language is used the next time CC Bridge starts.</source>
        <translation>新语言将在下次启动 CC Bridge 时生效。</translation>
    </message>
    <message>
        <source>A new token was made. Clients still using the old one are refused until they get the new one: copy the snippet on the Claude Code page again.</source>
        <translation>已生成新令牌。仍在使用旧令牌的客户端将被拒绝，直到换用新令牌：请重新复制 Claude Code 页面中的代码片段。</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Attempts per provider:</source>
        <translation>每个服务商的尝试次数：</translation>
    </message>
    <message>
        <source>First backoff up to:</source>
        <translation>首次退避最长：</translation>
    </message>
    <message>
        <source>Requests from clients</source>
        <translation>客户端请求</translation>
    </message>
    <message>
        <source>Largest headers:</source>
        <translation>请求头上限：</translation>
    </message>
    <message>
        <source>Largest body:</source>
        <translation>请求体上限：</translation>
    </message>
    <message>
        <source>Time to send headers:</source>
        <translation>发送请求头时限：</translation>
    </message>
    <message>
        <source>Idle connections close after:</source>
        <translation>空闲连接关闭时间：</translation>
    </message>
    <message>
        <source>Long context above:</source>
        <translation>长上下文阈值：</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Configuration File</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>Kept in %1. The headless proxy (ccbridge --headless) serves the same file. Export it to share a setup with your team: keys are never in it, and an import asks for the missing ones.</source>
        <translation>保存在 %1 中。无界面代理（ccbridge --headless）使用同一文件。可将其导出以便与团队共享配置：文件中绝不包含密钥，导入时会提示输入缺少的密钥。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the configuration</source>
        <translation>导出配置</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import a configuration</source>
        <translation>导入配置</translation>
    </message>
    <message>
        <source>Export Configuration</source>
        <translation>导出配置</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Import Configuration</source>
        <translation>导入配置</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>Nothing was imported:
%1</source>
        <translation>未导入任何内容：
%1</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>已导入 %1。</translation>
    </message>
    <message>
        <source>Requests finish at quit within:</source>
        <translation>退出时请求完成时限：</translation>
    </message>
    <message>
        <source>Longest wait before a retry:</source>
        <translation>重试前最长等待：</translation>
    </message>
    <message>
        <source>Client waits at most:</source>
        <translation>客户端最多等待：</translation>
    </message>
</context>
<context>
    <name>SetupCheckPanel</name>
    <message>
        <source>Setup Check</source>
        <translation>设置检查</translation>
    </message>
    <message>
        <source>Checks Claude Code, the variables that point it somewhere, CC Bridge and each provider with its key and models, as ccbridge doctor does in a terminal.</source>
        <translation>检查 Claude Code、使其指向别处的变量、CC Bridge 以及每个提供商的密钥和模型，与终端中的 ccbridge doctor 相同。</translation>
    </message>
    <message>
        <source>Check Setup</source>
        <translation>检查设置</translation>
    </message>
    <message>
        <source>Setup findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>OK: %1</source>
        <translation>正常：%1</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>修复：%1</translation>
    </message>
    <message>
        <source>Everything is set up.</source>
        <translation>一切均已设置好。</translation>
    </message>
    <message>
        <source>Problems found: %1.</source>
        <translation>发现的问题：%1。</translation>
    </message>
</context>
<context>
    <name>SetupDoctor</name>
    <message>
        <source>Install it: npm install -g @anthropic-ai/claude-code</source>
        <translation>安装方法：npm install -g @anthropic-ai/claude-code</translation>
    </message>
    <message>
        <source>Claude Code (claude) was not found on PATH.</source>
        <translation>在 PATH 中找不到 Claude Code（claude）。</translation>
    </message>
    <message>
        <source>Claude Code %1 at %2.</source>
        <translation>Claude Code %1，位于 %2。</translation>
    </message>
    <message>
        <source>%1 did not say its version.</source>
        <translation>%1 未给出其版本。</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>Unset it, or start Claude Code with ccbridge code, or set its environment with: eval &quot;$(ccbridge env)&quot;</source>
        <translation>取消设置它，或用 ccbridge code 启动 Claude Code，或用以下命令设置其环境：eval &quot;$(ccbridge env)&quot;</translation>
    </message>
    <message>
        <source>%1 is %2 in this environment, where CC Bridge needs %3.</source>
        <translation>%1 在此环境中为 %2，而 CC Bridge 需要 %3。</translation>
    </message>
    <message>
        <source>its own value</source>
        <translation>它自己的值</translation>
    </message>
    <message>
        <source>%1 sets %2 to %3, which points Claude Code elsewhere.</source>
        <translation>%1 将 %2 设为 %3，使 Claude Code 指向别处。</translation>
    </message>
    <message>
        <source>Remove that setting, or give it the value ccbridge env prints.</source>
        <translation>删除该设置，或将其设为 ccbridge env 打印的值。</translation>
    </message>
    <message>
        <source>Nothing in this environment, the shell profiles or Claude Code&apos;s settings points Claude Code elsewhere.</source>
        <translation>此环境、shell 配置文件和 Claude Code 的设置中没有任何内容使 Claude Code 指向别处。</translation>
    </message>
    <message>
        <source>CC Bridge answers at %1.</source>
        <translation>CC Bridge 在 %1 响应。</translation>
    </message>
    <message>
        <source>Nothing answers at %1, where Claude Code is sent.</source>
        <translation>Claude Code 被指向的 %1 无任何响应。</translation>
    </message>
    <message>
        <source>Start CC Bridge (the window&apos;s Start, or ccbridge --headless), or start Claude Code with ccbridge code, which runs one for the session.</source>
        <translation>启动 CC Bridge（窗口中的“启动”，或 ccbridge --headless），或用 ccbridge code 启动 Claude Code，它会为本次会话运行一个。</translation>
    </message>
    <message>
        <source>%1 answers at %2 and accepts the key.</source>
        <translation>%1 在 %2 响应并接受该密钥。</translation>
    </message>
    <message>
        <source>%1 serves %2 (route %3).</source>
        <translation>%1 提供 %2（路由 %3）。</translation>
    </message>
    <message>
        <source>%1 does not list %2, which route %3 asks for.</source>
        <translation>%1 未列出路由 %3 所需的 %2。</translation>
    </message>
    <message>
        <source>Choose one of its models in the Routes tab: %1.</source>
        <translation>请在“路由”标签页中选择其模型之一：%1。</translation>
    </message>
    <message>
        <source>%1 rejected the key (HTTP %2).</source>
        <translation>%1 拒绝了该密钥（HTTP %2）。</translation>
    </message>
    <message>
        <source>Paste a valid key for %1 in the window&apos;s Providers tab.</source>
        <translation>请在窗口的“提供商”标签页中粘贴 %1 的有效密钥。</translation>
    </message>
    <message>
        <source>Put a valid key in %1, or in the window&apos;s Providers tab.</source>
        <translation>请在 %1 或窗口的“提供商”标签页中提供有效密钥。</translation>
    </message>
    <message>
        <source>%1 could not be reached at %2: %3</source>
        <translation>无法通过 %2 访问 %1：%3</translation>
    </message>
    <message>
        <source>Check its base URL, and the network or HTTPS_PROXY on the way.</source>
        <translation>请检查其基础 URL，以及途中的网络或 HTTPS_PROXY。</translation>
    </message>
    <message>
        <source>%1 at %2 answered: %3</source>
        <translation>%1（%2）的回答：%3</translation>
    </message>
    <message>
        <source>Check its base URL in the Providers tab.</source>
        <translation>请在“提供商”标签页中检查其基础 URL。</translation>
    </message>
    <message>
        <source>The main model %1 has a %2-token window, below the smallest Claude Code compacts at; CC Bridge answers its overflows as &quot;prompt is too long&quot;, which makes Claude Code compact.</source>
        <translation>主模型 %1 的上下文窗口为 %2 个 token，低于 Claude Code 能压缩的最小值；CC Bridge 会把溢出回答为“prompt is too long”，使 Claude Code 进行压缩。</translation>
    </message>
    <message>
        <source>The main model %1 has a %2-token window and Claude Code compacts before it (%3=%4).</source>
        <translation>主模型 %1 的上下文窗口为 %2 个 token，Claude Code 会在此之前压缩（%3=%4）。</translation>
    </message>
    <message>
        <source>The main model %1 has a %2-token window, smaller than Claude Code assumes, and %3 is not set: long sessions fail before Claude Code compacts.</source>
        <translation>主模型 %1 的上下文窗口为 %2 个 token，小于 Claude Code 的假设，且未设置 %3：长会话会在 Claude Code 压缩之前失败。</translation>
    </message>
    <message>
        <source>Start Claude Code with ccbridge code, or set its environment with eval &quot;$(ccbridge env)&quot; or the window&apos;s Apply to settings.json.</source>
        <translation>用 ccbridge code 启动 Claude Code，或用 eval &quot;$(ccbridge env)&quot; 或窗口中的“应用到 settings.json”设置其环境。</translation>
    </message>
    <message>
        <source>%1 when %2</source>
        <translation>%1（%2 时）</translation>
    </message>
</context>
<context>
    <name>ShutdownSignals</name>
    <message>
        <source>SIGTERM and SIGINT cannot be caught (%1): they end CC Bridge at once.</source>
        <translation>无法捕获 SIGTERM 和 SIGINT（%1）：它们会立即结束 CC Bridge。</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>CC Bridge: no requests yet</source>
        <translation>CC Bridge：尚无请求</translation>
    </message>
    <message>
        <source>%1 failed (%2)</source>
        <translation>%1 失败（%2）</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>today %1 tokens</source>
        <translation>今日 %1 个 token</translation>
    </message>
    <message>
        <source>CC Bridge is not running at %1</source>
        <translation>CC Bridge 未在 %1 运行</translation>
    </message>
    <message>
        <source>CC Bridge at %1 refused the client token</source>
        <translation>%1 上的 CC Bridge 拒绝了客户端令牌</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Routes</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Copy environment for fish</source>
        <translation>复制 fish 环境变量</translation>
    </message>
    <message>
        <source>Copy environment for PowerShell</source>
        <translation>复制 PowerShell 环境变量</translation>
    </message>
    <message>
        <source>Copy environment for bash/zsh</source>
        <translation>复制 bash/zsh 环境变量</translation>
    </message>
    <message>
        <source>Open CC Bridge</source>
        <translation>打开 CC Bridge</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>CC Bridge</source>
        <translation>CC Bridge</translation>
    </message>
    <message>
        <source>Running on %1</source>
        <translation>正在 %1 上运行</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Not running: %1</source>
        <translation>未运行：%1</translation>
    </message>
    <message>
        <source>Routes: default</source>
        <translation>路由：默认</translation>
    </message>
    <message>
        <source>Routes: %1</source>
        <translation>路由：%1</translation>
    </message>
    <message>
        <source>Today: %1 tokens in, %2 out</source>
        <translation>今日：输入 %1 token，输出 %2</translation>
    </message>
    <message>
        <source>Stop proxy</source>
        <translation>停止代理</translation>
    </message>
    <message>
        <source>Start proxy</source>
        <translation>启动代理</translation>
    </message>
    <message>
        <source>Default routes</source>
        <translation>默认路由</translation>
    </message>
</context>
<context>
    <name>UpstreamApiName</name>
    <message>
        <source>%1: &quot;%2&quot; is not an API format CC Bridge knows (known: %3).</source>
        <translation>%1：“%2”不是 CC Bridge 支持的 API 格式（支持：%3）。</translation>
    </message>
</context>
<context>
    <name>UpstreamCall</name>
    <message>
        <source>The upstream sent nothing for %1 s.</source>
        <translation>上游已 %1 秒未发送任何数据。</translation>
    </message>
    <message>
        <source>Could not reach the upstream within the connect timeout.</source>
        <translation>在连接超时时间内未能连接到上游。</translation>
    </message>
    <message>
        <source>The upstream %1 closed the connection (%2).</source>
        <translation>上游 %1 关闭了连接（%2）。</translation>
    </message>
    <message>
        <source>Could not resolve the upstream host %1 (DNS).</source>
        <translation>无法解析上游主机 %1（DNS）。</translation>
    </message>
    <message>
        <source>The upstream %1 refused the connection.</source>
        <translation>上游 %1 拒绝了连接。</translation>
    </message>
    <message>
        <source>The upstream %1 closed the connection.</source>
        <translation>上游 %1 关闭了连接。</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2</source>
        <translation>与 %1 的 TLS 握手失败：%2</translation>
    </message>
    <message>
        <source>The proxy to %1 failed: %2</source>
        <translation>通往 %1 的代理失败：%2</translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2</source>
        <translation>与 %1 的连接失败：%2</translation>
    </message>
    <message>
        <source>The upstream %1 sent a malformed response: %2</source>
        <translation>上游 %1 发送了格式错误的响应：%2</translation>
    </message>
    <message>
        <source>The upstream %1 sent a corrupt compressed body.</source>
        <translation>上游 %1 发送了损坏的压缩正文。</translation>
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message>
        <source>%1B</source>
        <translation>%1B</translation>
    </message>
    <message>
        <source>%1M</source>
        <translation>%1M</translation>
    </message>
    <message>
        <source>%1k</source>
        <translation>%1k</translation>
    </message>
    <message>
        <source>Tokens per day</source>
        <translation>每日 token 数</translation>
    </message>
    <message>
        <source>Requests: %1</source>
        <translation>请求数：%1</translation>
    </message>
    <message>
        <source>Input: %1</source>
        <translation>输入：%1</translation>
    </message>
    <message>
        <source>Cached input: %1</source>
        <translation>缓存输入：%1</translation>
    </message>
    <message>
        <source>Output: %1</source>
        <translation>输出：%1</translation>
    </message>
    <message>
        <source>Errors: %1</source>
        <translation>错误数：%1</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Cached input</source>
        <translation>缓存输入</translation>
    </message>
    <message>
        <source>No tokens used in this period</source>
        <translation>此期间内未使用任何 token</translation>
    </message>
</context>
<context>
    <name>UsagePage</name>
    <message>
        <source>&lt; %1</source>
        <translation>&lt; %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>输入 token</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>输出 token</translation>
    </message>
    <message>
        <source>Cached tokens</source>
        <translation>缓存 token</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误数</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>预估费用</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>缓存</translation>
    </message>
    <message>
        <source>Est. cost</source>
        <translation>预估费用</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No list price is known for the models used in this period.</source>
        <translation>此期间使用的模型均无已知的标价。</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>At list prices. Some models used in this period have no known price and are not counted.</source>
        <translation>按标价计算。此期间使用的部分模型价格未知，未计入。</translation>
    </message>
    <message>
        <source>At list prices; what your provider bills may differ.</source>
        <translation>按标价计算；服务商的实际账单可能有所不同。</translation>
    </message>
    <message>
        <source>(no provider)</source>
        <translation>（无服务商）</translation>
    </message>
    <message>
        <source>Requests that failed before reaching a provider</source>
        <translation>在到达服务商之前就已失败的请求</translation>
    </message>
    <message>
        <source>Usage by day and model</source>
        <translation>按日期和模型统计的用量</translation>
    </message>
</context>
<context>
    <name>UsageStats</name>
    <message>
        <source>Could not save the usage statistics to %1: %2</source>
        <translation>无法将用量统计保存到 %1：%2</translation>
    </message>
    <message>
        <source>Could not read the usage statistics in %1 (%2); this session&apos;s usage will not be saved.</source>
        <translation>无法读取 %1 中的用量统计（%2）；本次会话的用量将不会保存。</translation>
    </message>
    <message>
        <source>not a version %1 usage file</source>
        <translation>不是版本 %1 的用量文件</translation>
    </message>
    <message>
        <source>it has no rows</source>
        <translation>文件中没有数据行</translation>
    </message>
    <message>
        <source>a row without a day, provider or model</source>
        <translation>某行缺少日期、服务商或模型</translation>
    </message>
    <message>
        <source>%1 is not a count</source>
        <translation>%1 不是有效的计数</translation>
    </message>
    <message>
        <source>The usage statistics in %1 could not be read (%2); moved to %3, starting afresh.</source>
        <translation>无法读取 %1 中的用量统计（%2）；已将其移至 %3，并重新开始统计。</translation>
    </message>
    <message>
        <source>The usage statistics in %1 could not be read (%2) nor moved aside; this session&apos;s usage will not be saved.</source>
        <translation>无法读取 %1 中的用量统计（%2），也无法将其移走；本次会话的用量将不会保存。</translation>
    </message>
</context>
<context>
    <name>WebSearchBox</name>
    <message>
        <source>Web search</source>
        <translation>网页搜索</translation>
    </message>
    <message>
        <source>Claude Code&apos;s WebSearch needs a search engine. For providers without one of their own, CC Bridge runs the searches on this service and the model reads the results.</source>
        <translation>Claude Code 的 WebSearch 需要搜索引擎。对没有自带搜索的提供商，CC Bridge 会在此服务上执行搜索，并让模型读取结果。</translation>
    </message>
    <message>
        <source>Web search backend</source>
        <translation>网页搜索后端</translation>
    </message>
    <message>
        <source>Off: the tool is dropped</source>
        <translation>关闭：不提供该工具</translation>
    </message>
    <message>
        <source>SearXNG (self-hosted, no key)</source>
        <translation>SearXNG（自建，无需密钥）</translation>
    </message>
    <message>
        <source>Brave Search API</source>
        <translation>Brave Search API</translation>
    </message>
    <message>
        <source>Tavily</source>
        <translation>Tavily</translation>
    </message>
    <message>
        <source>Web search address</source>
        <translation>网页搜索地址</translation>
    </message>
    <message>
        <source>Web search API key</source>
        <translation>网页搜索 API 密钥</translation>
    </message>
    <message>
        <source>Paste the key; it is kept in the keychain</source>
        <translation>粘贴密钥；它将保存在钥匙串中</translation>
    </message>
    <message>
        <source>Search on:</source>
        <translation>搜索服务：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>Results per search:</source>
        <translation>每次搜索结果数：</translation>
    </message>
    <message>
        <source>Without a keychain, the key comes from the configuration&apos;s webSearch.apiKeyEnv variable.</source>
        <translation>没有钥匙串时，密钥来自配置中 webSearch.apiKeyEnv 指定的变量。</translation>
    </message>
    <message>
        <source>A key is saved in the keychain.</source>
        <translation>钥匙串中已保存密钥。</translation>
    </message>
    <message>
        <source>%1 needs its API key.</source>
        <translation>%1 需要其 API 密钥。</translation>
    </message>
    <message>
        <source>Saving the key…</source>
        <translation>正在保存密钥…</translation>
    </message>
    <message>
        <source>The key could not be saved: %1</source>
        <translation>无法保存密钥：%1</translation>
    </message>
</context>
<context>
    <name>WebSearcher</name>
    <message>
        <source>The search backend&apos;s answer is larger than %1 bytes.</source>
        <translation>搜索后端的响应超过 %1 字节。</translation>
    </message>
    <message>
        <source>The search backend cannot be reached: %1</source>
        <translation>无法连接搜索后端：%1</translation>
    </message>
    <message>
        <source>The search backend did not answer in time: %1</source>
        <translation>搜索后端未及时响应：%1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The configuration is valid.
</source>
        <translation>配置有效。
</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3
</source>
        <translation>无法在 %1:%2 上监听：%3
</translation>
    </message>
    <message>
        <source>No display found: running without a window.
</source>
        <translation>未找到显示器：将以无窗口模式运行。
</translation>
    </message>
    <message>
        <source>CC Bridge %1 listening on %2
</source>
        <translation>CC Bridge %1 正在监听 %2
</translation>
    </message>
    <message>
        <source>No system tray was found: CC Bridge runs as long as this window is open.</source>
        <translation>未找到系统托盘：CC Bridge 仅在此窗口打开期间运行。</translation>
    </message>
    <message>
        <source>The configuration given on the command line is used with --headless only; the window uses the providers set up here.</source>
        <translation>命令行指定的配置仅在使用 --headless 时生效；窗口模式使用此处设置的服务商。</translation>
    </message>
    <message>
        <source>Restart CC Bridge to see every text in the new language.</source>
        <translation>重启 CC Bridge 后所有文字将以新语言显示。</translation>
    </message>
    <message>
        <source>No configuration yet: set CC Bridge up in its window, or give --config &lt;file&gt;, --preset &lt;id&gt;, or --upstream &lt;url&gt; --model &lt;name&gt; [--api-key-env &lt;variable&gt;].
</source>
        <translation>尚无配置：请在 CC Bridge 窗口中进行设置，或指定 --config &lt;文件&gt;、--preset &lt;ID&gt; 或 --upstream &lt;URL&gt; --model &lt;名称&gt; [--api-key-env &lt;变量&gt;]。
</translation>
    </message>
    <message>
        <source>The configuration %1 is valid.
</source>
        <translation>配置 %1 有效。
</translation>
    </message>
    <message>
        <source>CC Bridge %1 listening on %2 (configuration: %3)
</source>
        <translation>CC Bridge %1 正在监听 %2（配置：%3）
</translation>
    </message>
    <message>
        <source>No client token is set, so any program on this computer can use the proxy and your providers&apos; keys (web pages cannot). %1
</source>
        <translation>未设置客户端令牌，因此这台计算机上的任何程序都可以使用代理和您服务商的密钥（网页不能）。%1
</translation>
    </message>
    <message>
        <source>Open CC Bridge&apos;s window once: it makes one and shows Claude Code&apos;s environment with it.</source>
        <translation>请打开一次 CC Bridge 的窗口：它会生成一个令牌，并显示包含该令牌的 Claude Code 环境变量。</translation>
    </message>
    <message>
        <source>To require one, put a random value in an environment variable, add --client-token-env &lt;variable&gt; (&quot;clientTokenEnv&quot; in a config file), and give Claude Code the same value as ANTHROPIC_AUTH_TOKEN.</source>
        <translation>如需要求令牌，请将一个随机值放入环境变量，添加 --client-token-env &lt;变量&gt;（配置文件中为 &quot;clientTokenEnv&quot;），并将同一个值作为 ANTHROPIC_AUTH_TOKEN 提供给 Claude Code。</translation>
    </message>
    <message>
        <source>CC Bridge is shutting down: requests in flight get up to %1 s to finish. Press Ctrl+C again to stop at once.
</source>
        <translation>CC Bridge 正在关闭：进行中的请求最多有 %1 秒完成。再次按 Ctrl+C 可立即停止。
</translation>
    </message>
    <message>
        <source>Claude Code could not be started: %1
</source>
        <translation>无法启动 Claude Code：%1
</translation>
    </message>
    <message>
        <source>Claude Code (claude) was not found on PATH. Install it with: npm install -g @anthropic-ai/claude-code
</source>
        <translation>在 PATH 中找不到 Claude Code（claude）。请用以下命令安装：npm install -g @anthropic-ai/claude-code
</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2
</source>
        <translation>无法在 %1 上监听：%2
</translation>
    </message>
    <message>
        <source>[ok] %1
</source>
        <translation>[正常] %1
</translation>
    </message>
    <message>
        <source>[problem] %1
          fix: %2
</source>
        <translation>[问题] %1
          修复：%2
</translation>
    </message>
    <message>
        <source>Everything is set up.
</source>
        <translation>一切均已设置好。
</translation>
    </message>
    <message>
        <source>Problems found: %1.
</source>
        <translation>发现的问题：%1。
</translation>
    </message>
</context>
</TS>
