// The real Claude Code CLI (`claude -p`) through the proxy, with a scripted upstream: the first
// turn calls the Write tool, Claude Code writes the file and sends the result back, the second
// turn answers with the final text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, existsSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import http from 'node:http';
import { once } from 'node:events';
import { startScriptedUpstream, startProxy, startProxyWithConfig, startConnectProxy, chatCompletionStream, waitFor, testCaFile } from './harness.mjs';

const require = createRequire(import.meta.url);
const claudeBinary = join(require.resolve('@anthropic-ai/claude-code/package.json'), '..', 'bin', 'claude.exe');

let upstream;
let proxy;

before(async () => {
  upstream = await startScriptedUpstream();
  proxy = await startProxy(upstream.baseUrl, { model: 'scripted-coder' });
});

after(async () => {
  await proxy?.stop();
  await upstream?.close();
});

// Runs `command` to its end in `cwd` with a temporary `home` and `env` over a few settings that
// keep Claude Code quiet: its exit code and output.
function runIsolated(command, args, cwd, home, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        HOME: home,
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        DISABLE_AUTOUPDATER: '1',
        DISABLE_TELEMETRY: '1',
        DISABLE_ERROR_REPORTING: '1',
        // A closed port as proxy for everything else, so nothing can leave the machine.
        HTTPS_PROXY: 'http://127.0.0.1:9',
        HTTP_PROXY: 'http://127.0.0.1:9',
        NO_PROXY: '127.0.0.1,localhost',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (piece) => { stdout += piece; });
    child.stderr.on('data', (piece) => { stderr += piece; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${command} timed out\n${stderr}`)); }, 120000);
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

function runClaude(prompt, cwd, home, { baseUrl = proxy.baseUrl, extraArgs = [] } = {}) {
  return runIsolated(claudeBinary, ['-p', prompt, '--output-format', 'json', '--allowedTools', 'Write', ...extraArgs], cwd, home,
    { ANTHROPIC_BASE_URL: baseUrl, ANTHROPIC_AUTH_TOKEN: 'dummy' });
}

test('claude -p writes a file through a tool call, then answers with the final text', async () => {
  const workdir = realpathSync(mkdtempSync(join(tmpdir(), 'ccbridge-e2e-work-')));
  const home = mkdtempSync(join(tmpdir(), 'ccbridge-e2e-home-'));
  const target = join(workdir, 'hello.txt');
  const fileContent = 'Hello from CC Bridge — über alles 你好\n';

  upstream.enqueue({
    chunks: chatCompletionStream({
      content: "I'll write the file.",
      toolCalls: [{ id: 'call_write_1', name: 'Write', arguments: JSON.stringify({ file_path: target, content: fileContent }) }],
      finishReason: 'tool_calls',
      usage: { prompt_tokens: 12000, completion_tokens: 40 },
    }),
  });
  upstream.enqueue({
    chunks: chatCompletionStream({
      content: 'Done: hello.txt is written.',
      usage: { prompt_tokens: 12100, completion_tokens: 8, prompt_tokens_details: { cached_tokens: 11900 } },
    }),
  });

  const result = await runClaude('Create hello.txt with a greeting.', workdir, home);
  assert.equal(result.code, 0, `claude failed:\n${result.stdout}\n${result.stderr}`);
  const output = JSON.parse(result.stdout);
  assert.equal(output.is_error, false, result.stdout);
  assert.equal(output.result, 'Done: hello.txt is written.');

  assert.ok(existsSync(target), 'the Write tool did not create the file');
  assert.equal(readFileSync(target, 'utf8'), fileContent);

  // What reached the provider: two OpenAI requests, the second carrying the tool result.
  assert.equal(upstream.requests.length, 2);
  const [first, second] = upstream.requests.map((r) => r.body);
  assert.equal(first.model, 'scripted-coder');
  assert.equal(first.stream, true);
  assert.ok(first.max_tokens <= 8192, `max_tokens ${first.max_tokens} was not clamped`);
  assert.ok(first.tools.some((tool) => tool.function.name === 'Write'));
  for (const key of ['thinking', 'output_config', 'context_management', 'metadata']) assert.equal(first[key], undefined, key);
  assert.equal(first.messages[0].role, 'system');
  // Claude Code's environment message (role "system" inside messages) is kept.
  assert.ok(first.messages.some((m, i) => i > 0 && m.role === 'system' && /working directory/i.test(m.content)));
  const assistant = second.messages.find((m) => m.role === 'assistant' && m.tool_calls);
  assert.equal(assistant.tool_calls[0].id, 'call_write_1');
  assert.equal(assistant.tool_calls[0].function.name, 'Write');
  const toolMessage = second.messages[second.messages.indexOf(assistant) + 1];
  assert.equal(toolMessage.role, 'tool');
  assert.equal(toolMessage.tool_call_id, 'call_write_1');
  for (const message of second.messages) assert.notEqual(message.content, '', 'an empty content string was sent');
});

// The other provider is an https one behind a CONNECT proxy, as at a company: TLS with a CA of
// the company's own (SSL_CERT_FILE) inside the tunnel HTTPS_PROXY names.
test('claude --model provider,model reaches that provider and model, over TLS through a tunnel', async () => {
  const other = await startScriptedUpstream({ tls: true });
  const port = new URL(other.baseUrl).port;
  const tunnel = await startConnectProxy(port);
  const configured = await startProxyWithConfig({
    providers: [
      { name: 'main', baseUrl: upstream.baseUrl, apiKeyEnv: 'CCBRIDGE_E2E_KEY' },
      { name: 'other', baseUrl: `https://upstream.invalid:${port}/v1`, apiKeyEnv: 'CCBRIDGE_E2E_KEY' },
    ],
    routes: [{ match: '*', provider: 'main', model: 'main-model' }],
  }, { env: { HTTPS_PROXY: tunnel.url, SSL_CERT_FILE: testCaFile } });
  try {
    other.enqueue({ chunks: chatCompletionStream({ content: 'Hello from the other provider.', usage: { prompt_tokens: 9000, completion_tokens: 6 } }) });
    const workdir = mkdtempSync(join(tmpdir(), 'ccbridge-e2e-work-'));
    const home = mkdtempSync(join(tmpdir(), 'ccbridge-e2e-home-'));
    const result = await runClaude('Say hello.', workdir, home, { baseUrl: configured.baseUrl, extraArgs: ['--model', 'other,Special-Model-7'] });
    assert.equal(result.code, 0, `claude failed:\n${result.stdout}\n${result.stderr}`);
    assert.equal(JSON.parse(result.stdout).result, 'Hello from the other provider.');
    assert.equal(other.requests.length, 1);
    assert.equal(other.requests[0].body.model, 'Special-Model-7');
    await waitFor(() => configured.logLines.some((line) => line.includes('other,Special-Model-7 → other/Special-Model-7 200')));
    assert.ok(tunnel.targets.length > 0 && tunnel.targets.every((target) => target === `upstream.invalid:${port}`), `tunnel targets: ${tunnel.targets}`);
  } finally {
    await configured.stop();
    await tunnel.close();
    await other.close();
  }
});

// A provider whose window is smaller than Claude Code assumes refuses a long conversation in
// its own words. Through the proxy Claude Code reads it as its own "prompt is too long",
// compacts the conversation and goes on, instead of ending the session on a foreign error.
// (Claude Code itself recognises DeepSeek's wording; LM Studio's it does not.)
for (const [provider, recorded] of [['DeepSeek', 'deepseek-400-context-length.json'], ['LM Studio', 'lmstudio-400-context-length.json']]) {
  test(`a context overflow in ${provider}'s words makes Claude Code compact the conversation and go on`, async () => {
    const upstreamServer = await startScriptedUpstream();
    const bridge = await startProxy(upstreamServer.baseUrl, { model: 'small-window-model' });
    try {
      const workdir = mkdtempSync(join(tmpdir(), 'ccbridge-e2e-work-'));
      const home = mkdtempSync(join(tmpdir(), 'ccbridge-e2e-home-'));
      upstreamServer.enqueue({ chunks: chatCompletionStream({ content: 'Hello! What shall we build?', usage: { prompt_tokens: 3000, completion_tokens: 8 } }) });
      const opening = await runClaude('Hello.', workdir, home, { baseUrl: bridge.baseUrl });
      assert.equal(opening.code, 0, `claude failed:\n${opening.stdout}\n${opening.stderr}`);

      // The next turn of the same session (--continue) overflows the window; whatever follows
      // (the compaction's summary, the turn again) is answered.
      const overflowAt = upstreamServer.requests.length;
      upstreamServer.enqueue({ status: 400, body: readFileSync(new URL(`../data/provider-streams/${recorded}`, import.meta.url), 'utf8') });
      for (let i = 1; i <= 5; i++) {
        upstreamServer.enqueue({ chunks: chatCompletionStream({ content: `Answer ${i}.`, usage: { prompt_tokens: 3000, completion_tokens: 4 } }) });
      }
      const result = await runClaude('Summarise the project.', workdir, home, { baseUrl: bridge.baseUrl, extraArgs: ['--continue'] });
      assert.equal(result.code, 0, `claude failed:\n${result.stdout}\n${result.stderr}`);
      const output = JSON.parse(result.stdout);
      assert.equal(output.is_error, false, result.stdout);
      assert.match(output.result, /^Answer \d\.$/);

      // After the refusal Claude Code asked for a summary of the conversation (its compaction),
      // then went on with the turn.
      const text = (message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content));
      const afterOverflow = upstreamServer.requests.slice(overflowAt + 1).map((request) => request.body);
      assert.ok(afterOverflow.length >= 2, `${afterOverflow.length} requests after the overflow`);
      assert.ok(afterOverflow.some((body) => body.messages.some((message) => message.role === 'user' && /TEXT ONLY|summary/i.test(text(message)))),
        'no compaction request followed the overflow');
      await waitFor(() => bridge.logLines.some((line) => line.includes(' 400 ') && line.includes('prompt is too long')));
    } finally {
      await bridge.stop();
      await upstreamServer.close();
    }
  });
}

// `ccbridge code -p …` in a script: ccbridge runs a proxy for the session (the quick start given
// on its command line) and starts claude from PATH with the environment pointing at it; claude's
// own arguments (-p, --output-format, --allowedTools) pass through unchanged, and claude's exit
// code is ccbridge's.
test('ccbridge code -p completes a Write round trip through a proxy it runs for the session', async () => {
  const workdir = realpathSync(mkdtempSync(join(tmpdir(), 'ccbridge-e2e-work-')));
  const home = mkdtempSync(join(tmpdir(), 'ccbridge-e2e-home-'));
  const target = join(workdir, 'launched.txt');
  upstream.enqueue({
    chunks: chatCompletionStream({
      toolCalls: [{ id: 'call_write_code', name: 'Write', arguments: JSON.stringify({ file_path: target, content: 'from ccbridge code\n' }) }],
      finishReason: 'tool_calls',
      usage: { prompt_tokens: 12000, completion_tokens: 30 },
    }),
  });
  upstream.enqueue({ chunks: chatCompletionStream({ content: 'Launched and written.', usage: { prompt_tokens: 12100, completion_tokens: 5 } }) });
  const before = upstream.requests.length;
  // claude on PATH, as `npm install -g @anthropic-ai/claude-code` puts it there.
  const bin = mkdtempSync(join(tmpdir(), 'ccbridge-e2e-bin-'));
  symlinkSync(claudeBinary, join(bin, 'claude'));

  // Nothing of Claude Code's environment is set here: ccbridge code sets it.
  const result = await runIsolated(process.env.CCBRIDGE_BIN, ['code', '--upstream', upstream.baseUrl, '--model', 'launched-model',
    '--api-key-env', 'CCBRIDGE_E2E_KEY', '--listen', '127.0.0.1:0',
    '-p', 'Create launched.txt.', '--output-format', 'json', '--allowedTools', 'Write'], workdir, home,
  { PATH: `${bin}:${process.env.PATH}`, CCBRIDGE_E2E_KEY: 'sk-e2e-provider-key-0123456789' });
  assert.equal(result.code, 0, `ccbridge code failed:\n${result.stdout}\n${result.stderr}`);
  assert.equal(JSON.parse(result.stdout).result, 'Launched and written.');
  assert.equal(readFileSync(target, 'utf8'), 'from ccbridge code\n');
  const sent = upstream.requests.slice(before);
  assert.equal(sent.length, 2);
  assert.ok(sent.every((request) => request.body.model === 'launched-model'));
  assert.equal(sent[0].headers.authorization, 'Bearer sk-e2e-provider-key-0123456789');
});

// A subagent defined in the project's .claude/agents with `model: provider,model` runs on that
// provider, while the main conversation stays on its route: Claude Code sends the agent
// definition's model name as it is (it warns that it does not know it, and goes on).
test('a subagent defined with model provider,model reaches that provider', async () => {
  const other = await startScriptedUpstream();
  const configured = await startProxyWithConfig({
    providers: [
      { name: 'main', baseUrl: upstream.baseUrl, apiKeyEnv: 'CCBRIDGE_E2E_KEY' },
      { name: 'reviewers', baseUrl: other.baseUrl, apiKeyEnv: 'CCBRIDGE_E2E_KEY' },
    ],
    routes: [{ match: '*', provider: 'main', model: 'main-model' }],
  });
  try {
    const workdir = realpathSync(mkdtempSync(join(tmpdir(), 'ccbridge-e2e-work-')));
    const home = mkdtempSync(join(tmpdir(), 'ccbridge-e2e-home-'));
    mkdirSync(join(workdir, '.claude', 'agents'), { recursive: true });
    writeFileSync(join(workdir, '.claude', 'agents', 'reviewer.md'),
      '---\nname: reviewer\ndescription: Reviews a text.\nmodel: reviewers,review-model-1\n---\nYou review texts.\n');
    const before = upstream.requests.length;
    upstream.enqueue({
      chunks: chatCompletionStream({
        toolCalls: [{ id: 'call_agent_1', name: 'Agent', arguments: JSON.stringify({ subagent_type: 'reviewer', description: 'Review the text', prompt: 'Review: hello.', run_in_background: false }) }],
        finishReason: 'tool_calls',
      }),
    });
    other.enqueue({ chunks: chatCompletionStream({ content: 'Reviewed: it reads well.' }) });
    upstream.enqueue({ chunks: chatCompletionStream({ content: 'The reviewer says it reads well.' }) });

    const result = await runClaude('Ask the reviewer about hello.', workdir, home, { baseUrl: configured.baseUrl });
    assert.equal(result.code, 0, `claude failed:\n${result.stdout}\n${result.stderr}`);
    assert.equal(JSON.parse(result.stdout).result, 'The reviewer says it reads well.');
    assert.deepEqual(other.requests.map((request) => request.body.model), ['review-model-1']);
    assert.deepEqual(upstream.requests.slice(before).map((request) => request.body.model), ['main-model', 'main-model']);
    // The main conversation got the subagent's answer as the Agent tool's result.
    const toolResult = upstream.requests.at(-1).body.messages.find((message) => message.role === 'tool');
    assert.match(JSON.stringify(toolResult.content), /Reviewed: it reads well\./);
    await waitFor(() => configured.logLines.some((line) => line.includes('reviewers,review-model-1 → reviewers/review-model-1 200')));
  } finally {
    await configured.stop();
    await other.close();
  }
});

// A provider's model list, as `ccbridge doctor` asks it: the models for the right key, 401 for
// any other.
async function startModelList(key, models) {
  const server = http.createServer((req, res) => {
    const granted = req.headers.authorization === `Bearer ${key}`;
    res.writeHead(granted ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(granted ? { object: 'list', data: models.map((id) => ({ id, object: 'model' })) }
      : { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } }));
  });
  server.listen({ port: 0, host: '127.0.0.1' });
  await once(server, 'listening');
  return { baseUrl: `http://127.0.0.1:${server.address().port}/v1`, close: () => new Promise((resolve) => server.close(resolve)) };
}

// `ccbridge doctor` over a setup with one of every problem, then over the same setup put right:
// its exact words, and its exit status.
test('ccbridge doctor names each problem with its fix, and passes a sound setup', async () => {
  const models = await startModelList('sk-doctor-good-0123456789', ['main-model', 'small-model']);
  const config = {
    providers: [
      { name: 'good', baseUrl: models.baseUrl, apiKeyEnv: 'DOCTOR_GOOD_KEY' },
      { name: 'locked', baseUrl: models.baseUrl, apiKeyEnv: 'DOCTOR_WRONG_KEY' },
      { name: 'gone', baseUrl: 'http://127.0.0.1:9/v1', apiKeyEnv: 'DOCTOR_GOOD_KEY' },
    ],
    routes: [
      { match: '*opus*', provider: 'good', model: 'main-model' },
      { match: '*haiku*', provider: 'good', model: 'missing-model' },
      { match: '*', provider: 'locked', model: 'main-model' },
    ],
  };
  let configured;
  try {
    configured = await startProxyWithConfig(config, { env: { DOCTOR_GOOD_KEY: 'sk-doctor-good-0123456789', DOCTOR_WRONG_KEY: 'sk-doctor-wrong-0123456789' } });
    await checkDoctor(config, configured, models);
  } finally {
    await configured?.stop();
    await models.close();
  }
});

async function checkDoctor(config, configured, models) {
  const dir = mkdtempSync(join(tmpdir(), 'ccbridge-e2e-doctor-'));
  const configFile = join(dir, 'config.json');
  writeFileSync(configFile, JSON.stringify(config));
  const home = mkdtempSync(join(tmpdir(), 'ccbridge-e2e-home-'));
  const bin = mkdtempSync(join(tmpdir(), 'ccbridge-e2e-bin-'));
  symlinkSync(claudeBinary, join(bin, 'claude'));
  const listen = new URL(configured.baseUrl).host;
  const doctor = (env) => runIsolated(process.env.CCBRIDGE_BIN, ['doctor', '--config', configFile, '--listen', listen], dir, home,
    { PATH: `${bin}:${process.env.PATH}`, DOCTOR_GOOD_KEY: 'sk-doctor-good-0123456789', DOCTOR_WRONG_KEY: 'sk-doctor-wrong-0123456789', ...env });
  const version = (await runIsolated(claudeBinary, ['--version'], dir, home, {})).stdout.trim();
  const claudeFound = `[ok] Claude Code ${version} at ${join(bin, 'claude')}.`;
  const sick = await doctor({ ANTHROPIC_BASE_URL: 'https://api.anthropic.com' });
  assert.equal(sick.code, 1, sick.stderr);
  assert.equal(sick.stdout, [
    claudeFound,
    `[problem] ANTHROPIC_BASE_URL is "https://api.anthropic.com" in this environment, where CC Bridge needs "${configured.baseUrl}".`,
    '          fix: Unset it, or start Claude Code with ccbridge code, or set its environment with: eval "$(ccbridge env)"',
    `[ok] CC Bridge answers at ${configured.baseUrl}.`,
    `[ok] good answers at ${models.baseUrl} and accepts the key.`,
    '[ok] good serves main-model (route *opus*).',
    '[problem] good does not list missing-model, which route *haiku* asks for.',
    '          fix: Choose one of its models in the Routes tab: main-model, small-model.',
    '[problem] locked rejected the key (HTTP 401).',
    '          fix: Put a valid key in DOCTOR_WRONG_KEY, or in the window\'s Providers tab.',
    `[problem] gone could not be reached at http://127.0.0.1:9/v1: ${sick.stdout.match(/gone could not be reached at \S+: (.*)/)?.[1]}`,
    '          fix: Check its base URL, and the network or HTTPS_PROXY on the way.',
    'Problems found: 4.',
    '',
  ].join('\n'));
  assert.match(sick.stdout, /gone could not be reached at \S+: Could not connect: .*refused/i);

  // Put right: the variable unset, the key and model fixed, the unreachable provider gone.
  const sound = { ...config, providers: config.providers.slice(0, 2).map((p) => ({ ...p, apiKeyEnv: 'DOCTOR_GOOD_KEY' })),
    routes: config.routes.map((route) => ({ ...route, model: 'main-model' })) };
  writeFileSync(configFile, JSON.stringify(sound));
  const healthy = await doctor({});
  assert.equal(healthy.stdout, [
    claudeFound,
    'Nothing in this environment, the shell profiles or Claude Code\'s settings points Claude Code elsewhere.'.replace(/^/, '[ok] '),
    `[ok] CC Bridge answers at ${configured.baseUrl}.`,
    `[ok] good answers at ${models.baseUrl} and accepts the key.`,
    '[ok] good serves main-model (route *opus*).',
    '[ok] good serves main-model (route *haiku*).',
    `[ok] locked answers at ${models.baseUrl} and accepts the key.`,
    '[ok] locked serves main-model (route *).',
    'Everything is set up.',
    '',
  ].join('\n'));
  assert.equal(healthy.code, 0);
}

// A SearXNG instance's JSON API on loopback: the recorded shape of its answer for every query,
// and the queries it was asked.
async function startSearxng() {
  const answer = readFileSync(new URL('../data/search-backends/searxng.json', import.meta.url));
  const queries = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://searxng.invalid');
    queries.push({ path: url.pathname, q: url.searchParams.get('q'), format: url.searchParams.get('format') });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(answer);
  });
  server.listen({ port: 0, host: '127.0.0.1' });
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${server.address().port}`, queries, close: () => new Promise((resolve) => server.close(resolve)) };
}

// Claude Code's WebSearch tool asks its own request with Anthropic's web_search server tool;
// CC Bridge runs the search on SearXNG for the OpenAI-compatible model, which reads the results
// and sums them up; the main conversation gets them and the answer cites them.
test('claude -p WebSearch searches through SearXNG and the answer cites what it found', async () => {
  const searxng = await startSearxng();
  const searching = await startScriptedUpstream();
  const configured = await startProxy(searching.baseUrl, { model: 'deepseek-chat', extraArgs: ['--web-search', `searxng:${searxng.url}`] });
  // The model's side of each request, told apart by what it carries: the search request offers
  // the web_search function, the main conversation the WebSearch tool.
  searching.answerWith((request) => {
    const body = request.body;
    const toolText = body.messages.filter((message) => message.role === 'tool').map((message) => JSON.stringify(message.content)).join('\n');
    if (body.tools?.some((tool) => tool.function.name === 'web_search') || /web search tool use/.test(JSON.stringify(body.messages[0]))) {
      if (!toolText) {
        return { chunks: chatCompletionStream({ toolCalls: [{ id: 'call_search_1', name: 'web_search', arguments: JSON.stringify({ query: 'qt 6.4 release date' }) }], finishReason: 'tool_calls' }) };
      }
      return { chunks: chatCompletionStream({ content: /29th September 2022/.test(toolText) ? 'Qt 6.4.0 was released on 29 September 2022 (wiki.qt.io).' : 'The search found nothing.' }) };
    }
    if (!toolText) {
      return { chunks: chatCompletionStream({ toolCalls: [{ id: 'call_websearch_1', name: 'WebSearch', arguments: JSON.stringify({ query: 'qt 6.4 release date' }) }], finishReason: 'tool_calls' }) };
    }
    const cited = toolText.includes('https://wiki.qt.io/Qt_6.4_Release') && toolText.includes('29 September 2022');
    return { chunks: chatCompletionStream({ content: cited ? 'Qt 6.4 came out on 29 September 2022.\n\nSources:\n- [Qt 6.4 Release - Qt Wiki](https://wiki.qt.io/Qt_6.4_Release)' : 'The results did not arrive.' }) };
  });
  try {
    const workdir = realpathSync(mkdtempSync(join(tmpdir(), 'ccbridge-e2e-work-')));
    const home = mkdtempSync(join(tmpdir(), 'ccbridge-e2e-home-'));
    const result = await runIsolated(claudeBinary, ['-p', 'When was Qt 6.4 released? Search the web.', '--output-format', 'json', '--allowedTools', 'WebSearch'],
      workdir, home, { ANTHROPIC_BASE_URL: configured.baseUrl, ANTHROPIC_AUTH_TOKEN: 'dummy' });
    assert.equal(result.code, 0, `claude failed:\n${result.stdout}\n${result.stderr}`);
    const output = JSON.parse(result.stdout);
    assert.equal(output.is_error, false, result.stdout);
    assert.match(output.result, /29 September 2022[\s\S]*https:\/\/wiki\.qt\.io\/Qt_6\.4_Release/);
    // Claude Code counted the search CC Bridge ran.
    const searches = Object.values(output.modelUsage).reduce((sum, usage) => sum + usage.webSearchRequests, 0);
    assert.equal(searches, 1, JSON.stringify(output.modelUsage));

    assert.deepEqual(searxng.queries, [{ path: '/search', q: 'qt 6.4 release date', format: 'json' }]);
    // The model read the results in a round of its own, with the extracts.
    const reading = searching.requests.find((request) => request.body.messages.some((message) => message.role === 'tool' && /Results of the web search/.test(message.content)));
    assert.ok(reading, 'no round carried the search results');
    assert.ok(!JSON.stringify(searching.requests.map((request) => request.body)).includes('web_search_2025'), 'a server tool went upstream');
    await waitFor(() => configured.logLines.some((line) => /web search "qt 6.4 release date" on searxng in \d+ ms: 3 found/.test(line)));
  } finally {
    await configured.stop();
    await searching.close();
    await searxng.close();
  }
});
