// The official Anthropic SDK as the client: what it assembles from our stream must equal the
// message we return without streaming, tool inputs included.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import Anthropic from '@anthropic-ai/sdk';
import { startScriptedUpstream, startProxy, startConnectProxy, chatCompletion, chatCompletionStream, waitFor, testCaFile } from './harness.mjs';

let upstream;
let proxy;
let client;

before(async () => {
  upstream = await startScriptedUpstream();
  proxy = await startProxy(upstream.baseUrl);
  client = new Anthropic({ baseURL: proxy.baseUrl, apiKey: 'unused-by-the-proxy', maxRetries: 0 });
});

after(async () => {
  await proxy?.stop();
  await upstream?.close();
});

const request = {
  model: 'claude-opus-5-5',
  max_tokens: 1024,
  tools: [{
    name: 'get_weather',
    description: 'Weather for a city',
    input_schema: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' } }, required: ['city'] },
  }],
  messages: [{ role: 'user', content: 'Weather in Zürich and Kraków for 3 days?' }],
};

const answer = {
  content: 'Let me look that up — 天气.',
  toolCalls: [
    { id: 'call_1', name: 'get_weather', arguments: '{"city":"Zürich","days":3}' },
    { id: 'functions.get_weather:1', name: 'get_weather', arguments: '{"city": "Kraków", "days": 3}' },
  ],
  finishReason: 'tool_calls',
  usage: { prompt_tokens: 300, completion_tokens: 42, prompt_tokens_details: { cached_tokens: 200 } },
};

function comparable(message) {
  return {
    role: message.role,
    model: message.model,
    stop_reason: message.stop_reason,
    stop_sequence: message.stop_sequence,
    usage: {
      input_tokens: message.usage.input_tokens,
      output_tokens: message.usage.output_tokens,
      cache_read_input_tokens: message.usage.cache_read_input_tokens,
    },
    content: message.content,
  };
}

test('stream().finalMessage() equals the non-streaming message, tool inputs included', async () => {
  upstream.enqueue({ body: chatCompletion(answer) });
  const whole = await client.messages.create(request);

  upstream.enqueue({ chunks: chatCompletionStream(answer) });
  const streamed = await client.messages.stream(request).finalMessage();

  assert.match(whole.id, /^msg_/);
  assert.match(streamed.id, /^msg_/);
  assert.deepEqual(comparable(streamed), comparable(whole));
  assert.equal(whole.stop_reason, 'tool_use');
  assert.deepEqual(whole.usage.input_tokens, 100);
  assert.deepEqual(whole.usage.cache_read_input_tokens, 200);
  assert.deepEqual(whole.content.map((block) => block.type), ['text', 'tool_use', 'tool_use']);
  assert.equal(whole.content[0].text, answer.content);
  assert.deepEqual(whole.content[1].input, { city: 'Zürich', days: 3 });
  assert.deepEqual(whole.content[2].input, { city: 'Kraków', days: 3 });
  // Tool ids are valid Anthropic ids, and the same in both (they come from the provider).
  for (const block of whole.content.slice(1)) assert.match(block.id, /^[a-zA-Z0-9_-]+$/);
  assert.deepEqual(streamed.content.slice(1).map((b) => b.id), whole.content.slice(1).map((b) => b.id));

  // What the provider received: OpenAI shape, streaming with usage on the second call.
  const [first, second] = upstream.requests.slice(-2);
  assert.equal(first.url, '/v1/chat/completions');
  assert.equal(first.headers.authorization, 'Bearer sk-e2e-provider-key-0123456789');
  assert.equal(first.body.model, 'scripted-model');
  assert.equal(first.body.stream, undefined);
  assert.equal(second.body.stream, true);
  assert.deepEqual(second.body.stream_options, { include_usage: true });
  assert.equal(first.body.tools[0].function.name, 'get_weather');
});

test('a recorded Kimi stream with two parallel tool calls assembles in the SDK', async () => {
  const recording = readFileSync(new URL('../data/provider-streams/kimi-k2-0905-openrouter-moonshot-parallel-tools.stream.sse', import.meta.url), 'utf8');
  upstream.enqueue({ chunks: recording.split(/(?<=\n\n)/) });
  const message = await client.messages.stream(request).finalMessage();
  const tools = message.content.filter((block) => block.type === 'tool_use');
  assert.deepEqual(tools.map((block) => block.name), ['add', 'multiply']);
  assert.deepEqual(tools.map((block) => Object.keys(block.input).sort()), [['a', 'b'], ['a', 'b']]);
  assert.equal(message.stop_reason, 'tool_use');
  assert.equal(message.usage.input_tokens, 154);
  assert.equal(message.usage.output_tokens, 52);
});

test('a thinking stream becomes a thinking block before the text', async () => {
  const recording = readFileSync(new URL('../data/provider-streams/deepseek-reasoner.stream.sse', import.meta.url), 'utf8');
  upstream.enqueue({ chunks: recording.split(/(?<=\n\n)/) });
  const message = await client.messages.stream({ ...request, tools: undefined }).finalMessage();
  assert.deepEqual(message.content.map((block) => block.type), ['thinking', 'text']);
  assert.ok(message.content[0].thinking.length > 0);
  assert.equal(message.stop_reason, 'end_turn');
});

test('upstream errors reach the SDK as typed Anthropic errors', async () => {
  // A Retry-After longer than the proxy waits itself: passed on to the client at once.
  upstream.enqueue({ status: 429, headers: { 'retry-after': '30' }, body: readFileSync(new URL('../data/provider-streams/glm-zai-429-concurrency.json', import.meta.url), 'utf8') });
  await assert.rejects(client.messages.create(request), (error) => {
    assert.ok(error instanceof Anthropic.RateLimitError, `got ${error.constructor.name}`);
    assert.equal(error.status, 429);
    assert.equal(error.error.error.type, 'rate_limit_error');
    assert.equal(error.headers.get('retry-after'), '30');
    return true;
  });
});

test('the proxy logs one line per request with models, status and tokens', async () => {
  upstream.enqueue({ body: chatCompletion({ content: 'ok', usage: { prompt_tokens: 11, completion_tokens: 2 } }) });
  await client.messages.create({ ...request, tools: undefined });
  // stderr is a separate pipe from the HTTP response: wait for the line to come through it.
  const pattern = /POST \/v1\/messages claude-opus-5-5 → 127\.0\.0\.1\/scripted-model 200 \d+ms ttfb=\d+ms tokens in=11 out=2/;
  await waitFor(() => proxy.logLines.some((line) => pattern.test(line)));
  assert.ok(!proxy.logLines.join('\n').includes('sk-e2e-provider-key'));
});

test('providers are reached through the HTTP CONNECT proxy that HTTP_PROXY names', async () => {
  const port = new URL(upstream.baseUrl).port;
  const tunnel = await startConnectProxy(port);
  // Only the tunnel knows where upstream.invalid is.
  const tunnelled = await startProxy(`http://upstream.invalid:${port}/v1`, { env: { HTTP_PROXY: tunnel.url } });
  try {
    const viaTunnel = new Anthropic({ baseURL: tunnelled.baseUrl, apiKey: 'unused-by-the-proxy', maxRetries: 0 });
    upstream.enqueue({ chunks: chatCompletionStream({ content: 'through the tunnel', usage: { prompt_tokens: 5, completion_tokens: 3 } }) });
    const message = await viaTunnel.messages.stream({ ...request, tools: undefined }).finalMessage();
    assert.equal(message.content[0].text, 'through the tunnel');
    assert.ok(tunnel.targets.includes(`upstream.invalid:${port}`), `tunnel targets: ${tunnel.targets}`);
  } finally {
    await tunnelled.stop();
    await tunnel.close();
  }
});

test('an https provider is reached through the CONNECT tunnel HTTPS_PROXY names, trusting the CA SSL_CERT_FILE names', async () => {
  const tlsUpstream = await startScriptedUpstream({ tls: true });
  const port = new URL(tlsUpstream.baseUrl).port;
  const tunnel = await startConnectProxy(port);
  const tunnelled = await startProxy(`https://upstream.invalid:${port}/v1`, { env: { HTTPS_PROXY: tunnel.url, SSL_CERT_FILE: testCaFile } });
  try {
    const viaTunnel = new Anthropic({ baseURL: tunnelled.baseUrl, apiKey: 'unused-by-the-proxy', maxRetries: 0 });
    tlsUpstream.enqueue({ chunks: chatCompletionStream({ content: 'encrypted all the way', usage: { prompt_tokens: 5, completion_tokens: 4 } }) });
    const message = await viaTunnel.messages.stream({ ...request, tools: undefined }).finalMessage();
    assert.equal(message.content[0].text, 'encrypted all the way');
    assert.ok(tunnel.targets.length > 0 && tunnel.targets.every((target) => target === `upstream.invalid:${port}`), `tunnel targets: ${tunnel.targets}`);
    assert.equal(tlsUpstream.requests[0].headers.authorization, 'Bearer sk-e2e-provider-key-0123456789');
  } finally {
    await tunnelled.stop();
    await tunnel.close();
    await tlsUpstream.close();
  }
});

test('an https provider whose CA is not trusted is a clear 502, not a hang', async () => {
  const tlsUpstream = await startScriptedUpstream({ tls: true });
  const untrusting = await startProxy(tlsUpstream.baseUrl);
  try {
    const direct = new Anthropic({ baseURL: untrusting.baseUrl, apiKey: 'unused-by-the-proxy', maxRetries: 0 });
    await assert.rejects(direct.messages.create({ ...request, tools: undefined }), (error) => {
      assert.equal(error.status, 502);
      assert.match(error.message, /TLS/);
      return true;
    });
    assert.equal(tlsUpstream.requests.length, 0);
  } finally {
    await untrusting.stop();
    await tlsUpstream.close();
  }
});

// What a page in the user's browser can send without a preflight, addressed to the proxy
// under the page's own name (DNS rebinding): refused, and the provider never hears of it.
test('a web page cannot spend the key through the proxy', async () => {
  const { port } = new URL(proxy.baseUrl);
  const before = upstream.requests.length;
  upstream.enqueue({ body: chatCompletion({ content: 'spent' }) });
  const status = await new Promise((resolve, reject) => {
    const sent = http.request({
      host: '127.0.0.1', port, method: 'POST', path: '/v1/messages',
      headers: { host: `evil.example:${port}`, origin: 'http://evil.example', 'content-type': 'text/plain;charset=UTF-8' },
    }, (response) => { response.resume(); response.on('end', () => resolve(response.statusCode)); });
    sent.on('error', reject);
    sent.end(JSON.stringify({ ...request, tools: undefined }));
  });
  assert.equal(status, 403);
  assert.equal(upstream.requests.length, before);
  // The scripted answer is still there for the SDK, which is let through.
  const message = await client.messages.create({ ...request, tools: undefined });
  assert.equal(message.content[0].text, 'spent');
});

// The quick start keeps serving clients that send no token, and says at every start what that
// leaves open; with --client-token-env only the token's holders get through.
test('a client token is asked for when one is given, and its absence is announced', async () => {
  await waitFor(() => proxy.logLines.some((line) => line.includes('No client token is set')));
  const token = 'e2e-client-token-0123456789abcdef';
  const guarded = await startProxy(upstream.baseUrl, { extraArgs: ['--client-token-env', 'CCBRIDGE_E2E_TOKEN'], env: { CCBRIDGE_E2E_TOKEN: token } });
  try {
    const stranger = new Anthropic({ baseURL: guarded.baseUrl, apiKey: 'not-the-token', maxRetries: 0 });
    await assert.rejects(stranger.messages.create({ ...request, tools: undefined }), (error) => {
      assert.ok(error instanceof Anthropic.AuthenticationError, `got ${error.constructor.name}`);
      return true;
    });
    // As Claude Code sends ANTHROPIC_AUTH_TOKEN: Authorization: Bearer.
    const member = new Anthropic({ baseURL: guarded.baseUrl, apiKey: null, authToken: token, maxRetries: 0 });
    upstream.enqueue({ body: chatCompletion({ content: 'welcome' }) });
    const message = await member.messages.create({ ...request, tools: undefined });
    assert.equal(message.content[0].text, 'welcome');
    assert.ok(!guarded.logLines.some((line) => line.includes('No client token')), guarded.logLines.join('\n'));
    assert.ok(!guarded.logLines.join('\n').includes(token));
  } finally {
    await guarded.stop();
  }
});
