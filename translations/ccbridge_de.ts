<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Autostart</name>
    <message>
        <source>No program was given to start at login.</source>
        <translation>Es wurde kein Programm zum Starten bei der Anmeldung angegeben.</translation>
    </message>
    <message>
        <source>Could not change the registry key %1.</source>
        <translation>Der Registrierungsschlüssel %1 konnte nicht geändert werden.</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Could not write %1 (%2).</source>
        <translation>%1 konnte nicht geschrieben werden (%2).</translation>
    </message>
</context>
<context>
    <name>ClaudeCodePage</name>
    <message>
        <source>Check Again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Apply to Claude Code&apos;s Settings</source>
        <translation>In die Einstellungen von Claude Code übernehmen</translation>
    </message>
    <message>
        <source>CC Bridge will set the variables shown in the &quot;env&quot; entry of %1. Its other settings are kept, and a copy of the file is saved next to it first.

Apply the changes?</source>
        <translation>CC Bridge setzt die angezeigten Variablen im Eintrag &quot;env&quot; von %1. Die übrigen Einstellungen bleiben erhalten, und zuvor wird eine Kopie der Datei daneben gespeichert.

Änderungen übernehmen?</translation>
    </message>
    <message>
        <source>Claude Code finds CC Bridge through a few environment variables. Set them in your shell, or apply them to Claude Code&apos;s settings file to have them in every terminal and editor.</source>
        <translation>Claude Code findet CC Bridge über einige Umgebungsvariablen. Sie können in der Shell gesetzt oder in die Einstellungsdatei von Claude Code übernommen werden, damit sie in jedem Terminal und Editor gelten.</translation>
    </message>
    <message>
        <source>bash / zsh</source>
        <translation>bash / zsh</translation>
    </message>
    <message>
        <source>Add these lines to ~/.bashrc or ~/.zshrc, or paste them into a terminal for that session only.</source>
        <translation>Diese Zeilen zu ~/.bashrc oder ~/.zshrc hinzufügen oder nur für die aktuelle Sitzung in ein Terminal einfügen.</translation>
    </message>
    <message>
        <source>fish</source>
        <translation>fish</translation>
    </message>
    <message>
        <source>Add these lines to ~/.config/fish/config.fish, or paste them into a terminal for that session only.</source>
        <translation>Diese Zeilen zu ~/.config/fish/config.fish hinzufügen oder nur für die aktuelle Sitzung in ein Terminal einfügen.</translation>
    </message>
    <message>
        <source>PowerShell</source>
        <translation>PowerShell</translation>
    </message>
    <message>
        <source>Add these lines to the file $PROFILE names, or paste them into a PowerShell window for that session only.</source>
        <translation>Diese Zeilen zu der in $PROFILE genannten Datei hinzufügen oder nur für die aktuelle Sitzung in ein PowerShell-Fenster einfügen.</translation>
    </message>
    <message>
        <source>cmd</source>
        <translation>cmd</translation>
    </message>
    <message>
        <source>Paste these lines into a Command Prompt before starting claude; they last for that window only.</source>
        <translation>Diese Zeilen vor dem Start von claude in eine Eingabeaufforderung einfügen; sie gelten nur für dieses Fenster.</translation>
    </message>
    <message>
        <source>settings.json</source>
        <translation>settings.json</translation>
    </message>
    <message>
        <source>Claude Code reads this &quot;env&quot; entry from its settings file in every terminal and editor. Apply merges it into the file and keeps everything else there.</source>
        <translation>Claude Code liest diesen &quot;env&quot;-Eintrag in jedem Terminal und Editor aus seiner Einstellungsdatei. Beim Übernehmen wird er in die Datei eingefügt; alles andere darin bleibt erhalten.</translation>
    </message>
    <message>
        <source>Conflicting Settings</source>
        <translation>Widersprüchliche Einstellungen</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value there</source>
        <translation>Dortiger Wert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Apply to %1</source>
        <translation>In %1 übernehmen</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Files checked:
%1</source>
        <translation>Geprüfte Dateien:
%1</translation>
    </message>
    <message>
        <source>None of your shell profiles or Claude Code&apos;s settings set these variables to other values.</source>
        <translation>Weder die Shell-Profile noch die Einstellungen von Claude Code setzen diese Variablen auf andere Werte.</translation>
    </message>
    <message>
        <source>The places below set these variables to other values. Depending on which is read last, they override the snippet or are overridden by it; remove them to be sure.</source>
        <translation>An den folgenden Stellen werden diese Variablen auf andere Werte gesetzt. Je nachdem, was zuletzt gelesen wird, überschreiben sie das Snippet oder werden von ihm überschrieben; zur Sicherheit sollten sie entfernt werden.</translation>
    </message>
    <message>
        <source>Created %1. Claude Code now uses CC Bridge.</source>
        <translation>%1 wurde erstellt. Claude Code verwendet jetzt CC Bridge.</translation>
    </message>
    <message>
        <source>%1 already pointed Claude Code at CC Bridge; nothing was changed.</source>
        <translation>%1 verweist Claude Code bereits auf CC Bridge; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Updated %1. Claude Code now uses CC Bridge. The previous file was saved as %2.</source>
        <translation>%1 wurde aktualisiert. Claude Code verwendet jetzt CC Bridge. Die bisherige Datei wurde als %2 gespeichert.</translation>
    </message>
    <message>
        <source>Environment for</source>
        <translation>Umgebung für</translation>
    </message>
    <message>
        <source>%1 has a context window of %L2 tokens, smaller than the %L3 Claude Code assumes: CLAUDE_CODE_AUTO_COMPACT_WINDOW=%2 below makes Claude Code compact the conversation before the provider refuses it.</source>
        <translation>Das Kontextfenster von %1 fasst %L2 Token, weniger als die %L3, von denen Claude Code ausgeht: Mit CLAUDE_CODE_AUTO_COMPACT_WINDOW=%2 (unten) fasst Claude Code das Gespräch zusammen, bevor der Anbieter es ablehnt.</translation>
    </message>
    <message>
        <source>%1 has a context window of %L2 tokens, below the %L3 Claude Code accepts for CLAUDE_CODE_AUTO_COMPACT_WINDOW, so none is set. When the conversation outgrows the window, CC Bridge answers the provider&apos;s refusal as Claude Code&apos;s own &quot;prompt is too long&quot;, and Claude Code compacts the conversation then.</source>
        <translation>Das Kontextfenster von %1 fasst %L2 Token, weniger als die %L3, die Claude Code für CLAUDE_CODE_AUTO_COMPACT_WINDOW annimmt; daher wird keines gesetzt. Wächst das Gespräch über das Fenster hinaus, gibt CC Bridge die Ablehnung des Anbieters als Claude Codes eigenes „prompt is too long“ weiter, und Claude Code fasst das Gespräch dann zusammen.</translation>
    </message>
    <message>
        <source>Also show CC Bridge&apos;s status line in Claude Code</source>
        <translation>Auch die Statuszeile von CC Bridge in Claude Code anzeigen</translation>
    </message>
    <message>
        <source>CC Bridge will set the variables shown in the &quot;env&quot; entry of %1, and its &quot;statusLine&quot; entry to run &quot;ccbridge statusline&quot; (replacing any status line set there). Its other settings are kept, and a copy of the file is saved next to it first.

Apply the changes?</source>
        <translation>CC Bridge setzt die Variablen, die im Eintrag „env“ von %1 stehen, und seinen Eintrag „statusLine“ so, dass er „ccbridge statusline“ ausführt (eine dort gesetzte Statuszeile wird ersetzt). Die übrigen Einstellungen bleiben erhalten, und vorher wird eine Kopie der Datei daneben gespeichert.

Änderungen übernehmen?</translation>
    </message>
    <message>
        <source>Claude Code&apos;s status line then shows the provider and model of the last request, its latency, and today&apos;s tokens and cost.</source>
        <translation>Die Statuszeile von Claude Code zeigt dann Anbieter und Modell der letzten Anfrage, ihre Dauer sowie die heutigen Tokens und Kosten.</translation>
    </message>
</context>
<context>
    <name>ClaudeSettingsFile</name>
    <message>
        <source>%1 is not valid JSON (line %2: %3), so it was left unchanged.</source>
        <translation>%1 ist kein gültiges JSON (Zeile %2: %3) und wurde daher nicht verändert.</translation>
    </message>
    <message>
        <source>%1 does not hold a JSON object, so it was left unchanged.</source>
        <translation>%1 enthält kein JSON-Objekt und wurde daher nicht verändert.</translation>
    </message>
    <message>
        <source>The &quot;env&quot; entry of %1 is not an object, so the file was left unchanged.</source>
        <translation>Der Eintrag &quot;env&quot; in %1 ist kein Objekt, daher wurde die Datei nicht verändert.</translation>
    </message>
    <message>
        <source>CC Bridge could not merge its settings into %1, so it was left unchanged.</source>
        <translation>CC Bridge konnte seine Einstellungen nicht in %1 einfügen, daher wurde die Datei nicht verändert.</translation>
    </message>
    <message>
        <source>Could not write the backup %1 (%2), so %3 was left unchanged.</source>
        <translation>Die Sicherungskopie %1 konnte nicht geschrieben werden (%2), daher wurde %3 nicht verändert.</translation>
    </message>
    <message>
        <source>Too many backups of %1 were made this second; try again.</source>
        <translation>In dieser Sekunde wurden zu viele Sicherungskopien von %1 angelegt; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>No settings file was given.</source>
        <translation>Es wurde keine Einstellungsdatei angegeben.</translation>
    </message>
    <message>
        <source>%1 is not a file, so it was left unchanged.</source>
        <translation>%1 ist keine Datei und wurde daher nicht verändert.</translation>
    </message>
    <message>
        <source>Could not read %1 (%2), so it was left unchanged.</source>
        <translation>%1 konnte nicht gelesen werden (%2) und wurde daher nicht verändert.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Could not write %1 (%2).</source>
        <translation>%1 konnte nicht geschrieben werden (%2).</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Run without a window or tray icon.</source>
        <translation>Ohne Fenster und Systemleisten-Symbol ausführen.</translation>
    </message>
    <message>
        <source>Read the configuration from &lt;file&gt;.</source>
        <translation>Konfiguration aus &lt;Datei&gt; lesen.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Check the configuration, print what is wrong, and exit.</source>
        <translation>Konfiguration prüfen, Fehler ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Listen on &lt;host:port&gt; (default 127.0.0.1:8765).</source>
        <translation>Auf &lt;Host:Port&gt; lauschen (Standard: 127.0.0.1:8765).</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>Host:Port</translation>
    </message>
    <message>
        <source>Quick start: a provider preset (deepseek, glm, zai, kimi, qwen, openrouter, openai, gemini, ollama, anthropic, …); its key variable, models and rules are the defaults.</source>
        <translation>Schnellstart: eine Anbietervorlage (deepseek, glm, zai, kimi, qwen, openrouter, openai, gemini, ollama, anthropic, …); deren Schlüsselvariable, Modelle und Regeln sind die Standardwerte.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Quick start: the provider&apos;s OpenAI-style base URL, e.g. https://api.deepseek.com/v1.</source>
        <translation>Schnellstart: die OpenAI-artige Basis-URL des Anbieters, z. B. https://api.deepseek.com/v1.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Quick start: the upstream model every Claude model maps to.</source>
        <translation>Schnellstart: das Upstream-Modell, auf das jedes Claude-Modell abgebildet wird.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Quick start: the environment variable that holds the provider&apos;s API key.</source>
        <translation>Schnellstart: die Umgebungsvariable mit dem API-Schlüssel des Anbieters.</translation>
    </message>
    <message>
        <source>variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Quick start: the upstream API format (default openai-chat).</source>
        <translation>Schnellstart: das API-Format des Upstreams (Standard: openai-chat).</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Quick start: clamp max_tokens to &lt;n&gt; (default 8192; 0 = no cap).</source>
        <translation>Schnellstart: max_tokens auf &lt;n&gt; begrenzen (Standard: 8192; 0 = keine Begrenzung).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>The environment variable that holds the token clients must present.</source>
        <translation>Die Umgebungsvariable mit dem Token, das Clients vorweisen müssen.</translation>
    </message>
    <message>
        <source>Start in the tray without showing the window.</source>
        <translation>In der Systemleiste starten, ohne das Fenster anzuzeigen.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>Use either --config or the quick-start flags (--preset, --upstream, --model, --api-key-env), not both.</source>
        <translation>Entweder --config oder die Schnellstart-Optionen (--preset, --upstream, --model, --api-key-env) verwenden, nicht beides.</translation>
    </message>
    <message>
        <source>--listen must look like 127.0.0.1:8765, not &quot;%1&quot;.</source>
        <translation>--listen muss die Form 127.0.0.1:8765 haben, nicht „%1“.</translation>
    </message>
    <message>
        <source>There is no preset &quot;%1&quot;. Presets: %2.</source>
        <translation>Es gibt keine Vorlage „%1“. Vorlagen: %2.</translation>
    </message>
    <message>
        <source>The quick start needs --preset &lt;id&gt; or --upstream &lt;url&gt;.</source>
        <translation>Der Schnellstart benötigt --preset &lt;ID&gt; oder --upstream &lt;URL&gt;.</translation>
    </message>
    <message>
        <source>--max-output-tokens must be a whole number of 0 or more.</source>
        <translation>--max-output-tokens muss eine ganze Zahl größer oder gleich 0 sein.</translation>
    </message>
    <message>
        <source>The quick start needs --model &lt;name&gt;: this provider has no default models.</source>
        <translation>Der Schnellstart benötigt --model &lt;Name&gt;: Dieser Anbieter hat keine Standardmodelle.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Die Version anzeigen und beenden.</translation>
    </message>
    <message>
        <source>CC Bridge: lets Claude Code use any model provider.</source>
        <translation>CC Bridge: Claude Code mit jedem Modellanbieter nutzen.</translation>
    </message>
    <message>
        <source>--%1 takes the name of an environment variable (such as OPENAI_API_KEY), not a key.</source>
        <translation>--%1 erwartet den Namen einer Umgebungsvariablen (etwa OPENAI_API_KEY), keinen Schlüssel.</translation>
    </message>
    <message>
        <source>With env: write for this shell (bash, zsh, fish, powershell, cmd) or settings.json (json); default: the shell you are in.</source>
        <translation>Mit env: für diese Shell schreiben (bash, zsh, fish, powershell, cmd) oder für settings.json (json); Standard: die Shell, in der Sie arbeiten.</translation>
    </message>
    <message>
        <source>shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>Print the environment that points Claude Code at this CC Bridge: the snippet the window&apos;s Copy button copies, for the configuration the other options give (by default the one the window saved).</source>
        <translation>Die Umgebung ausgeben, die Claude Code auf diese CC Bridge lenkt: den Ausschnitt, den die Kopieren-Schaltfläche des Fensters kopiert, für die Konfiguration, die die übrigen Optionen angeben (standardmäßig die im Fenster gespeicherte).</translation>
    </message>
    <message>
        <source>--shell goes with env.</source>
        <translation>--shell gehört zu env.</translation>
    </message>
    <message>
        <source>--shell takes bash, zsh, fish, powershell, cmd or json, not &quot;%1&quot;.</source>
        <translation>--shell nimmt bash, zsh, fish, powershell, cmd oder json, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Start Claude Code with that environment set, through the CC Bridge already running there or one started for the session; what follows the options (or --) goes to claude unchanged.</source>
        <translation>Claude Code mit dieser Umgebung starten, über die dort bereits laufende CC Bridge oder eine für die Sitzung gestartete; was auf die Optionen (oder --) folgt, geht unverändert an claude.</translation>
    </message>
    <message>
        <source>Print one line for Claude Code&apos;s statusLine setting: the provider and model that served the last request and how long it took, today&apos;s tokens and their estimated cost, or that CC Bridge is not running.</source>
        <translation>Eine Zeile für die statusLine-Einstellung von Claude Code ausgeben: Anbieter und Modell, die die letzte Anfrage bedient haben, und wie lange sie dauerte, die heutigen Tokens und ihre geschätzten Kosten, oder dass CC Bridge nicht läuft.</translation>
    </message>
    <message>
        <source>Check the setup, from Claude Code to the providers, and say how to fix each problem; the exit status is non-zero when there is one.</source>
        <translation>Die Einrichtung von Claude Code bis zu den Anbietern prüfen und für jedes Problem sagen, wie es sich beheben lässt; der Exit-Status ist dann ungleich null.</translation>
    </message>
    <message>
        <source>Run Claude Code&apos;s web searches on this backend for providers without search: searxng:&lt;url&gt; (a SearXNG instance with its JSON format on), brave or tavily.</source>
        <translation>Die Websuchen von Claude Code für Anbieter ohne eigene Suche über dieses Backend ausführen: searxng:&lt;url&gt; (eine SearXNG-Instanz mit eingeschaltetem JSON-Format), brave oder tavily.</translation>
    </message>
    <message>
        <source>backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>The environment variable that holds the web search backend&apos;s key (default BRAVE_API_KEY or TAVILY_API_KEY).</source>
        <translation>Die Umgebungsvariable mit dem Schlüssel des Websuch-Backends (Standard: BRAVE_API_KEY oder TAVILY_API_KEY).</translation>
    </message>
    <message>
        <source>--listen, --client-token-env and --web-search go with --config or the quick-start flags; the saved configuration is changed in the window.</source>
        <translation>--listen, --client-token-env und --web-search gehören zu --config oder den Schnellstart-Optionen; die gespeicherte Konfiguration wird im Fenster geändert.</translation>
    </message>
    <message>
        <source>--web-search-key-env goes with --web-search.</source>
        <translation>--web-search-key-env gehört zu --web-search.</translation>
    </message>
    <message>
        <source>--web-search takes searxng:&lt;url&gt;, brave or tavily, not &quot;%1&quot;.</source>
        <translation>--web-search nimmt searxng:&lt;url&gt;, brave oder tavily, nicht „%1“.</translation>
    </message>
</context>
<context>
    <name>ConfigFile</name>
    <message>
        <source>%1: unknown key &quot;%2&quot;.</source>
        <translation>%1: unbekannter Schlüssel „%2“.</translation>
    </message>
    <message>
        <source>%1 must be an object.</source>
        <translation>%1 muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>%1.preset: there is no preset &quot;%2&quot;.</source>
        <translation>%1.preset: Es gibt keine Vorlage „%2“.</translation>
    </message>
    <message>
        <source>%1.headers.%2 must be a string.</source>
        <translation>%1.headers.%2 muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>Cannot read the configuration file %1: %2</source>
        <translation>Die Konfigurationsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The configuration is not valid JSON: %1 at offset %2.</source>
        <translation>Die Konfiguration ist kein gültiges JSON: %1 an Position %2.</translation>
    </message>
    <message>
        <source>The configuration must be a JSON object.</source>
        <translation>Die Konfiguration muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>corsOrigins must be a list of origins such as &quot;http://localhost:5173&quot; or &quot;*&quot;.</source>
        <translation>corsOrigins muss eine Liste von Origins wie &quot;http://localhost:5173&quot; oder &quot;*&quot; sein.</translation>
    </message>
    <message>
        <source>activeProfile names the profile &quot;%1&quot;, which does not exist.</source>
        <translation>activeProfile nennt das Profil „%1“, das es nicht gibt.</translation>
    </message>
    <message>
        <source>allowedHosts must be a list of host names without scheme or port, such as &quot;ccbridge.internal&quot;, or &quot;*&quot;.</source>
        <translation>allowedHosts muss eine Liste von Hostnamen ohne Schema und Port sein, etwa &quot;ccbridge.internal&quot;, oder &quot;*&quot;.</translation>
    </message>
</context>
<context>
    <name>ConfigSchema</name>
    <message>
        <source>Address and port to listen on: 127.0.0.1:8765, [::1]:8765, 0.0.0.0:8765 (port 0: any free port).</source>
        <translation>Adresse und Port, auf denen gelauscht wird: 127.0.0.1:8765, [::1]:8765, 0.0.0.0:8765 (Port 0: ein beliebiger freier Port).</translation>
    </message>
    <message>
        <source>Environment variable holding the token clients must send (x-api-key or Authorization: Bearer). Required when listening beyond loopback. The desktop app keeps its token in the keychain instead.</source>
        <translation>Umgebungsvariable mit dem Token, das Clients senden müssen (x-api-key oder Authorization: Bearer). Erforderlich, wenn nicht nur auf Loopback gelauscht wird. Die Desktop-App bewahrt ihr Token stattdessen im Schlüsselbund auf.</translation>
    </message>
    <message>
        <source>Largest request line and headers; larger gets 431.</source>
        <translation>Maximale Größe von Anfragezeile und Headern; größere Anfragen erhalten 431.</translation>
    </message>
    <message>
        <source>Largest request body; larger gets 413 request_too_large.</source>
        <translation>Maximale Größe des Anfragekörpers; größere Anfragen erhalten 413 request_too_large.</translation>
    </message>
    <message>
        <source>Time a client has to send a request&apos;s headers; then 408.</source>
        <translation>Zeit, die ein Client zum Senden der Header einer Anfrage hat; danach 408.</translation>
    </message>
    <message>
        <source>An idle keep-alive connection is closed after this; also the longest silence in the middle of a request body.</source>
        <translation>Eine untätige Keep-alive-Verbindung wird danach geschlossen; gilt auch als längste Pause mitten im Anfragekörper.</translation>
    </message>
    <message>
        <source>How long connecting to a provider and sending the request may take; then 504 timeout_error.</source>
        <translation>Wie lange Verbindungsaufbau zum Anbieter und Senden der Anfrage dauern dürfen; danach 504 timeout_error.</translation>
    </message>
    <message>
        <source>Longest silence from a provider, before the first byte and between bytes; then 504 (or an SSE error event once streaming).</source>
        <translation>Längste Pause des Anbieters, vor dem ersten Byte und zwischen Bytes; danach 504 (oder ein SSE-error-Ereignis, sobald gestreamt wird).</translation>
    </message>
    <message>
        <source>While a provider is silent, the client is sent a keep-alive ping this often.</source>
        <translation>Solange der Anbieter schweigt, erhält der Client in diesem Abstand einen Keep-alive-Ping.</translation>
    </message>
    <message>
        <source>The longest a whole request may take, streaming included; then 504 (or an SSE error event).</source>
        <translation>Höchstdauer einer ganzen Anfrage, Streaming eingeschlossen; danach 504 (oder ein SSE-error-Ereignis).</translation>
    </message>
    <message>
        <source>Attempts per provider before a fallback, the first included.</source>
        <translation>Versuche pro Anbieter vor dem Ausweichen, den ersten mitgezählt.</translation>
    </message>
    <message>
        <source>Backoff with full jitter: the first wait is up to this long, doubling per attempt.</source>
        <translation>Backoff mit vollem Jitter: Die erste Wartezeit ist höchstens so lang und verdoppelt sich mit jedem Versuch.</translation>
    </message>
    <message>
        <source>Above this estimated input, a request is in the longContext scenario.</source>
        <translation>Ab dieser geschätzten Eingabegröße fällt eine Anfrage in das Szenario longContext.</translation>
    </message>
    <message>
        <source>Browser origins allowed to call the proxy, e.g. [&quot;http://localhost:5173&quot;], or [&quot;*&quot;]; none: browsers are refused.</source>
        <translation>Browser-Origins, die den Proxy aufrufen dürfen, z. B. [&quot;http://localhost:5173&quot;] oder [&quot;*&quot;]; keine: Browser werden abgewiesen.</translation>
    </message>
    <message>
        <source>A profile whose routes also serve the default base URL (the tray&apos;s Routes menu switches it); empty: the routes below.</source>
        <translation>Ein Profil, dessen Routen auch unter der Standard-Basis-URL gelten (umschaltbar im Menü „Routen“ des Systemleisten-Symbols); leer: die Routen unten.</translation>
    </message>
    <message>
        <source>The upstreams, see Providers.</source>
        <translation>Die Upstreams, siehe „Anbieter“.</translation>
    </message>
    <message>
        <source>Which provider and model answer which requested model, see Routes.</source>
        <translation>Welcher Anbieter und welches Modell auf welches angefragte Modell antworten, siehe „Routen“.</translation>
    </message>
    <message>
        <source>Route sets under their own base path, see Profiles.</source>
        <translation>Routengruppen unter eigenem Basispfad, siehe „Profile“.</translation>
    </message>
    <message>
        <source>Requests kept in the window&apos;s live log.</source>
        <translation>Anzahl der Anfragen im Live-Protokoll des Fensters.</translation>
    </message>
    <message>
        <source>How long daily usage totals are kept.</source>
        <translation>Wie lange die täglichen Nutzungssummen aufbewahrt werden.</translation>
    </message>
    <message>
        <source>The window&apos;s language, such as de or zh_CN; empty: the system&apos;s.</source>
        <translation>Sprache des Fensters, z. B. de oder zh_CN; leer: die des Systems.</translation>
    </message>
    <message>
        <source>Start CC Bridge in the tray at login.</source>
        <translation>CC Bridge bei der Anmeldung in der Systemleiste starten.</translation>
    </message>
    <message>
        <source>Start the proxy when the window starts.</source>
        <translation>Den Proxy starten, sobald die Desktop-App startet.</translation>
    </message>
    <message>
        <source>The file&apos;s format version, written by the desktop app.</source>
        <translation>Formatversion der Datei, von der Desktop-App geschrieben.</translation>
    </message>
    <message>
        <source>The name routes use; the preset&apos;s id when a preset is given.</source>
        <translation>Der Name, den Routen verwenden; bei einer Vorlage deren ID.</translation>
    </message>
    <message>
        <source>A built-in preset (deepseek, glm, zai, kimi, qwen, chutes, openrouter, openai, groq, gemini, ollama, lmstudio, vllm, anthropic, and the -anthropic endpoints): it supplies every key below; keys given here override it.</source>
        <translation>Eine eingebaute Vorlage (deepseek, glm, zai, kimi, qwen, chutes, openrouter, openai, groq, gemini, ollama, lmstudio, vllm, anthropic und die -anthropic-Endpunkte): Sie liefert alle folgenden Felder; hier angegebene Felder haben Vorrang.</translation>
    </message>
    <message>
        <source>The provider&apos;s base URL. openai-chat appends /chat/completions and openai-responses /responses; anthropic appends /v1/messages. Required without a preset.</source>
        <translation>Die Basis-URL des Anbieters. openai-chat hängt /chat/completions an, openai-responses /responses, anthropic /v1/messages. Ohne Vorlage erforderlich.</translation>
    </message>
    <message>
        <source>The upstream API: openai-chat (Chat Completions), openai-responses (Responses API) or anthropic (passthrough).</source>
        <translation>Die Upstream-API: openai-chat (Chat Completions), openai-responses (Responses API) oder anthropic (Durchreichen).</translation>
    </message>
    <message>
        <source>Environment variable holding the API key; omit for local servers without keys.</source>
        <translation>Umgebungsvariable mit dem API-Schlüssel; bei lokalen Servern ohne Schlüssel weglassen.</translation>
    </message>
    <message>
        <source>The key is in the OS keychain under the provider&apos;s name (the desktop app&apos;s Providers page puts it there); apiKeyEnv is the fallback.</source>
        <translation>Der Schlüssel liegt im Schlüsselbund des Systems unter dem Namen des Anbieters (die Seite „Anbieter“ der Desktop-App legt ihn dort ab); apiKeyEnv dient als Ausweichlösung.</translation>
    </message>
    <message>
        <source>Clamps the request&apos;s max_tokens (Claude Code asks for 128000, which most providers reject); 0 = no cap.</source>
        <translation>Begrenzt max_tokens der Anfrage (Claude Code fordert 128000 an, was die meisten Anbieter ablehnen); 0 = keine Begrenzung.</translation>
    </message>
    <message>
        <source>Extra request headers, e.g. {&quot;HTTP-Referer&quot;: &quot;https://example.org&quot;}.</source>
        <translation>Zusätzliche Anfrage-Header, z. B. {&quot;HTTP-Referer&quot;: &quot;https://example.org&quot;}.</translation>
    </message>
    <message>
        <source>Requests in flight at once; 0 = no limit.</source>
        <translation>Gleichzeitig laufende Anfragen; 0 = unbegrenzt.</translation>
    </message>
    <message>
        <source>Requests waiting beyond maxConcurrent; more get 529 overloaded_error.</source>
        <translation>Wartende Anfragen über maxConcurrent hinaus; weitere erhalten 529 overloaded_error.</translation>
    </message>
    <message>
        <source>Check model names against the provider&apos;s GET /models (cached 10 min): fix their case, refuse unknown ones with the list.</source>
        <translation>Modellnamen mit GET /models des Anbieters abgleichen (10 min zwischengespeichert): Groß-/Kleinschreibung korrigieren, unbekannte mit der Modellliste ablehnen.</translation>
    </message>
    <message>
        <source>How the provider differs from plain OpenAI, see Provider rules.</source>
        <translation>Worin der Anbieter von reinem OpenAI abweicht, siehe „Anbieterregeln“.</translation>
    </message>
    <message>
        <source>A case-insensitive glob on the requested model: *haiku*, *sonnet*, *opus*, claude-opus-5-5, *.</source>
        <translation>Ein Glob-Muster für das angefragte Modell, ohne Beachtung der Groß-/Kleinschreibung: *haiku*, *sonnet*, *opus*, claude-opus-5-5, *.</translation>
    </message>
    <message>
        <source>A provider&apos;s name.</source>
        <translation>Name eines Anbieters.</translation>
    </message>
    <message>
        <source>The model name sent upstream.</source>
        <translation>Der an den Upstream gesendete Modellname.</translation>
    </message>
    <message>
        <source>Overrides the provider&apos;s cap for this route; 0 = the provider&apos;s.</source>
        <translation>Ersetzt die Obergrenze des Anbieters für diese Route; 0 = die des Anbieters.</translation>
    </message>
    <message>
        <source>[{&quot;provider&quot;: …, &quot;model&quot;: …}], tried in order when the provider fails before answering.</source>
        <translation>[{&quot;provider&quot;: …, &quot;model&quot;: …}], der Reihe nach versucht, wenn der Anbieter vor einer Antwort scheitert.</translation>
    </message>
    <message>
        <source>Reached under /p/&lt;name&gt;.</source>
        <translation>Erreichbar unter /p/&lt;Name&gt;.</translation>
    </message>
    <message>
        <source>The profile&apos;s routes, as in Routes.</source>
        <translation>Die Routen des Profils, wie unter „Routen“.</translation>
    </message>
    <message>
        <source>Environment variable holding the profile&apos;s own token, which replaces the proxy&apos;s under its base path.</source>
        <translation>Umgebungsvariable mit dem eigenen Token des Profils, das unter seinem Basispfad das Token des Proxys ersetzt.</translation>
    </message>
    <message>
        <source>Send the client&apos;s own key (x-api-key or Bearer) to the provider instead of the provider&apos;s stored key.</source>
        <translation>Den eigenen Schlüssel des Clients (x-api-key oder Bearer) statt des gespeicherten Schlüssels an den Anbieter senden.</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> Bytes</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation>%1 muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>%1 must be %2, not %3.</source>
        <translation>%1 muss %2 liegen, nicht bei %3.</translation>
    </message>
    <message>
        <source>%1 must be true or false.</source>
        <translation>%1 muss true oder false sein.</translation>
    </message>
    <message>
        <source>%1 must be a string.</source>
        <translation>%1 muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>%1 is not valid there.</source>
        <translation>%1 ist dort nicht gültig.</translation>
    </message>
    <message>
        <source>%1 must look like 127.0.0.1:8765.</source>
        <translation>%1 muss die Form 127.0.0.1:8765 haben.</translation>
    </message>
    <message>
        <source>%1 must be a list.</source>
        <translation>%1 muss eine Liste sein.</translation>
    </message>
    <message>
        <source>%1 must be an object.</source>
        <translation>%1 muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>between %1 and %2%3</source>
        <translation>zwischen %1 und %2%3</translation>
    </message>
    <message>
        <source>The profile&apos;s own token is in the OS keychain (the Routes page puts it there); clientTokenEnv is the fallback.</source>
        <translation>Das eigene Token des Profils liegt im Schlüsselbund des Systems (die Seite „Routen“ legt es dort ab); clientTokenEnv dient als Ersatz.</translation>
    </message>
    <message>
        <source>Host names clients may reach the proxy under besides localhost, loopback and listen addresses, e.g. [&quot;ccbridge.internal&quot;], or [&quot;*&quot;] for any; other Host headers are refused (DNS rebinding).</source>
        <translation>Hostnamen, unter denen Clients den Proxy außer localhost, Loopback- und Lauschadressen erreichen dürfen, z. B. [&quot;ccbridge.internal&quot;], oder [&quot;*&quot;] für alle; andere Host-Header werden abgewiesen (DNS-Rebinding).</translation>
    </message>
    <message>
        <source>On SIGTERM, SIGINT or Quit, requests in flight get this long to finish; those still running then end with an error (an SSE error event in a stream).</source>
        <translation>Bei SIGTERM, SIGINT oder Beenden haben laufende Anfragen so lange Zeit, fertig zu werden; die dann noch laufenden enden mit einem Fehler (in einem Stream mit einem SSE-Fehlerereignis).</translation>
    </message>
    <message>
        <source>The longest single wait before a retry, backoff or Retry-After; an upstream that asks for longer goes to the route&apos;s fallback at once, or its 429 and Retry-After go straight back to the client.</source>
        <translation>Die längste einzelne Wartezeit vor einem neuen Versuch, Backoff oder Retry-After; verlangt ein Anbieter mehr, geht die Anfrage sofort an den Ausweichanbieter der Route, oder seine 429 geht samt Retry-After direkt an den Client zurück.</translation>
    </message>
    <message>
        <source>The longest a client waits for its first byte while the proxy retries: no wait before a retry may end later than this after the request arrived. Fallbacks are still tried.</source>
        <translation>So lange wartet ein Client höchstens auf sein erstes Byte, während der Proxy es erneut versucht: keine Wartezeit vor einem neuen Versuch darf später als diese Zeit nach Eingang der Anfrage enden. Ausweichanbieter werden trotzdem versucht.</translation>
    </message>
    <message>
        <source>The model&apos;s context window; 0 = the preset&apos;s figure, if it has one. An overflow the provider reports without numbers is answered with it, and a main route&apos;s window below 200K sets Claude Code&apos;s CLAUDE_CODE_AUTO_COMPACT_WINDOW.</source>
        <translation>Das Kontextfenster des Modells; 0 = der Wert der Vorlage, falls sie einen hat. Meldet der Anbieter einen Überlauf ohne Zahlen, wird dieser Wert genannt, und ein Fenster unter 200K auf der Hauptroute setzt Claude Codes CLAUDE_CODE_AUTO_COMPACT_WINDOW.</translation>
    </message>
    <message>
        <source>Where CC Bridge runs Claude Code&apos;s web searches for providers without search of their own: searxng, brave or tavily; empty: the web search tool is dropped for them (see Web search).</source>
        <translation>Wo CC Bridge die Websuchen von Claude Code für Anbieter ohne eigene Suche ausführt: searxng, brave oder tavily; leer: Das Websuch-Werkzeug entfällt für sie (siehe Websuche).</translation>
    </message>
    <message>
        <source>The SearXNG instance&apos;s address, such as http://localhost:8888 (its JSON format on); for brave and tavily, their API&apos;s address instead of the public one.</source>
        <translation>Die Adresse der SearXNG-Instanz, etwa http://localhost:8888 (mit eingeschaltetem JSON-Format); bei brave und tavily die Adresse ihrer API anstelle der öffentlichen.</translation>
    </message>
    <message>
        <source>Environment variable holding the Brave or Tavily key. The desktop app keeps it in the keychain instead.</source>
        <translation>Umgebungsvariable mit dem Brave- oder Tavily-Schlüssel. Die Desktop-App bewahrt ihn stattdessen im Schlüsselbund auf.</translation>
    </message>
    <message>
        <source>The key is in the OS keychain (set by the desktop app).</source>
        <translation>Der Schlüssel liegt im Schlüsselbund des Systems (von der Desktop-App gesetzt).</translation>
    </message>
    <message>
        <source>Results per search the model reads.</source>
        <translation>Ergebnisse pro Suche, die das Modell liest.</translation>
    </message>
    <message>
        <source>A scenario the request must be in: background (a haiku-class model), thinking (an explicit budget or high effort), longContext (estimate above longContextTokens), images (an image in the conversation), webSearch (Claude Code&apos;s web search tool is offered: a provider with its own search); vision: not a scenario but the model that describes images for routes whose model takes none (see Images).</source>
        <translation>Ein Szenario, in dem die Anfrage sein muss: background (ein Modell der Haiku-Klasse), thinking (ein ausdrückliches Budget oder hoher Aufwand), longContext (Schätzung über longContextTokens), images (ein Bild im Gespräch), webSearch (das Websuch-Werkzeug von Claude Code wird angeboten: ein Anbieter mit eigener Suche); vision: kein Szenario, sondern das Modell, das Bilder für Routen beschreibt, deren Modell keine annimmt (siehe Bilder).</translation>
    </message>
    <message>
        <source>Whether the model takes images; unset: as its preset says (a model no preset lists is taken to). An image for a model that takes none is described by the vision route, or refused with 400 without one.</source>
        <translation>Ob das Modell Bilder annimmt; nicht gesetzt: wie seine Vorlage sagt (ein Modell, das keine Vorlage kennt, gilt als bildfähig). Ein Bild für ein Modell, das keine annimmt, beschreibt die vision-Route; ohne sie wird es mit 400 abgelehnt.</translation>
    </message>
</context>
<context>
    <name>ConfigTransfer</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a CC Bridge configuration (a JSON object): %2</source>
        <translation>%1 ist keine CC-Bridge-Konfiguration (ein JSON-Objekt): %2</translation>
    </message>
    <message>
        <source>The provider &quot;%1&quot; would send the key stored for it to %2 instead of %3. Change its address on the Providers page if that is meant.</source>
        <translation>Der Anbieter „%1“ würde den für ihn gespeicherten Schlüssel an %2 statt an %3 senden. Ändern Sie seine Adresse auf der Seite „Anbieter“, wenn das gewollt ist.</translation>
    </message>
</context>
<context>
    <name>DocumentFitter</name>
    <message>
        <source>left out a PDF document: the provider reads no PDF files</source>
        <translation>PDF-Dokument weggelassen: der Anbieter liest keine PDF-Dateien</translation>
    </message>
    <message>
        <source>left out a document given by reference (%1): only documents sent whole can be passed on</source>
        <translation>per Verweis angegebenes Dokument weggelassen (%1): nur vollständig mitgesendete Dokumente können weitergegeben werden</translation>
    </message>
</context>
<context>
    <name>EnvConflicts</name>
    <message>
        <source>(set, value hidden)</source>
        <translation>(gesetzt, Wert verborgen)</translation>
    </message>
</context>
<context>
    <name>FirstRunGuide</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Skip the guide</source>
        <translation>Assistenten überspringen</translation>
    </message>
    <message>
        <source>Set CC Bridge up in the window&apos;s tabs instead.</source>
        <translation>CC Bridge stattdessen über die Seiten des Fensters einrichten.</translation>
    </message>
    <message>
        <source>CC Bridge lets Claude Code use another model provider. Three steps: choose the provider, paste its API key, start. Nothing to edit by hand.</source>
        <translation>Mit CC Bridge nutzt Claude Code einen anderen Modellanbieter. Drei Schritte: Anbieter wählen, API-Schlüssel einfügen, starten. Nichts muss von Hand bearbeitet werden.</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Welcome to CC Bridge</source>
        <translation>Willkommen bei CC Bridge</translation>
    </message>
    <message>
        <source>Paste the key here</source>
        <translation>Schlüssel hier einfügen</translation>
    </message>
    <message>
        <source>Where the provider&apos;s API is. Change it only for your own server or a proxy.</source>
        <translation>Wo die API des Anbieters erreichbar ist. Nur für einen eigenen Server oder einen Proxy ändern.</translation>
    </message>
    <message>
        <source>&amp;Test the key</source>
        <translation>Schlüssel &amp;testen</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Start the proxy</source>
        <translation>Proxy &amp;starten</translation>
    </message>
    <message>
        <source>Start the proxy</source>
        <translation>Proxy starten</translation>
    </message>
    <message>
        <source>A&amp;pply to Claude Code&apos;s settings.json</source>
        <translation>In die settings.json von Claude Code ein&amp;tragen</translation>
    </message>
    <message>
        <source>Point Claude Code at CC Bridge</source>
        <translation>Claude Code mit CC Bridge verbinden</translation>
    </message>
    <message>
        <source>Either paste the environment into the shell you start claude from, or write it into Claude Code&apos;s settings.json so that every claude uses CC Bridge (the file is backed up first, and only its env block changes).</source>
        <translation>Entweder die Umgebung in die Shell einfügen, aus der claude gestartet wird, oder sie in die settings.json von Claude Code schreiben, damit jedes claude CC Bridge nutzt (die Datei wird vorher gesichert, und nur ihr env-Block ändert sich).</translation>
    </message>
    <message>
        <source>The Claude Code tab has the snippet for every shell.</source>
        <translation>Die Seite „Claude Code“ enthält das Snippet für jede Shell.</translation>
    </message>
    <message>
        <source>&amp;Save and continue</source>
        <translation>Speichern und &amp;weiter</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Fertig</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Your %1 API key</source>
        <translation>API-Schlüssel für %1</translation>
    </message>
    <message>
        <source>It goes to the OS keychain, never to a file. CC Bridge sends it to %1 only.</source>
        <translation>Er kommt in den Schlüsselbund des Systems, nie in eine Datei. CC Bridge sendet ihn nur an %1.</translation>
    </message>
    <message>
        <source>%1 runs on your own computer and needs no key; leave it empty unless you set one.</source>
        <translation>%1 läuft auf dem eigenen Rechner und braucht keinen Schlüssel; das Feld leer lassen, sofern dort keiner eingerichtet wurde.</translation>
    </message>
    <message>
        <source>CC Bridge will listen on %1, on this computer only. Claude Code&apos;s Opus, Sonnet and Haiku requests go to %2&apos;s models; the Routes tab changes that.</source>
        <translation>CC Bridge lauscht auf %1, nur auf diesem Rechner. Die Opus-, Sonnet- und Haiku-Anfragen von Claude Code gehen an die Modelle von %2; das lässt sich auf der Seite „Routen“ ändern.</translation>
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
        <translation>Umgebung für %1 &amp;kopieren</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message numerus="yes">
        <source>✓ The key works: %n model(s) available.</source>
        <translation>
            <numerusform>✓ Der Schlüssel funktioniert: %n Modell verfügbar.</numerusform>
            <numerusform>✓ Der Schlüssel funktioniert: %n Modelle verfügbar.</numerusform>
        </translation>
    </message>
    <message>
        <source>✗ Paste the key first. The provider&apos;s website shows it under API keys.</source>
        <translation>✗ Zuerst den Schlüssel einfügen. Die Website des Anbieters zeigt ihn unter „API Keys“.</translation>
    </message>
    <message>
        <source>✗ The address must be an http(s) URL.</source>
        <translation>✗ Die Adresse muss eine http(s)-URL sein.</translation>
    </message>
    <message>
        <source>Saving the key in the keychain…</source>
        <translation>Schlüssel wird im Schlüsselbund gespeichert …</translation>
    </message>
    <message>
        <source>✗ %1 %2</source>
        <translation>✗ %1 %2</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet …</translation>
    </message>
    <message>
        <source>✓ Running on %1.</source>
        <translation>✓ Läuft auf %1.</translation>
    </message>
    <message>
        <source>✓ Copied. Paste it into your shell, then run claude there.</source>
        <translation>✓ Kopiert. In die Shell einfügen und dort claude starten.</translation>
    </message>
    <message>
        <source>✓ Written to %1. Every new claude now uses CC Bridge.</source>
        <translation>✓ In %1 geschrieben. Jedes neu gestartete claude nutzt jetzt CC Bridge.</translation>
    </message>
    <message>
        <source>✓ Written to %1 (the old file is kept as %2). Every new claude now uses CC Bridge.</source>
        <translation>✓ In %1 geschrieben (die alte Datei bleibt als %2 erhalten). Jedes neu gestartete claude nutzt jetzt CC Bridge.</translation>
    </message>
</context>
<context>
    <name>GracefulShutdown</name>
    <message>
        <source>CC Bridge is shutting down.</source>
        <translation>CC Bridge wird beendet.</translation>
    </message>
</context>
<context>
    <name>HttpConnection</name>
    <message>
        <source>The request headers are larger than %1 bytes.</source>
        <translation>Die Header der Anfrage sind größer als %1 Bytes.</translation>
    </message>
    <message>
        <source>The request body is larger than %1 bytes.</source>
        <translation>Der Body der Anfrage ist größer als %1 Bytes.</translation>
    </message>
    <message>
        <source>The client took too long to send the request.</source>
        <translation>Der Client hat zu lange gebraucht, um die Anfrage zu senden.</translation>
    </message>
</context>
<context>
    <name>HttpResponseParser</name>
    <message>
        <source>in the middle of the response body</source>
        <translation>mitten im Antworttext</translation>
    </message>
    <message>
        <source>before a response arrived</source>
        <translation>bevor eine Antwort kam</translation>
    </message>
</context>
<context>
    <name>ImageDescriber</name>
    <message>
        <source>The vision route %1 could not describe an image: %2</source>
        <translation>Die vision-Route %1 konnte ein Bild nicht beschreiben: %2</translation>
    </message>
    <message>
        <source>its answer is larger than %1 bytes</source>
        <translation>ihre Antwort ist größer als %1 Byte</translation>
    </message>
    <message>
        <source>the answer is not JSON</source>
        <translation>die Antwort ist kein JSON</translation>
    </message>
    <message>
        <source>the answer has no text</source>
        <translation>die Antwort enthält keinen Text</translation>
    </message>
</context>
<context>
    <name>InMemorySecretStore</name>
    <message>
        <source>the in-memory store was told to fail</source>
        <translation>der Speicher im Arbeitsspeicher sollte fehlschlagen</translation>
    </message>
</context>
<context>
    <name>KeychainCommit</name>
    <message>
        <source>The providers could not be saved: %1</source>
        <translation>Die Anbieter konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Saved, but: %1</source>
        <translation>Gespeichert, aber: %1</translation>
    </message>
    <message>
        <source>Nothing was saved. Give the key through an environment variable, then apply again.</source>
        <translation>Es wurde nichts gespeichert. Den Schlüssel über eine Umgebungsvariable angeben und dann erneut übernehmen.</translation>
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
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Claude Code</source>
        <translation>Claude Code</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Proxy running on %1</source>
        <translation>Proxy läuft auf %1</translation>
    </message>
    <message>
        <source>Starting the proxy…</source>
        <translation>Proxy wird gestartet …</translation>
    </message>
    <message>
        <source>Proxy stopped</source>
        <translation>Proxy angehalten</translation>
    </message>
    <message>
        <source>Proxy not running: %1</source>
        <translation>Proxy läuft nicht: %1</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routen</translation>
    </message>
    <message>
        <source>The changed settings are not in effect, the proxy keeps the previous ones: %1</source>
        <translation>Die geänderten Einstellungen sind nicht wirksam, der Proxy behält die bisherigen: %1</translation>
    </message>
    <message>
        <source>The imported configuration needs keys this computer does not have yet: %1. Enter them on the Providers page.</source>
        <translation>Die importierte Konfiguration benötigt Schlüssel, die auf diesem Rechner noch fehlen: %1. Bitte auf der Seite „Anbieter“ eingeben.</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>CC Bridge now asks every client for a token, so that other programs and web pages cannot use your providers&apos; keys. Claude Code does not have it yet: copy the environment below into your shell again, or apply it to settings.json.</source>
        <translation>CC Bridge verlangt jetzt von jedem Client ein Token, damit andere Programme und Webseiten die Schlüssel Ihrer Anbieter nicht verwenden können. Claude Code hat es noch nicht: Kopieren Sie die Umgebung unten erneut in Ihre Shell oder übernehmen Sie sie in settings.json.</translation>
    </message>
    <message>
        <source>CC Bridge is not running, so the way from Claude Code to the providers cannot be checked.</source>
        <translation>CC Bridge läuft nicht, daher lässt sich der Weg von Claude Code zu den Anbietern nicht prüfen.</translation>
    </message>
    <message>
        <source>Start it with the button below; ccbridge doctor, in a terminal, checks a setup that does not start.</source>
        <translation>Starten Sie es mit der Schaltfläche unten; ccbridge doctor prüft im Terminal auch eine Einrichtung, die nicht startet.</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source> s</source>
        <translation> s</translation>
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
        <translation> Tage</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <source>%1 is not allowed here: it must be between %2 and %3%4. The value stays %5.</source>
        <translation>%1 ist hier nicht erlaubt: Der Wert muss zwischen %2 und %3%4 liegen. Es bleibt bei %5.</translation>
    </message>
</context>
<context>
    <name>PdfTextExtractor</name>
    <message>
        <source>pdftotext took longer than %1 s</source>
        <translation>pdftotext brauchte länger als %1 s</translation>
    </message>
    <message>
        <source>pdftotext (Poppler&apos;s poppler-utils) is not installed</source>
        <translation>pdftotext (poppler-utils von Poppler) ist nicht installiert</translation>
    </message>
    <message>
        <source>pdftotext failed: %1</source>
        <translation>pdftotext ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the PDF holds more than %1 bytes of text</source>
        <translation>das PDF enthält mehr als %1 Byte Text</translation>
    </message>
    <message>
        <source>pdftotext could not read it: %1</source>
        <translation>pdftotext konnte es nicht lesen: %1</translation>
    </message>
    <message>
        <source>it has no text (a scan, perhaps)</source>
        <translation>es enthält keinen Text (vielleicht ein Scan)</translation>
    </message>
</context>
<context>
    <name>ProviderDraft</name>
    <message>
        <source>Two providers are named &quot;%1&quot;; routes and keys need unique names.</source>
        <translation>Zwei Anbieter heißen „%1“; Routen und Schlüssel benötigen eindeutige Namen.</translation>
    </message>
    <message>
        <source>Every provider needs a name.</source>
        <translation>Jeder Anbieter benötigt einen Namen.</translation>
    </message>
    <message>
        <source>Provider %1: the base URL must be an http(s) address.</source>
        <translation>Anbieter %1: Die Basis-URL muss eine http(s)-Adresse sein.</translation>
    </message>
    <message>
        <source>Provider %1: &quot;%2&quot; is not an environment variable name.</source>
        <translation>Anbieter %1: „%2“ ist kein gültiger Name für eine Umgebungsvariable.</translation>
    </message>
    <message>
        <source>Provider %1</source>
        <translation>Anbieter %1</translation>
    </message>
</context>
<context>
    <name>ProviderPresets</name>
    <message>
        <source>%1.%2 must be one of %3.</source>
        <translation>%1.%2 muss einer der folgenden Werte sein: %3.</translation>
    </message>
    <message>
        <source>%1.price.%2 must be a price in USD per million tokens.</source>
        <translation>%1.price.%2 muss ein Preis in USD pro Million Tokens sein.</translation>
    </message>
    <message>
        <source>%1.price must have exactly input, output and cacheRead.</source>
        <translation>%1.price muss genau input, output und cacheRead enthalten.</translation>
    </message>
    <message>
        <source>%1.schemaKeywords must be &quot;gemini&quot; or a list of keywords.</source>
        <translation>%1.schemaKeywords muss &quot;gemini&quot; oder eine Liste von Schlüsselwörtern sein.</translation>
    </message>
    <message>
        <source>%1.%2 must be true or false.</source>
        <translation>%1.%2 muss true oder false sein.</translation>
    </message>
    <message>
        <source>%1.maxToolNameLength must be a whole number above 8.</source>
        <translation>%1.maxToolNameLength muss eine ganze Zahl größer als 8 sein.</translation>
    </message>
    <message>
        <source>%1.toolNames.%2 must be a tool name.</source>
        <translation>%1.toolNames.%2 muss ein Tool-Name sein.</translation>
    </message>
    <message>
        <source>%1.toolNames must map client tool names to provider tool names.</source>
        <translation>%1.toolNames muss Tool-Namen des Clients auf Tool-Namen des Anbieters abbilden.</translation>
    </message>
    <message>
        <source>%1: unknown rule &quot;%2&quot;.</source>
        <translation>%1: unbekannte Regel „%2“.</translation>
    </message>
</context>
<context>
    <name>ProviderProbe</name>
    <message>
        <source>The base URL is not an http(s) address.</source>
        <translation>Die Basis-URL ist keine http(s)-Adresse.</translation>
    </message>
    <message>
        <source>The provider could not be reached in time: %1</source>
        <translation>Der Anbieter war nicht rechtzeitig erreichbar: %1</translation>
    </message>
    <message>
        <source>The provider did not answer in time: %1</source>
        <translation>Der Anbieter hat nicht rechtzeitig geantwortet: %1</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>keine Meldung</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>Check the API key.</source>
        <translation>Bitte den API-Schlüssel prüfen.</translation>
    </message>
    <message>
        <source>Check the base URL; some providers also do not list their models.</source>
        <translation>Bitte die Basis-URL prüfen; manche Anbieter listen ihre Modelle auch nicht auf.</translation>
    </message>
    <message>
        <source>The provider&apos;s model list is larger than %1 bytes.</source>
        <translation>Die Modellliste des Anbieters ist größer als %1 Byte.</translation>
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
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Custom OpenAI-compatible…</source>
        <translation>Benutzerdefiniert, OpenAI-kompatibel …</translation>
    </message>
    <message>
        <source>Custom Anthropic-compatible…</source>
        <translation>Benutzerdefiniert, Anthropic-kompatibel …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>No provider is configured yet. Add one to tell CC Bridge where to send Claude Code&apos;s requests.</source>
        <translation>Noch kein Anbieter eingerichtet. Einen Anbieter hinzufügen, damit CC Bridge weiß, wohin die Anfragen von Claude Code gesendet werden sollen.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Discard the changes made since the last Apply</source>
        <translation>Änderungen seit dem letzten Übernehmen verwerfen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Routes refer to the provider by this name, and its key is stored under it.</source>
        <translation>Routen verweisen über diesen Namen auf den Anbieter, und sein Schlüssel wird unter diesem Namen gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>https://api.example.com/v1</source>
        <translation>https://api.example.com/v1</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Basis-&amp;URL:</translation>
    </message>
    <message>
        <source>API &amp;format:</source>
        <translation>API-&amp;Format:</translation>
    </message>
    <message>
        <source>Store the key in the OS &amp;keychain</source>
        <translation>Schlüssel im &amp;Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the key you are typing</source>
        <translation>Eingegebenen Schlüssel anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>Read the key from an &amp;environment variable</source>
        <translation>Schlüssel aus einer Umgebungs&amp;variable lesen</translation>
    </message>
    <message>
        <source>e.g. DEEPSEEK_API_KEY</source>
        <translation>z. B. DEEPSEEK_API_KEY</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>Keine Begrenzung</translation>
    </message>
    <message>
        <source>Claude Code asks for up to 128000 output tokens, which most providers refuse; requests are capped at this. 0 sends the request&apos;s own value.</source>
        <translation>Claude Code fordert bis zu 128000 Ausgabe-Tokens an, was die meisten Anbieter ablehnen; Anfragen werden auf diesen Wert begrenzt. Bei 0 wird der Wert aus der Anfrage unverändert gesendet.</translation>
    </message>
    <message>
        <source>Max output &amp;tokens:</source>
        <translation>Max. Ausgabe-&amp;Tokens:</translation>
    </message>
    <message>
        <source>Fetch models</source>
        <translation>Modelle abrufen</translation>
    </message>
    <message>
        <source>Ask the provider which models it serves, with the key entered here</source>
        <translation>Mit dem hier eingegebenen Schlüssel beim Anbieter abfragen, welche Modelle er anbietet</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Check that the base URL answers and accepts the key</source>
        <translation>Prüfen, ob die Basis-URL antwortet und den Schlüssel akzeptiert</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>Modelle:</translation>
    </message>
    <message>
        <source>None (custom provider)</source>
        <translation>Keine (eigener Anbieter)</translation>
    </message>
    <message>
        <source>As listed by the provider:</source>
        <translation>Vom Anbieter gemeldet:</translation>
    </message>
    <message>
        <source>No models known yet: fetch them from the provider.</source>
        <translation>Noch keine Modelle bekannt; sie können beim Anbieter abgerufen werden.</translation>
    </message>
    <message>
        <source>The preset&apos;s models (fetch to see what the provider serves now):</source>
        <translation>Modelle der Vorlage (abrufen, um das aktuelle Angebot des Anbieters zu sehen):</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>API-Schlüssel einfügen</translation>
    </message>
    <message>
        <source>Saved in the OS keychain; type a new key to replace it</source>
        <translation>Im Schlüsselbund des Systems gespeichert; zum Ersetzen einen neuen Schlüssel eingeben</translation>
    </message>
    <message>
        <source>Keys are stored only in the OS keychain, never in a settings file.</source>
        <translation>Schlüssel werden nur im Schlüsselbund des Systems gespeichert, nie in einer Einstellungsdatei.</translation>
    </message>
    <message>
        <source>Will be saved in the OS keychain when you apply.</source>
        <translation>Wird beim Übernehmen im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>✓ Saved in the OS keychain.</source>
        <translation>✓ Im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>This provider usually needs no key. A key you enter is saved in the OS keychain.</source>
        <translation>Dieser Anbieter benötigt normalerweise keinen Schlüssel. Ein eingegebener Schlüssel wird im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Saved in the OS keychain when you apply, never in a settings file.</source>
        <translation>Wird beim Übernehmen im Schlüsselbund des Systems gespeichert, nie in einer Einstellungsdatei.</translation>
    </message>
    <message>
        <source>The address Claude Code would take as ANTHROPIC_BASE_URL, without /v1/messages.</source>
        <translation>Die Adresse, die Claude Code als ANTHROPIC_BASE_URL verwenden würde, ohne /v1/messages.</translation>
    </message>
    <message>
        <source>The provider&apos;s OpenAI-compatible address, usually ending in /v1.</source>
        <translation>Die OpenAI-kompatible Adresse des Anbieters, meist mit /v1 am Ende.</translation>
    </message>
    <message>
        <source>Requests go to %1</source>
        <translation>Anfragen gehen an %1</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>✗ The environment variable %1 is not set for CC Bridge.</source>
        <translation>✗ Die Umgebungsvariable %1 ist für CC Bridge nicht gesetzt.</translation>
    </message>
    <message>
        <source>✗ %1 %2</source>
        <translation>✗ %1 %2</translation>
    </message>
    <message>
        <source>✓ Connected, but the provider listed no models.</source>
        <translation>✓ Verbunden, aber der Anbieter hat keine Modelle aufgeführt.</translation>
    </message>
    <message numerus="yes">
        <source>✓ Fetched %n model(s).</source>
        <translation>
            <numerusform>✓ %n Modell abgerufen.</numerusform>
            <numerusform>✓ %n Modelle abgerufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ Connected: %n model(s)</source>
        <translation>
            <numerusform>✓ Verbunden: %n Modell</numerusform>
            <numerusform>✓ Verbunden: %n Modelle</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Provider details</source>
        <translation>Anbieterdetails</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Environment variable holding the API key</source>
        <translation>Umgebungsvariable mit dem API-Schlüssel</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
</context>
<context>
    <name>ProxyConfig</name>
    <message>
        <source>Listening on %1 beyond this machine needs a client token (clientTokenEnv).</source>
        <translation>Lauschen auf %1 ist auch von anderen Rechnern aus erreichbar und erfordert ein Client-Token (clientTokenEnv).</translation>
    </message>
    <message>
        <source>No provider is configured.</source>
        <translation>Es ist kein Anbieter eingerichtet.</translation>
    </message>
    <message>
        <source>A provider has no name.</source>
        <translation>Ein Anbieter hat keinen Namen.</translation>
    </message>
    <message>
        <source>Provider %1: the base URL &quot;%2&quot; is not an http(s) URL.</source>
        <translation>Anbieter %1: Die Basis-URL „%2“ ist keine http(s)-URL.</translation>
    </message>
    <message>
        <source>Provider %1: the environment variable %2 that should hold its API key is not set.</source>
        <translation>Anbieter %1: Die Umgebungsvariable %2, die den API-Schlüssel enthalten soll, ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>The environment variable %1 that should hold the client token is not set.</source>
        <translation>Die Umgebungsvariable %1, die das Client-Token enthalten soll, ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>No model route is configured.</source>
        <translation>Es ist keine Modellroute eingerichtet.</translation>
    </message>
    <message>
        <source>Profile names must be unique and use only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;: &quot;%1&quot;.</source>
        <translation>Profilnamen müssen eindeutig sein und dürfen nur Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos; enthalten: „%1“.</translation>
    </message>
    <message>
        <source>Profile %1 has no routes.</source>
        <translation>Profil %1 hat keine Routen.</translation>
    </message>
    <message>
        <source>Profile %1: the environment variable %2 that should hold its client token is not set.</source>
        <translation>Profil %1: Die Umgebungsvariable %2, die das Client-Token enthalten soll, ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>Profile %1 is reachable beyond this machine and needs a client token.</source>
        <translation>Profil %1 ist auch von anderen Rechnern aus erreichbar und benötigt ein Client-Token.</translation>
    </message>
    <message>
        <source>The route for &quot;%1&quot; names the unknown provider &quot;%2&quot;.</source>
        <translation>Die Route für „%1“ nennt den unbekannten Anbieter „%2“.</translation>
    </message>
    <message>
        <source>The route for &quot;%1&quot; has no upstream model.</source>
        <translation>Die Route für „%1“ hat kein Upstream-Modell.</translation>
    </message>
    <message>
        <source>The route for &quot;%1&quot;: &quot;when&quot; must be one of %2.</source>
        <translation>Route für „%1“: &quot;when&quot; muss einer der folgenden Werte sein: %2.</translation>
    </message>
    <message>
        <source>The route for &quot;%1&quot; falls back to the unknown provider &quot;%2&quot;.</source>
        <translation>Die Route für „%1“ weicht auf den unbekannten Anbieter „%2“ aus.</translation>
    </message>
    <message>
        <source>Web search on SearXNG needs the address of a SearXNG instance (webSearch.url).</source>
        <translation>Websuche über SearXNG benötigt die Adresse einer SearXNG-Instanz (webSearch.url).</translation>
    </message>
    <message>
        <source>Web search: &quot;%1&quot; is not an http(s) URL.</source>
        <translation>Websuche: „%1“ ist keine http(s)-URL.</translation>
    </message>
    <message>
        <source>Web search: the environment variable %1 that should hold the %2 key is not set.</source>
        <translation>Websuche: Die Umgebungsvariable %1, die den %2-Schlüssel enthalten soll, ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>Web search on %1 needs its API key (webSearch.apiKeyEnv).</source>
        <translation>Websuche über %1 benötigt dessen API-Schlüssel (webSearch.apiKeyEnv).</translation>
    </message>
</context>
<context>
    <name>ProxyController</name>
    <message>
        <source>The API key of %1 could not be read from the keychain: %2</source>
        <translation>Der API-Schlüssel von %1 konnte nicht aus dem Schlüsselbund gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3</source>
        <translation>Lauschen auf %1:%2 nicht möglich: %3</translation>
    </message>
    <message>
        <source>CC Bridge was stopped.</source>
        <translation>CC Bridge wurde beendet.</translation>
    </message>
    <message>
        <source>The token of profile %1 could not be read from the keychain: %2</source>
        <translation>Das Token des Profils %1 konnte nicht aus dem Schlüsselbund gelesen werden: %2</translation>
    </message>
    <message>
        <source>The client token could not be read from the keychain, so any program on this computer can use the proxy. %1</source>
        <translation>Das Client-Token konnte nicht aus dem Schlüsselbund gelesen werden, daher kann jedes Programm auf diesem Computer den Proxy verwenden. %1</translation>
    </message>
    <message>
        <source>No client token could be stored in the keychain, so any program on this computer can use the proxy. %1</source>
        <translation>Im Schlüsselbund konnte kein Client-Token gespeichert werden, daher kann jedes Programm auf diesem Computer den Proxy verwenden. %1</translation>
    </message>
    <message>
        <source>The web search key could not be read from the keychain: %1</source>
        <translation>Der Websuch-Schlüssel konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>ProxyEngine</name>
    <message>
        <source>CC Bridge is moving to a new address, %1; send the request there.</source>
        <translation>CC Bridge wechselt zu einer neuen Adresse, %1; die Anfrage bitte dorthin senden.</translation>
    </message>
</context>
<context>
    <name>ProxyExchange</name>
    <message>
        <source>%1 does not serve the model &quot;%2&quot;. Its models: %3.</source>
        <translation>%1 bietet das Modell „%2“ nicht an. Verfügbare Modelle: %3.</translation>
    </message>
    <message>
        <source>fallback from %1: it does not serve %2</source>
        <translation>Ausweichen von %1: %2 wird dort nicht angeboten</translation>
    </message>
    <message>
        <source>model name corrected to %1</source>
        <translation>Modellname zu %1 korrigiert</translation>
    </message>
    <message>
        <source>%1 is busy: too many requests are waiting for it.</source>
        <translation>%1 ist ausgelastet: Zu viele Anfragen warten darauf.</translation>
    </message>
    <message>
        <source>fallback from %1: its queue is full</source>
        <translation>Ausweichen von %1: Warteschlange ist voll</translation>
    </message>
    <message>
        <source>The upstream sent an event larger than %1 bytes.</source>
        <translation>Der Upstream-Server hat ein Ereignis gesendet, das größer als %1 Bytes ist.</translation>
    </message>
    <message>
        <source>The upstream response is larger than %1 bytes.</source>
        <translation>Die Antwort des Upstream-Servers ist größer als %1 Bytes.</translation>
    </message>
    <message>
        <source>The upstream stream ended before the answer was complete.</source>
        <translation>Der Stream des Upstream-Servers endete, bevor die Antwort vollständig war.</translation>
    </message>
    <message>
        <source>The upstream closed the connection without a response.</source>
        <translation>Der Upstream-Server hat die Verbindung ohne Antwort geschlossen.</translation>
    </message>
    <message>
        <source>Upstream %1: %2</source>
        <translation>Upstream %1: %2</translation>
    </message>
    <message>
        <source>The client closed the connection.</source>
        <translation>Der Client hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>The request took longer than %1 s.</source>
        <translation>Die Anfrage hat länger als %1 s gedauert.</translation>
    </message>
    <message>
        <source>connection failure</source>
        <translation>Verbindungsfehler</translation>
    </message>
    <message>
        <source>retry %1 on %2 after %3, in %4 ms</source>
        <translation>Wiederholung %1 bei %2 nach %3, in %4 ms</translation>
    </message>
    <message>
        <source>fallback from %1 after %2 to %3/%4</source>
        <translation>Ausweichen von %1 auf %3/%4 nach %2</translation>
    </message>
    <message>
        <source>The upstream answered with something that is not JSON: %1</source>
        <translation>Der Upstream-Server hat mit etwas geantwortet, das kein JSON ist: %1</translation>
    </message>
    <message>
        <source>web search &quot;%1&quot; failed on %2 after %3 ms: %4</source>
        <translation>Websuche „%1“ auf %2 nach %3 ms fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>web search &quot;%1&quot; on %2 in %3 ms: %4 found</source>
        <translation>Websuche „%1“ auf %2 in %3 ms: %4 gefunden</translation>
    </message>
</context>
<context>
    <name>ProxyService</name>
    <message>
        <source>No profile at %1.</source>
        <translation>Unter %1 gibt es kein Profil.</translation>
    </message>
    <message>
        <source>Invalid or missing client token: send it as x-api-key or Authorization: Bearer (ANTHROPIC_AUTH_TOKEN in Claude Code).</source>
        <translation>Ungültiges oder fehlendes Client-Token: Es muss als x-api-key oder Authorization: Bearer gesendet werden (ANTHROPIC_AUTH_TOKEN in Claude Code).</translation>
    </message>
    <message>
        <source>%1 does not support %2.</source>
        <translation>%1 unterstützt %2 nicht.</translation>
    </message>
    <message>
        <source>Not found: %1 %2</source>
        <translation>Nicht gefunden: %1 %2</translation>
    </message>
    <message>
        <source>No route for the model &quot;%1&quot;. Known models: %2.</source>
        <translation>Keine Route für das Modell „%1“. Bekannte Modelle: %2.</translation>
    </message>
    <message>
        <source>This profile passes your own API key to the provider: send it as x-api-key or Authorization: Bearer.</source>
        <translation>Dieses Profil reicht den eigenen API-Schlüssel an den Anbieter weiter: Er muss als x-api-key oder Authorization: Bearer gesendet werden.</translation>
    </message>
    <message>
        <source>Model not found: %1</source>
        <translation>Modell nicht gefunden: %1</translation>
    </message>
    <message>
        <source>The request body is not valid JSON: %1 at offset %2.</source>
        <translation>Der Body der Anfrage ist kein gültiges JSON: %1 an Position %2.</translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation>Der Body der Anfrage muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>Invalid or missing client token.</source>
        <translation>Client-Token ungültig oder fehlend.</translation>
    </message>
    <message>
        <source>%1 cannot see images, and no vision route is set to describe them for it. Add a route with &quot;when&quot;: &quot;vision&quot; and a model that takes images (the Routes page, or &quot;routes&quot; in the configuration file), or route this model to one that takes images.</source>
        <translation>%1 kann keine Bilder sehen, und keine vision-Route ist eingerichtet, um sie zu beschreiben. Eine Route mit &quot;when&quot;: &quot;vision&quot; und einem Modell hinzufügen, das Bilder annimmt (Seite Routen oder &quot;routes&quot; in der Konfigurationsdatei), oder dieses Modell zu einem bildfähigen leiten.</translation>
    </message>
    <message>
        <source>images described by %1 for %2: %3 now (%4 ms), %5 remembered</source>
        <translation>Bilder beschrieben von %1 für %2: %3 jetzt (%4 ms), %5 aus dem Gedächtnis</translation>
    </message>
    <message>
        <source>%1 reads no PDF files, and the text of a PDF in the request could not be extracted: %2. Install poppler-utils (pdftotext), or route the request to a provider that reads PDFs.</source>
        <translation>%1 liest keine PDF-Dateien, und der Text eines PDFs in der Anfrage konnte nicht extrahiert werden: %2. poppler-utils (pdftotext) installieren oder die Anfrage zu einem Anbieter leiten, der PDFs liest.</translation>
    </message>
    <message>
        <source>PDF text extracted for %1: %2 now (%3 ms), %4 remembered</source>
        <translation>PDF-Text für %1 extrahiert: %2 jetzt (%3 ms), %4 aus dem Gedächtnis</translation>
    </message>
</context>
<context>
    <name>RequestGuard</name>
    <message>
        <source>CC Bridge answers only requests addressed to it, and &quot;Host: %1&quot; is not localhost, a loopback address or the address it listens on. If clients reach it under that name, add the name to allowedHosts in the configuration.</source>
        <translation>CC Bridge beantwortet nur Anfragen, die an CC Bridge gerichtet sind, und „Host: %1“ ist weder localhost noch eine Loopback-Adresse noch die Adresse, auf der CC Bridge lauscht. Wenn Clients CC Bridge unter diesem Namen erreichen, tragen Sie den Namen in der Konfiguration unter allowedHosts ein.</translation>
    </message>
    <message>
        <source>Requests from web pages are refused: the origin %1 is not in corsOrigins in the configuration.</source>
        <translation>Anfragen von Webseiten werden abgewiesen: Der Ursprung %1 steht in der Konfiguration nicht unter corsOrigins.</translation>
    </message>
    <message>
        <source>Send the request body as JSON, with Content-Type: application/json (this request&apos;s Content-Type: &quot;%1&quot;).</source>
        <translation>Senden Sie den Anfragetext als JSON mit Content-Type: application/json (Content-Type dieser Anfrage: „%1“).</translation>
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
        <translation>Stream</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Model → provider/model</source>
        <translation>Modell → Anbieter/Modell</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>First byte</source>
        <translation>Erstes Byte</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>Filter by model, provider, status or error</source>
        <translation>Nach Modell, Anbieter, Status oder Fehler filtern</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Show all requests, only those that succeeded, or only those that failed</source>
        <translation>Alle Anfragen, nur erfolgreiche oder nur fehlgeschlagene anzeigen</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>Alle Anbieter</translation>
    </message>
    <message>
        <source>Show the requests sent to one provider</source>
        <translation>Nur Anfragen an einen bestimmten Anbieter anzeigen</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Select a request to see what happened to it.</source>
        <translation>Eine Anfrage auswählen, um zu sehen, was mit ihr passiert ist.</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Anfrage:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Hinweise:</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>Latenz:</translation>
    </message>
    <message>
        <source>First byte:</source>
        <translation>Erstes Byte:</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Tokens:</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>Versuche:</translation>
    </message>
    <message>
        <source>Requests: %1</source>
        <translation>Anfragen: %1</translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>Anfrage %1</translation>
    </message>
    <message>
        <source>%1 (streaming)</source>
        <translation>%1 (Streaming)</translation>
    </message>
    <message>
        <source>%1 (no provider reached)</source>
        <translation>%1 (kein Anbieter erreicht)</translation>
    </message>
    <message>
        <source>%1 → %2 / %3</source>
        <translation>%1 → %2 / %3</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>%1 in · %2 out · %3 cached</source>
        <translation>%1 Eingabe · %2 Ausgabe · %3 aus Cache</translation>
    </message>
    <message>
        <source>%1 (estimated)</source>
        <translation>%1 (geschätzt)</translation>
    </message>
    <message>
        <source>Copy a shell command that sends this request again through the proxy. It reads your token from $ANTHROPIC_AUTH_TOKEN.</source>
        <translation>Einen Shell-Befehl kopieren, der diese Anfrage erneut über den Proxy sendet. Er liest das Token aus $ANTHROPIC_AUTH_TOKEN.</translation>
    </message>
    <message>
        <source>The proxy is not running.</source>
        <translation>Der Proxy läuft nicht.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>request body not kept: this minimal one asks for the same model</source>
        <translation>Body der Anfrage nicht aufbewahrt: Diese minimale Anfrage fordert dasselbe Modell an</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Sent upstream</source>
        <translation>An den Anbieter gesendet</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Filter requests</source>
        <translation>Anfragen filtern</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Request and answer bodies</source>
        <translation>Anfrage- und Antwortinhalte</translation>
    </message>
    <message numerus="yes">
        <source>Not kept: the log keeps the bodies of its newest %n requests only.</source>
        <translation>
            <numerusform>Nicht aufbewahrt: Das Protokoll behält nur den Inhalt seiner %n neuesten Anfrage.</numerusform>
            <numerusform>Nicht aufbewahrt: Das Protokoll behält nur die Inhalte seiner neuesten %n Anfragen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RouteTargetEdit</name>
    <message>
        <source>Model name</source>
        <translation>Modellname</translation>
    </message>
    <message>
        <source>%1 (not configured)</source>
        <translation>%1 (nicht eingerichtet)</translation>
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
        <translation>Jedes Modell</translation>
    </message>
    <message>
        <source>Models matching &quot;%1&quot;</source>
        <translation>Modelle, die auf „%1“ passen</translation>
    </message>
    <message>
        <source>Any request</source>
        <translation>Jede Anfrage</translation>
    </message>
    <message>
        <source>Background requests (haiku-class)</source>
        <translation>Hintergrundanfragen (Haiku-Klasse)</translation>
    </message>
    <message>
        <source>Thinking requests</source>
        <translation>Anfragen mit Thinking</translation>
    </message>
    <message>
        <source>Long-context requests</source>
        <translation>Anfragen mit langem Kontext</translation>
    </message>
    <message>
        <source>Requests with images</source>
        <translation>Anfragen mit Bildern</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>(no provider)</source>
        <translation>(kein Anbieter)</translation>
    </message>
    <message>
        <source>(no model)</source>
        <translation>(kein Modell)</translation>
    </message>
    <message>
        <source>Claude Code reaches it under /p/%1 on the proxy&apos;s address.</source>
        <translation>Claude Code erreicht es unter /p/%1 an der Adresse des Proxys.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation>%1, dann %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Where Claude Code&apos;s requests go:</source>
        <translation>Wohin die Anfragen von Claude Code gehen:</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Discard the changes made since the last Apply</source>
        <translation>Änderungen seit dem letzten Übernehmen verwerfen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Route s&amp;ets:</source>
        <translation>Routen&amp;gruppen:</translation>
    </message>
    <message>
        <source>The default routes answer at the proxy&apos;s address; a profile&apos;s answer under /p/&lt;name&gt;.</source>
        <translation>Die Standardrouten antworten unter der Adresse des Proxys, die eines Profils unter /p/&lt;Name&gt;.</translation>
    </message>
    <message>
        <source>Route sets</source>
        <translation>Routengruppen</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>A new profile starts as a copy of the default routes.</source>
        <translation>Ein neues Profil beginnt als Kopie der Standardrouten.</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>Profil&amp;name:</translation>
    </message>
    <message>
        <source>Empty: the proxy&apos;s own client token</source>
        <translation>Leer: das Client-Token des Proxys</translation>
    </message>
    <message>
        <source>The environment variable holding the token clients of this profile must send.</source>
        <translation>Die Umgebungsvariable mit dem Token, das Clients dieses Profils senden müssen.</translation>
    </message>
    <message>
        <source>Client token &amp;variable:</source>
        <translation>Client-Token-&amp;Variable:</translation>
    </message>
    <message>
        <source>&amp;Pass the client&apos;s own API key upstream</source>
        <translation>Eigenen API-Schlüssel des &amp;Clients weiterreichen</translation>
    </message>
    <message>
        <source>Requests to this profile use the key the client sends instead of the provider&apos;s.</source>
        <translation>Anfragen an dieses Profil verwenden den vom Client gesendeten Schlüssel statt des Schlüssels des Anbieters.</translation>
    </message>
    <message>
        <source>R&amp;outes, the first that matches wins:</source>
        <translation>R&amp;outen (die erste passende gilt):</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routen</translation>
    </message>
    <message>
        <source>Add route</source>
        <translation>Route hinzufügen</translation>
    </message>
    <message>
        <source>Remove route</source>
        <translation>Route entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move route up</source>
        <translation>Route nach oben verschieben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Move route down</source>
        <translation>Route nach unten verschieben</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Any model (*)</source>
        <translation>Jedes Modell (*)</translation>
    </message>
    <message>
        <source>Custom pattern</source>
        <translation>Eigenes Muster</translation>
    </message>
    <message>
        <source>A pattern on the model name Claude Code asks for: * stands for any text, ? for one character, e.g. claude-*-4-5.</source>
        <translation>Ein Muster für den Modellnamen, den Claude Code anfragt: * steht für beliebigen Text, ? für ein Zeichen, z. B. claude-*-4-5.</translation>
    </message>
    <message>
        <source>Claude &amp;model:</source>
        <translation>Claude-&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;Scenario:</source>
        <translation>&amp;Szenario:</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Goes &amp;to:</source>
        <translation>Geht &amp;an:</translation>
    </message>
    <message>
        <source>The provider&apos;s limit</source>
        <translation>Grenze des Anbieters</translation>
    </message>
    <message>
        <source>Max output to&amp;kens:</source>
        <translation>Max. Ausgabe-To&amp;kens:</translation>
    </message>
    <message>
        <source>Fallbacks</source>
        <translation>Ausweichziele</translation>
    </message>
    <message>
        <source>Tried in order when the provider fails before it answers.</source>
        <translation>Der Reihe nach versucht, wenn der Anbieter vor einer Antwort scheitert.</translation>
    </message>
    <message>
        <source>&amp;Fallbacks:</source>
        <translation>Aus&amp;weichziele:</translation>
    </message>
    <message>
        <source>Add fallback</source>
        <translation>Ausweichziel hinzufügen</translation>
    </message>
    <message>
        <source>Remove fallback</source>
        <translation>Ausweichziel entfernen</translation>
    </message>
    <message>
        <source>Move fallback up</source>
        <translation>Ausweichziel nach oben verschieben</translation>
    </message>
    <message>
        <source>Move fallback down</source>
        <translation>Ausweichziel nach unten verschieben</translation>
    </message>
    <message>
        <source>Fallback provider</source>
        <translation>Ausweich-Anbieter</translation>
    </message>
    <message>
        <source>Fallback model</source>
        <translation>Ausweich-Modell</translation>
    </message>
    <message>
        <source>Fallback goes to:</source>
        <translation>Ausweichen auf:</translation>
    </message>
    <message>
        <source>Default routes</source>
        <translation>Standardrouten</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>To fix before Apply:</source>
        <translation>Vor dem Übernehmen zu beheben:</translation>
    </message>
    <message>
        <source>%1 → no route: such requests fail</source>
        <translation>%1 → keine Route: solche Anfragen schlagen fehl</translation>
    </message>
    <message>
        <source>Not applied: fix the problems listed above first.</source>
        <translation>Nicht übernommen: Zuerst die oben aufgeführten Probleme beheben.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>New &amp;token</source>
        <translation>Neues &amp;Token</translation>
    </message>
    <message>
        <source>Make a token of its own for this profile; it is kept in the keychain.</source>
        <translation>Ein eigenes Token für dieses Profil erzeugen; es wird im Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>&amp;Copy token</source>
        <translation>Token &amp;kopieren</translation>
    </message>
    <message>
        <source>Use the proxy&apos;s to&amp;ken</source>
        <translation>Token des Pro&amp;xys verwenden</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>The routes could not be saved: %1</source>
        <translation>Die Routen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The profiles could not be saved: %1</source>
        <translation>Die Profile konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Nothing was saved: %1 %2</source>
        <translation>Nichts wurde gespeichert: %1 %2</translation>
    </message>
    <message>
        <source>Saved, but: %1</source>
        <translation>Gespeichert, aber: %1</translation>
    </message>
    <message>
        <source>Copied the new token; Apply makes it the profile&apos;s.</source>
        <translation>Das neue Token wurde kopiert; mit „Übernehmen“ wird es zum Token des Profils.</translation>
    </message>
    <message>
        <source>The token could not be read: %1</source>
        <translation>Das Token konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Copied the profile&apos;s token.</source>
        <translation>Das Token des Profils wurde kopiert.</translation>
    </message>
    <message>
        <source>A new token of its own; Apply keeps it in the keychain.</source>
        <translation>Ein neues eigenes Token; „Übernehmen“ legt es im Schlüsselbund ab.</translation>
    </message>
    <message>
        <source>A token of its own, kept in the keychain.</source>
        <translation>Ein eigenes Token, im Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>The proxy&apos;s client token.</source>
        <translation>Das Client-Token des Proxys.</translation>
    </message>
    <message>
        <source>The token in the environment variable below.</source>
        <translation>Das Token aus der Umgebungsvariablen unten.</translation>
    </message>
    <message>
        <source>Web searches</source>
        <translation>Websuchen</translation>
    </message>
    <message>
        <source>Describes images for models that cannot see them</source>
        <translation>Beschreibt Bilder für Modelle, die keine sehen</translation>
    </message>
    <message>
        <source>As the provider&apos;s preset says</source>
        <translation>Wie die Vorlage des Anbieters sagt</translation>
    </message>
    <message>
        <source>The model sees images</source>
        <translation>Das Modell sieht Bilder</translation>
    </message>
    <message>
        <source>The model cannot see images: a vision route describes them</source>
        <translation>Das Modell sieht keine Bilder: eine vision-Route beschreibt sie</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>&amp;Bilder:</translation>
    </message>
</context>
<context>
    <name>RoutesReview</name>
    <message>
        <source>There are no default routes, so requests outside a profile find no model.</source>
        <translation>Es gibt keine Standardrouten, daher finden Anfragen außerhalb eines Profils kein Modell.</translation>
    </message>
    <message>
        <source>Profile %1: %2</source>
        <translation>Profil %1: %2</translation>
    </message>
    <message>
        <source>A route has no Claude model pattern.</source>
        <translation>Eine Route hat kein Muster für das Claude-Modell.</translation>
    </message>
    <message>
        <source>The pattern &quot;%1&quot; contains a space, which no model name has.</source>
        <translation>Das Muster „%1“ enthält ein Leerzeichen, das in keinem Modellnamen vorkommt.</translation>
    </message>
    <message>
        <source>The pattern &quot;%1&quot; uses brackets; only * and ? are wildcards here.</source>
        <translation>Das Muster „%1“ enthält Klammern; hier sind nur * und ? Platzhalter.</translation>
    </message>
    <message>
        <source>The route for &quot;%1&quot; is never used: route %2, for &quot;%3&quot;, comes first and takes all its requests.</source>
        <translation>Die Route für „%1“ wird nie verwendet: Route %2 für „%3“ steht davor und übernimmt alle ihre Anfragen.</translation>
    </message>
    <message>
        <source>The route for &quot;%1&quot; falls back to %2 without naming a model.</source>
        <translation>Die Route für „%1“ weicht auf %2 aus, ohne ein Modell zu nennen.</translation>
    </message>
</context>
<context>
    <name>SearchBackendApi</name>
    <message>
        <source>%1 answered with something that is not its JSON.</source>
        <translation>%1 hat mit etwas geantwortet, das nicht sein JSON ist.</translation>
    </message>
    <message>
        <source>SearXNG refused the JSON format (403): add json to search.formats in its settings.yml.</source>
        <translation>SearXNG hat das JSON-Format abgelehnt (403): json zu search.formats in seiner settings.yml hinzufügen.</translation>
    </message>
    <message>
        <source>%1 rejected the API key (%2).</source>
        <translation>%1 hat den API-Schlüssel abgelehnt (%2).</translation>
    </message>
    <message>
        <source>%1 is rate limiting the searches (429).</source>
        <translation>%1 drosselt die Suchen (429).</translation>
    </message>
    <message>
        <source>%1 answered %2.</source>
        <translation>%1 hat mit %2 geantwortet.</translation>
    </message>
    <message>
        <source>%1 answered %2: %3</source>
        <translation>%1 hat mit %2 geantwortet: %3</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No key named &quot;%1&quot; is stored in the keychain.</source>
        <translation>Im Schlüsselbund ist kein Schlüssel namens „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Could not read the key &quot;%1&quot; from the keychain: %2</source>
        <translation>Der Schlüssel „%1“ konnte nicht aus dem Schlüsselbund gelesen werden: %2</translation>
    </message>
    <message>
        <source>Could not store the key &quot;%1&quot; in the keychain: %2</source>
        <translation>Der Schlüssel „%1“ konnte nicht im Schlüsselbund gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Could not remove the key &quot;%1&quot; from the keychain: %2</source>
        <translation>Der Schlüssel „%1“ konnte nicht aus dem Schlüsselbund entfernt werden: %2</translation>
    </message>
    <message>
        <source>This key is not stored in the OS keychain. Enter it again to store it there, or give it through an environment variable instead.</source>
        <translation>Dieser Schlüssel ist nicht im Schlüsselbund des Systems gespeichert. Zum Speichern dort erneut eingeben oder stattdessen über eine Umgebungsvariable angeben.</translation>
    </message>
    <message>
        <source>No OS keychain is available (Secret Service / KWallet not running). Keys can be given through environment variables instead; CC Bridge never stores them in plain text.</source>
        <translation>Kein Schlüsselbund des Systems verfügbar (Secret Service / KWallet läuft nicht). Schlüssel können stattdessen über Umgebungsvariablen angegeben werden; CC Bridge speichert sie niemals im Klartext.</translation>
    </message>
    <message>
        <source>No OS keychain is available. Keys can be given through environment variables instead; CC Bridge never stores them in plain text.</source>
        <translation>Kein Schlüsselbund des Systems verfügbar. Schlüssel können stattdessen über Umgebungsvariablen angegeben werden; CC Bridge speichert sie niemals im Klartext.</translation>
    </message>
    <message>
        <source>The OS keychain refused access: it may be locked, or access was denied when it asked. Unlock it and try again, or give keys through environment variables instead.</source>
        <translation>Der Schlüsselbund des Systems hat den Zugriff verweigert: Er ist möglicherweise gesperrt, oder der Zugriff wurde bei der Nachfrage abgelehnt. Den Schlüsselbund entsperren und erneut versuchen oder Schlüssel stattdessen über Umgebungsvariablen angeben.</translation>
    </message>
    <message>
        <source>The OS keychain reported an error. Try again; if it keeps failing, give keys through environment variables instead. CC Bridge never stores them in plain text.</source>
        <translation>Der Schlüsselbund des Systems hat einen Fehler gemeldet. Bitte erneut versuchen; falls der Fehler bestehen bleibt, Schlüssel stattdessen über Umgebungsvariablen angeben. CC Bridge speichert sie niemals im Klartext.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>It looks like it holds a secret; secrets belong in the keychain.</source>
        <translation>Es scheint ein Geheimnis zu enthalten; Geheimnisse gehören in den Schlüsselbund.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; looks like it holds a secret; secrets belong in the keychain.</source>
        <translation>„%1“ scheint ein Geheimnis zu enthalten; Geheimnisse gehören in den Schlüsselbund.</translation>
    </message>
    <message>
        <source>Cannot write the configuration %1: %2</source>
        <translation>Die Konfiguration %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Enter an IPv4 or IPv6 address, such as 192.168.1.20.</source>
        <translation>Eine IPv4- oder IPv6-Adresse eingeben, z. B. 192.168.1.20.</translation>
    </message>
    <message>
        <source>A client token is required when listening beyond this machine.</source>
        <translation>Ein Client-Token ist erforderlich, wenn der Proxy auch von anderen Rechnern aus erreichbar ist.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Start CC Bridge when I log in</source>
        <translation>CC Bridge bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Start the proxy when CC Bridge starts</source>
        <translation>Proxy beim Start von CC Bridge starten</translation>
    </message>
    <message>
        <source>This computer only (127.0.0.1)</source>
        <translation>Nur dieser Rechner (127.0.0.1)</translation>
    </message>
    <message>
        <source>All network interfaces (0.0.0.0)</source>
        <translation>Alle Netzwerkschnittstellen (0.0.0.0)</translation>
    </message>
    <message>
        <source>Custom address</source>
        <translation>Eigene Adresse</translation>
    </message>
    <message>
        <source>IP address of this computer</source>
        <translation>IP-Adresse dieses Rechners</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Listen on:</source>
        <translation>Lauschen auf:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>No token</source>
        <translation>Kein Token</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Client Token</source>
        <translation>Client-Token</translation>
    </message>
    <message>
        <source>Clients send this token to use the proxy. Claude Code gets it from the snippets on the Claude Code page.</source>
        <translation>Clients senden dieses Token, um den Proxy zu nutzen. Claude Code erhält es über die Snippets auf der Seite „Claude Code“.</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>Zeitlimits</translation>
    </message>
    <message>
        <source>Connect:</source>
        <translation>Verbindungsaufbau:</translation>
    </message>
    <message>
        <source>Read:</source>
        <translation>Lesen:</translation>
    </message>
    <message>
        <source>Whole request:</source>
        <translation>Gesamte Anfrage:</translation>
    </message>
    <message>
        <source>Keep-alive ping every:</source>
        <translation>Keep-alive-Ping alle:</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Requests kept in the log:</source>
        <translation>Im Protokoll aufbewahrte Anfragen:</translation>
    </message>
    <message>
        <source>Usage statistics kept for:</source>
        <translation>Nutzungsstatistik aufbewahren für:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>A new language is used the next time CC Bridge starts.</source>
        <translation>Eine neue Sprache wird beim nächsten Start von CC Bridge verwendet.</translation>
    </message>
    <message>
        <source>A new token was made. Clients still using the old one are refused until they get the new one: copy the snippet on the Claude Code page again.</source>
        <translation>Ein neues Token wurde erzeugt. Clients mit dem alten Token werden abgewiesen, bis sie das neue erhalten: Dazu das Snippet auf der Seite „Claude Code“ erneut kopieren.</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Attempts per provider:</source>
        <translation>Versuche pro Anbieter:</translation>
    </message>
    <message>
        <source>First backoff up to:</source>
        <translation>Erste Wartezeit bis zu:</translation>
    </message>
    <message>
        <source>Requests from clients</source>
        <translation>Anfragen von Clients</translation>
    </message>
    <message>
        <source>Largest headers:</source>
        <translation>Größte Header:</translation>
    </message>
    <message>
        <source>Largest body:</source>
        <translation>Größter Anfragekörper:</translation>
    </message>
    <message>
        <source>Time to send headers:</source>
        <translation>Zeit zum Senden der Header:</translation>
    </message>
    <message>
        <source>Idle connections close after:</source>
        <translation>Untätige Verbindungen schließen nach:</translation>
    </message>
    <message>
        <source>Long context above:</source>
        <translation>Langer Kontext ab:</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Configuration File</source>
        <translation>Konfigurationsdatei</translation>
    </message>
    <message>
        <source>Kept in %1. The headless proxy (ccbridge --headless) serves the same file. Export it to share a setup with your team: keys are never in it, and an import asks for the missing ones.</source>
        <translation>Gespeichert in %1. Der Proxy ohne Fenster (ccbridge --headless) nutzt dieselbe Datei. Zum Teilen einer Einrichtung mit dem Team exportieren: Schlüssel sind nie enthalten, und beim Import wird nach fehlenden gefragt.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Export the configuration</source>
        <translation>Konfiguration exportieren</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren …</translation>
    </message>
    <message>
        <source>Import a configuration</source>
        <translation>Eine Konfiguration importieren</translation>
    </message>
    <message>
        <source>Export Configuration</source>
        <translation>Konfiguration exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Import Configuration</source>
        <translation>Konfiguration importieren</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Nothing was imported:
%1</source>
        <translation>Es wurde nichts importiert:
%1</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>%1 importiert.</translation>
    </message>
    <message>
        <source>Requests finish at quit within:</source>
        <translation>Anfragen enden beim Beenden innerhalb von:</translation>
    </message>
    <message>
        <source>Longest wait before a retry:</source>
        <translation>Längste Wartezeit vor neuem Versuch:</translation>
    </message>
    <message>
        <source>Client waits at most:</source>
        <translation>Client wartet höchstens:</translation>
    </message>
</context>
<context>
    <name>SetupCheckPanel</name>
    <message>
        <source>Setup Check</source>
        <translation>Einrichtungsprüfung</translation>
    </message>
    <message>
        <source>Checks Claude Code, the variables that point it somewhere, CC Bridge and each provider with its key and models, as ccbridge doctor does in a terminal.</source>
        <translation>Prüft Claude Code, die Variablen, die es irgendwohin lenken, CC Bridge und jeden Anbieter mit Schlüssel und Modellen, wie ccbridge doctor im Terminal.</translation>
    </message>
    <message>
        <source>Check Setup</source>
        <translation>Einrichtung prüfen</translation>
    </message>
    <message>
        <source>Setup findings</source>
        <translation>Prüfergebnisse</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>OK: %1</source>
        <translation>OK: %1</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
    <message>
        <source>Everything is set up.</source>
        <translation>Alles ist eingerichtet.</translation>
    </message>
    <message>
        <source>Problems found: %1.</source>
        <translation>Gefundene Probleme: %1.</translation>
    </message>
</context>
<context>
    <name>SetupDoctor</name>
    <message>
        <source>Install it: npm install -g @anthropic-ai/claude-code</source>
        <translation>Installieren Sie es: npm install -g @anthropic-ai/claude-code</translation>
    </message>
    <message>
        <source>Claude Code (claude) was not found on PATH.</source>
        <translation>Claude Code (claude) wurde im PATH nicht gefunden.</translation>
    </message>
    <message>
        <source>Claude Code %1 at %2.</source>
        <translation>Claude Code %1 unter %2.</translation>
    </message>
    <message>
        <source>%1 did not say its version.</source>
        <translation>%1 hat seine Version nicht genannt.</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>Unset it, or start Claude Code with ccbridge code, or set its environment with: eval &quot;$(ccbridge env)&quot;</source>
        <translation>Entfernen Sie sie, starten Sie Claude Code mit ccbridge code, oder setzen Sie seine Umgebung mit: eval &quot;$(ccbridge env)&quot;</translation>
    </message>
    <message>
        <source>%1 is %2 in this environment, where CC Bridge needs %3.</source>
        <translation>%1 ist in dieser Umgebung %2, CC Bridge braucht aber %3.</translation>
    </message>
    <message>
        <source>its own value</source>
        <translation>seinen eigenen Wert</translation>
    </message>
    <message>
        <source>%1 sets %2 to %3, which points Claude Code elsewhere.</source>
        <translation>%1 setzt %2 auf %3 und lenkt Claude Code damit woandershin.</translation>
    </message>
    <message>
        <source>Remove that setting, or give it the value ccbridge env prints.</source>
        <translation>Entfernen Sie diese Einstellung oder geben Sie ihr den Wert, den ccbridge env ausgibt.</translation>
    </message>
    <message>
        <source>Nothing in this environment, the shell profiles or Claude Code&apos;s settings points Claude Code elsewhere.</source>
        <translation>Nichts in dieser Umgebung, den Shell-Profilen oder den Einstellungen von Claude Code lenkt Claude Code woandershin.</translation>
    </message>
    <message>
        <source>CC Bridge answers at %1.</source>
        <translation>CC Bridge antwortet unter %1.</translation>
    </message>
    <message>
        <source>Nothing answers at %1, where Claude Code is sent.</source>
        <translation>Unter %1, wohin Claude Code geschickt wird, antwortet nichts.</translation>
    </message>
    <message>
        <source>Start CC Bridge (the window&apos;s Start, or ccbridge --headless), or start Claude Code with ccbridge code, which runs one for the session.</source>
        <translation>Starten Sie CC Bridge (Start im Fenster oder ccbridge --headless), oder starten Sie Claude Code mit ccbridge code, das für die Sitzung eine startet.</translation>
    </message>
    <message>
        <source>%1 answers at %2 and accepts the key.</source>
        <translation>%1 antwortet unter %2 und akzeptiert den Schlüssel.</translation>
    </message>
    <message>
        <source>%1 serves %2 (route %3).</source>
        <translation>%1 bietet %2 an (Route %3).</translation>
    </message>
    <message>
        <source>%1 does not list %2, which route %3 asks for.</source>
        <translation>%1 führt %2 nicht, das Route %3 anfordert.</translation>
    </message>
    <message>
        <source>Choose one of its models in the Routes tab: %1.</source>
        <translation>Wählen Sie im Reiter Routen eines seiner Modelle: %1.</translation>
    </message>
    <message>
        <source>%1 rejected the key (HTTP %2).</source>
        <translation>%1 hat den Schlüssel abgelehnt (HTTP %2).</translation>
    </message>
    <message>
        <source>Paste a valid key for %1 in the window&apos;s Providers tab.</source>
        <translation>Fügen Sie im Reiter Anbieter des Fensters einen gültigen Schlüssel für %1 ein.</translation>
    </message>
    <message>
        <source>Put a valid key in %1, or in the window&apos;s Providers tab.</source>
        <translation>Legen Sie einen gültigen Schlüssel in %1 oder im Reiter Anbieter des Fensters ab.</translation>
    </message>
    <message>
        <source>%1 could not be reached at %2: %3</source>
        <translation>%1 war unter %2 nicht erreichbar: %3</translation>
    </message>
    <message>
        <source>Check its base URL, and the network or HTTPS_PROXY on the way.</source>
        <translation>Prüfen Sie die Basis-URL und das Netz oder HTTPS_PROXY auf dem Weg.</translation>
    </message>
    <message>
        <source>%1 at %2 answered: %3</source>
        <translation>%1 unter %2 antwortete: %3</translation>
    </message>
    <message>
        <source>Check its base URL in the Providers tab.</source>
        <translation>Prüfen Sie die Basis-URL im Reiter Anbieter.</translation>
    </message>
    <message>
        <source>The main model %1 has a %2-token window, below the smallest Claude Code compacts at; CC Bridge answers its overflows as &quot;prompt is too long&quot;, which makes Claude Code compact.</source>
        <translation>Das Hauptmodell %1 hat ein Fenster von %2 Token, weniger als das kleinste, bei dem Claude Code zusammenfasst; CC Bridge beantwortet Überläufe als „prompt is too long“, worauf Claude Code zusammenfasst.</translation>
    </message>
    <message>
        <source>The main model %1 has a %2-token window and Claude Code compacts before it (%3=%4).</source>
        <translation>Das Hauptmodell %1 hat ein Fenster von %2 Token, und Claude Code fasst vorher zusammen (%3=%4).</translation>
    </message>
    <message>
        <source>The main model %1 has a %2-token window, smaller than Claude Code assumes, and %3 is not set: long sessions fail before Claude Code compacts.</source>
        <translation>Das Hauptmodell %1 hat ein Fenster von %2 Token, kleiner als Claude Code annimmt, und %3 ist nicht gesetzt: Lange Sitzungen scheitern, bevor Claude Code zusammenfasst.</translation>
    </message>
    <message>
        <source>Start Claude Code with ccbridge code, or set its environment with eval &quot;$(ccbridge env)&quot; or the window&apos;s Apply to settings.json.</source>
        <translation>Starten Sie Claude Code mit ccbridge code, oder setzen Sie seine Umgebung mit eval &quot;$(ccbridge env)&quot; oder mit „In settings.json übernehmen“ im Fenster.</translation>
    </message>
    <message>
        <source>%1 when %2</source>
        <translation>%1 bei %2</translation>
    </message>
</context>
<context>
    <name>ShutdownSignals</name>
    <message>
        <source>SIGTERM and SIGINT cannot be caught (%1): they end CC Bridge at once.</source>
        <translation>SIGTERM und SIGINT können nicht abgefangen werden (%1): Sie beenden CC Bridge sofort.</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>CC Bridge: no requests yet</source>
        <translation>CC Bridge: noch keine Anfragen</translation>
    </message>
    <message>
        <source>%1 failed (%2)</source>
        <translation>%1 fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>today %1 tokens</source>
        <translation>heute %1 Tokens</translation>
    </message>
    <message>
        <source>CC Bridge is not running at %1</source>
        <translation>CC Bridge läuft nicht unter %1</translation>
    </message>
    <message>
        <source>CC Bridge at %1 refused the client token</source>
        <translation>CC Bridge unter %1 hat den Client-Token abgelehnt</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Routes</source>
        <translation>Routen</translation>
    </message>
    <message>
        <source>Copy environment for fish</source>
        <translation>Umgebung für fish kopieren</translation>
    </message>
    <message>
        <source>Copy environment for PowerShell</source>
        <translation>Umgebung für PowerShell kopieren</translation>
    </message>
    <message>
        <source>Copy environment for bash/zsh</source>
        <translation>Umgebung für bash/zsh kopieren</translation>
    </message>
    <message>
        <source>Open CC Bridge</source>
        <translation>CC Bridge öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>CC Bridge</source>
        <translation>CC Bridge</translation>
    </message>
    <message>
        <source>Running on %1</source>
        <translation>Läuft auf %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet …</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Not running: %1</source>
        <translation>Läuft nicht: %1</translation>
    </message>
    <message>
        <source>Routes: default</source>
        <translation>Routen: Standard</translation>
    </message>
    <message>
        <source>Routes: %1</source>
        <translation>Routen: %1</translation>
    </message>
    <message>
        <source>Today: %1 tokens in, %2 out</source>
        <translation>Heute: %1 Tokens Eingabe, %2 Ausgabe</translation>
    </message>
    <message>
        <source>Stop proxy</source>
        <translation>Proxy anhalten</translation>
    </message>
    <message>
        <source>Start proxy</source>
        <translation>Proxy starten</translation>
    </message>
    <message>
        <source>Default routes</source>
        <translation>Standardrouten</translation>
    </message>
</context>
<context>
    <name>UpstreamApiName</name>
    <message>
        <source>%1: &quot;%2&quot; is not an API format CC Bridge knows (known: %3).</source>
        <translation>%1: „%2“ ist kein API-Format, das CC Bridge kennt (bekannt: %3).</translation>
    </message>
</context>
<context>
    <name>UpstreamCall</name>
    <message>
        <source>The upstream sent nothing for %1 s.</source>
        <translation>Der Upstream-Server hat %1 s lang nichts gesendet.</translation>
    </message>
    <message>
        <source>Could not reach the upstream within the connect timeout.</source>
        <translation>Der Upstream-Server war innerhalb des Zeitlimits für den Verbindungsaufbau nicht erreichbar.</translation>
    </message>
    <message>
        <source>The upstream %1 closed the connection (%2).</source>
        <translation>Der Upstream-Server %1 hat die Verbindung geschlossen (%2).</translation>
    </message>
    <message>
        <source>Could not resolve the upstream host %1 (DNS).</source>
        <translation>Der Upstream-Host %1 konnte nicht aufgelöst werden (DNS).</translation>
    </message>
    <message>
        <source>The upstream %1 refused the connection.</source>
        <translation>Der Upstream-Server %1 hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>The upstream %1 closed the connection.</source>
        <translation>Der Upstream-Server %1 hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2</source>
        <translation>Der TLS-Handshake mit %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The proxy to %1 failed: %2</source>
        <translation>Der Proxy zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The upstream %1 sent a malformed response: %2</source>
        <translation>Der Upstream-Server %1 hat eine fehlerhafte Antwort gesendet: %2</translation>
    </message>
    <message>
        <source>The upstream %1 sent a corrupt compressed body.</source>
        <translation>Der Upstream-Server %1 hat einen beschädigten komprimierten Antworttext gesendet.</translation>
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message>
        <source>%1B</source>
        <translation>%1 Mrd.</translation>
    </message>
    <message>
        <source>%1M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>%1k</source>
        <translation>%1 Tsd.</translation>
    </message>
    <message>
        <source>Tokens per day</source>
        <translation>Tokens pro Tag</translation>
    </message>
    <message>
        <source>Requests: %1</source>
        <translation>Anfragen: %1</translation>
    </message>
    <message>
        <source>Input: %1</source>
        <translation>Eingabe: %1</translation>
    </message>
    <message>
        <source>Cached input: %1</source>
        <translation>Eingabe aus Cache: %1</translation>
    </message>
    <message>
        <source>Output: %1</source>
        <translation>Ausgabe: %1</translation>
    </message>
    <message>
        <source>Errors: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Cached input</source>
        <translation>Eingabe aus Cache</translation>
    </message>
    <message>
        <source>No tokens used in this period</source>
        <translation>In diesem Zeitraum wurden keine Tokens verbraucht</translation>
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
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>Eingabe-Tokens</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>Cached tokens</source>
        <translation>Tokens aus Cache</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>Geschätzte Kosten</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Est. cost</source>
        <translation>Gesch. Kosten</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No list price is known for the models used in this period.</source>
        <translation>Für die in diesem Zeitraum genutzten Modelle ist kein Listenpreis bekannt.</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>At list prices. Some models used in this period have no known price and are not counted.</source>
        <translation>Zu Listenpreisen. Für einige in diesem Zeitraum genutzte Modelle ist kein Preis bekannt; sie sind nicht berücksichtigt.</translation>
    </message>
    <message>
        <source>At list prices; what your provider bills may differ.</source>
        <translation>Zu Listenpreisen; die tatsächliche Abrechnung des Anbieters kann abweichen.</translation>
    </message>
    <message>
        <source>(no provider)</source>
        <translation>(kein Anbieter)</translation>
    </message>
    <message>
        <source>Requests that failed before reaching a provider</source>
        <translation>Anfragen, die fehlgeschlagen sind, bevor sie einen Anbieter erreicht haben</translation>
    </message>
    <message>
        <source>Usage by day and model</source>
        <translation>Nutzung nach Tag und Modell</translation>
    </message>
</context>
<context>
    <name>UsageStats</name>
    <message>
        <source>Could not save the usage statistics to %1: %2</source>
        <translation>Die Nutzungsstatistik konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Could not read the usage statistics in %1 (%2); this session&apos;s usage will not be saved.</source>
        <translation>Die Nutzungsstatistik in %1 konnte nicht gelesen werden (%2); die Nutzung dieser Sitzung wird nicht gespeichert.</translation>
    </message>
    <message>
        <source>not a version %1 usage file</source>
        <translation>keine Nutzungsdatei der Version %1</translation>
    </message>
    <message>
        <source>it has no rows</source>
        <translation>sie enthält keine Zeilen</translation>
    </message>
    <message>
        <source>a row without a day, provider or model</source>
        <translation>eine Zeile ohne Tag, Anbieter oder Modell</translation>
    </message>
    <message>
        <source>%1 is not a count</source>
        <translation>%1 ist keine Anzahl</translation>
    </message>
    <message>
        <source>The usage statistics in %1 could not be read (%2); moved to %3, starting afresh.</source>
        <translation>Die Nutzungsstatistik in %1 konnte nicht gelesen werden (%2); sie wurde nach %3 verschoben, die Zählung beginnt neu.</translation>
    </message>
    <message>
        <source>The usage statistics in %1 could not be read (%2) nor moved aside; this session&apos;s usage will not be saved.</source>
        <translation>Die Nutzungsstatistik in %1 konnte weder gelesen (%2) noch beiseitegelegt werden; die Nutzung dieser Sitzung wird nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>WebSearchBox</name>
    <message>
        <source>Web search</source>
        <translation>Websuche</translation>
    </message>
    <message>
        <source>Claude Code&apos;s WebSearch needs a search engine. For providers without one of their own, CC Bridge runs the searches on this service and the model reads the results.</source>
        <translation>WebSearch von Claude Code braucht eine Suchmaschine. Für Anbieter ohne eigene führt CC Bridge die Suchen über diesen Dienst aus, und das Modell liest die Ergebnisse.</translation>
    </message>
    <message>
        <source>Web search backend</source>
        <translation>Websuch-Backend</translation>
    </message>
    <message>
        <source>Off: the tool is dropped</source>
        <translation>Aus: Das Werkzeug entfällt</translation>
    </message>
    <message>
        <source>SearXNG (self-hosted, no key)</source>
        <translation>SearXNG (selbst betrieben, ohne Schlüssel)</translation>
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
        <translation>Adresse der Websuche</translation>
    </message>
    <message>
        <source>Web search API key</source>
        <translation>API-Schlüssel der Websuche</translation>
    </message>
    <message>
        <source>Paste the key; it is kept in the keychain</source>
        <translation>Schlüssel einfügen; er wird im Schlüsselbund aufbewahrt</translation>
    </message>
    <message>
        <source>Search on:</source>
        <translation>Suchen über:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>Results per search:</source>
        <translation>Ergebnisse pro Suche:</translation>
    </message>
    <message>
        <source>Without a keychain, the key comes from the configuration&apos;s webSearch.apiKeyEnv variable.</source>
        <translation>Ohne Schlüsselbund kommt der Schlüssel aus der Variablen webSearch.apiKeyEnv der Konfiguration.</translation>
    </message>
    <message>
        <source>A key is saved in the keychain.</source>
        <translation>Ein Schlüssel ist im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>%1 needs its API key.</source>
        <translation>%1 benötigt seinen API-Schlüssel.</translation>
    </message>
    <message>
        <source>Saving the key…</source>
        <translation>Schlüssel wird gespeichert …</translation>
    </message>
    <message>
        <source>The key could not be saved: %1</source>
        <translation>Der Schlüssel konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>WebSearcher</name>
    <message>
        <source>The search backend&apos;s answer is larger than %1 bytes.</source>
        <translation>Die Antwort des Such-Backends ist größer als %1 Byte.</translation>
    </message>
    <message>
        <source>The search backend cannot be reached: %1</source>
        <translation>Das Such-Backend ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The search backend did not answer in time: %1</source>
        <translation>Das Such-Backend hat nicht rechtzeitig geantwortet: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The configuration is valid.
</source>
        <translation>Die Konfiguration ist gültig.
</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3
</source>
        <translation>Lauschen auf %1:%2 nicht möglich: %3
</translation>
    </message>
    <message>
        <source>No display found: running without a window.
</source>
        <translation>Keine Anzeige gefunden: Ausführung ohne Fenster.
</translation>
    </message>
    <message>
        <source>CC Bridge %1 listening on %2
</source>
        <translation>CC Bridge %1 lauscht auf %2
</translation>
    </message>
    <message>
        <source>No system tray was found: CC Bridge runs as long as this window is open.</source>
        <translation>Keine Systemleiste gefunden: CC Bridge läuft, solange dieses Fenster geöffnet ist.</translation>
    </message>
    <message>
        <source>The configuration given on the command line is used with --headless only; the window uses the providers set up here.</source>
        <translation>Die auf der Kommandozeile angegebene Konfiguration wird nur mit --headless verwendet; das Fenster verwendet die hier eingerichteten Anbieter.</translation>
    </message>
    <message>
        <source>Restart CC Bridge to see every text in the new language.</source>
        <translation>CC Bridge neu starten, um alle Texte in der neuen Sprache zu sehen.</translation>
    </message>
    <message>
        <source>No configuration yet: set CC Bridge up in its window, or give --config &lt;file&gt;, --preset &lt;id&gt;, or --upstream &lt;url&gt; --model &lt;name&gt; [--api-key-env &lt;variable&gt;].
</source>
        <translation>Noch keine Konfiguration: CC Bridge im Fenster einrichten oder --config &lt;Datei&gt;, --preset &lt;ID&gt; oder --upstream &lt;URL&gt; --model &lt;Name&gt; [--api-key-env &lt;Variable&gt;] angeben.
</translation>
    </message>
    <message>
        <source>The configuration %1 is valid.
</source>
        <translation>Die Konfiguration %1 ist gültig.
</translation>
    </message>
    <message>
        <source>CC Bridge %1 listening on %2 (configuration: %3)
</source>
        <translation>CC Bridge %1 lauscht auf %2 (Konfiguration: %3)
</translation>
    </message>
    <message>
        <source>No client token is set, so any program on this computer can use the proxy and your providers&apos; keys (web pages cannot). %1
</source>
        <translation>Es ist kein Client-Token gesetzt, daher kann jedes Programm auf diesem Computer den Proxy und die Schlüssel Ihrer Anbieter verwenden (Webseiten nicht). %1
</translation>
    </message>
    <message>
        <source>Open CC Bridge&apos;s window once: it makes one and shows Claude Code&apos;s environment with it.</source>
        <translation>Öffnen Sie einmal das Fenster von CC Bridge: Es erstellt eines und zeigt die Umgebung für Claude Code damit an.</translation>
    </message>
    <message>
        <source>To require one, put a random value in an environment variable, add --client-token-env &lt;variable&gt; (&quot;clientTokenEnv&quot; in a config file), and give Claude Code the same value as ANTHROPIC_AUTH_TOKEN.</source>
        <translation>Um eines zu verlangen, legen Sie einen Zufallswert in eine Umgebungsvariable, geben Sie --client-token-env &lt;Variable&gt; an (&quot;clientTokenEnv&quot; in einer Konfigurationsdatei) und geben Sie Claude Code denselben Wert als ANTHROPIC_AUTH_TOKEN.</translation>
    </message>
    <message>
        <source>CC Bridge is shutting down: requests in flight get up to %1 s to finish. Press Ctrl+C again to stop at once.
</source>
        <translation>CC Bridge wird beendet: Laufende Anfragen haben bis zu %1 s Zeit, fertig zu werden. Erneut Strg+C drücken, um sofort zu beenden.
</translation>
    </message>
    <message>
        <source>Claude Code could not be started: %1
</source>
        <translation>Claude Code konnte nicht gestartet werden: %1
</translation>
    </message>
    <message>
        <source>Claude Code (claude) was not found on PATH. Install it with: npm install -g @anthropic-ai/claude-code
</source>
        <translation>Claude Code (claude) wurde im PATH nicht gefunden. Installieren Sie es mit: npm install -g @anthropic-ai/claude-code
</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2
</source>
        <translation>Kann nicht auf %1 lauschen: %2
</translation>
    </message>
    <message>
        <source>[ok] %1
</source>
        <translation>[ok] %1
</translation>
    </message>
    <message>
        <source>[problem] %1
          fix: %2
</source>
        <translation>[Problem] %1
          Abhilfe: %2
</translation>
    </message>
    <message>
        <source>Everything is set up.
</source>
        <translation>Alles ist eingerichtet.
</translation>
    </message>
    <message>
        <source>Problems found: %1.
</source>
        <translation>Gefundene Probleme: %1.
</translation>
    </message>
</context>
</TS>
