// Secret hygiene of the real ccbridge: known fake keys go through every path a request takes
// (answers, streams, upstream errors that echo the key back as OpenAI's 401 does, the OpenAI
// passthrough, a profile passing the client's own key, /health, token counts) with every log
// category switched on. Afterwards each key may be found only where it belongs: a provider's
// key in the auth header sent to that provider, the client's own key in its request and the
// header passed on. Not in stderr, not in any answer, not in any file under HOME.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startScriptedUpstream, startProxyWithConfig, chatCompletion, chatCompletionStream, anthropicMessage } from './harness.mjs';

// Realistic shapes: an OpenAI project key, which the redactor also knows by its shape, and an
// Azure-style hex key and a hex client key, which only the configured values can catch.
const openAiKey = 'sk-proj-Xq7Rt2LmN9vB4cK8wZ1pY6hJ3dF5sA0gTuEiOoWe-Qn_Vb8MxCz2Lk9Hj4Gf7Ds1Pa3';
const anthropicKey = '4f9c2e7a1b8d3f6e0a5c9b2d7e4f1a8c';
const clientToken = 'ccb_tok_9Jk2Lm4Np6Qr8St0Uv2Wx4Yz6Ab8Cd0Ef';
const clientOwnKey = '7d1e9a3c5b2f8e4d6a0c9b1e3f5a7d2c4b6e8f0a1c3d5e7f9b2a4c6e8d0f1a3b';
// A password written into a base URL, which no provider needs but a gateway in front of one might.
const urlPassword = 'UrlPass9wOrd4Gateway7Xy';
const secrets = { openAiKey, anthropicKey, clientToken, clientOwnKey, urlPassword };

const home = mkdtempSync(join(tmpdir(), 'ccbridge-e2e-secrets-'));
const upstream = await startScriptedUpstream();
const providers = [
  { name: 'openai', baseUrl: upstream.baseUrl.replace('//', `//gateway:${urlPassword}@`), format: 'openai-chat', apiKeyEnv: 'E2E_OPENAI_KEY' },
  { name: 'anthropic', baseUrl: upstream.rootUrl, format: 'anthropic', apiKeyEnv: 'E2E_ANTHROPIC_KEY' },
];
const env = {
  E2E_OPENAI_KEY: openAiKey,
  E2E_ANTHROPIC_KEY: anthropicKey,
  E2E_CLIENT_TOKEN: clientToken,
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
  XDG_DATA_HOME: join(home, '.local/share'),
  XDG_CACHE_HOME: join(home, '.cache'),
  XDG_STATE_HOME: join(home, '.local/state'),
  QT_LOGGING_RULES: '*.debug=true',
  QT_MESSAGE_PATTERN: '%{category}: %{message}',
};
const proxy = await startProxyWithConfig({
  listen: '127.0.0.1:0',
  clientTokenEnv: 'E2E_CLIENT_TOKEN',
  retry: { maxAttempts: 1 },
  providers,
  routes: [
    { match: '*haiku*', provider: 'anthropic', model: 'claude-upstream' },
    { match: '*', provider: 'openai', model: 'gpt-upstream' },
  ],
}, { env });
// The client's key passes the proxy's token check too, so a profile passing it on is served by
// a proxy without a token.
const byokProxy = await startProxyWithConfig({
  listen: '127.0.0.1:0',
  retry: { maxAttempts: 1 },
  providers,
  routes: [{ match: '*', provider: 'openai', model: 'gpt-upstream' }],
  profiles: [{ name: 'byok', passClientKey: true, routes: [{ match: '*', provider: 'openai', model: 'gpt-upstream' }] }],
}, { env });
let stopped = false;
after(async () => { if (!stopped) await Promise.all([proxy.stop(), byokProxy.stop()]); await upstream.close(); });

const answers = []; // every status line, header and body the clients got

async function send(path, body, { token = clientToken, headers = {}, through = proxy } = {}) {
  const response = await fetch(`${through.baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', 'x-api-key': token, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  answers.push(`${response.status} ${JSON.stringify([...response.headers])}\n${text}`);
  return { status: response.status, text };
}

// A request the HTTP parser refuses (logged under ccbridge.http), with the token in it.
async function sendBroken() {
  const socket = net.connect(new URL(proxy.baseUrl).port, '127.0.0.1');
  let answer = '';
  socket.setEncoding('latin1');
  socket.on('data', (piece) => { answer += piece; });
  socket.write(`POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: ${clientToken}\r\nContent-Length: nonsense\r\n\r\n`);
  await once(socket, 'close');
  answers.push(answer);
  return answer;
}

// OpenAI's own words for a wrong key, with the whole key in them (it shows a masked one).
const incorrectKey = (key) => JSON.stringify({
  error: { message: `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
});
const message = (model, stream = false) => ({ model, max_tokens: 64, stream, messages: [{ role: 'user', content: 'Hello' }] });
const usage = { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 };

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function assertNowhere(where, text) {
  for (const [name, value] of Object.entries(secrets)) assert.ok(!text.includes(value), `${name} leaked into ${where}`);
}

test('every path through the proxy keeps the keys to the upstream auth header', async () => {
  // Answers, whole and streamed, through both upstream formats and the OpenAI passthrough.
  upstream.enqueue({ body: chatCompletion({ content: 'Hi there', usage }) });
  assert.equal((await send('/v1/messages', message('claude-sonnet-4'))).status, 200);
  upstream.enqueue({ chunks: chatCompletionStream({ content: 'Hi there', usage }) });
  assert.equal((await send('/v1/messages', message('claude-sonnet-4', true))).status, 200);
  upstream.enqueue({ body: JSON.stringify(anthropicMessage({ content: 'Hi', usage: { input_tokens: 5, output_tokens: 1 } })) });
  assert.equal((await send('/v1/messages', message('claude-haiku-4'))).status, 200);
  upstream.enqueue({ body: chatCompletion({ content: 'Hi there', usage }) });
  assert.equal((await send('/v1/chat/completions', message('gpt-4o'), { headers: { authorization: `Bearer ${clientToken}` } })).status, 200);

  // Upstreams that echo the key they were given, as an error and as an answer.
  upstream.enqueue({ status: 401, body: incorrectKey(openAiKey) });
  assert.equal((await send('/v1/messages', message('claude-sonnet-4'))).status, 401);
  upstream.enqueue({ status: 401, body: incorrectKey(openAiKey) });
  const streamed = await send('/v1/messages', message('claude-sonnet-4', true));
  assert.match(streamed.text, /Incorrect API key provided/); // the message itself still helps
  upstream.enqueue({ status: 401, body: JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: `invalid x-api-key ${anthropicKey}` } }) });
  assert.equal((await send('/v1/messages', message('claude-haiku-4'))).status, 401);
  upstream.enqueue({ status: 401, body: incorrectKey(openAiKey) });
  assert.equal((await send('/v1/chat/completions', message('gpt-4o'))).status, 401);
  // Errors inside a stream already under way, in each format's way.
  const begun = chatCompletionStream({ content: 'Hi' }).slice(0, 2);
  upstream.enqueue({ chunks: [...begun, `data: ${JSON.stringify({ error: { message: `key ${openAiKey} revoked`, code: 'invalid_api_key' } })}\n\n`] });
  assert.match((await send('/v1/messages', message('claude-sonnet-4', true))).text, /event: error/);
  upstream.enqueue({ chunks: [
    `event: message_start\ndata: ${JSON.stringify({ type: 'message_start', message: anthropicMessage({ usage: { input_tokens: 5, output_tokens: 1 } }) })}\n\n`,
    `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: `overloaded for ${anthropicKey}` } })}\n\n`] });
  assert.match((await send('/v1/messages', message('claude-haiku-4', true))).text, /event: error/);
  upstream.enqueue({ status: 500, headers: { 'content-type': 'text/plain' }, body: `upstream crashed; key was ${openAiKey}` });
  assert.equal((await send('/v1/messages', message('claude-sonnet-4'))).status, 500);
  upstream.enqueue({ body: `not JSON, but the key: ${openAiKey}` });
  assert.ok((await send('/v1/messages', message('claude-sonnet-4'))).status >= 500);
  upstream.enqueue({ body: JSON.stringify({ error: `quota exceeded for ${openAiKey}` }) });
  assert.ok((await send('/v1/messages', message('claude-sonnet-4'))).status >= 400);

  // A profile passing the client's own key on, the upstream echoing that one.
  upstream.enqueue({ status: 401, body: incorrectKey(clientOwnKey) });
  assert.equal((await send('/p/byok/v1/messages', message('claude-sonnet-4'), { token: clientOwnKey, through: byokProxy })).status, 401);
  upstream.enqueue({ status: 401, body: incorrectKey(clientOwnKey) });
  assert.equal((await send('/p/byok/v1/messages', message('claude-sonnet-4', true), { token: clientOwnKey, through: byokProxy })).status, 401);
  upstream.enqueue({ status: 401, body: incorrectKey(clientOwnKey) });
  assert.equal((await send('/p/byok/v1/chat/completions', message('gpt-4o'), { token: clientOwnKey, through: byokProxy })).status, 401);

  // Token counts (the Anthropic upstream counts them itself), refusals, and the read-only paths.
  upstream.enqueue({ body: JSON.stringify({ input_tokens: 7 }) });
  assert.equal((await send('/v1/messages/count_tokens', { model: 'claude-haiku-4', messages: [{ role: 'user', content: 'Hi' }] })).status, 200);
  assert.equal((await send('/v1/messages', message('claude-sonnet-4'), { token: 'wrong-token-0123456789' })).status, 401);
  assert.equal((await send('/v1/messages', message('claude-sonnet-4'), { headers: { origin: 'https://evil.example' } })).status, 403);
  assert.match(await sendBroken(), /^HTTP\/1.1 400/);
  assert.equal((await send('/health')).status, 200);
  assert.equal((await send('/v1/models')).status, 200);

  await Promise.all([proxy.stop(), byokProxy.stop()]);
  stopped = true;

  // Each key went where it belongs, and only there.
  const toOpenAi = [`Bearer ${openAiKey}`, `Bearer ${clientOwnKey}`];
  for (const request of upstream.requests) {
    const { authorization, 'x-api-key': apiKey, ...rest } = request.headers;
    // The Anthropic format sends both headers, for the compatible endpoints that read Bearer.
    if (request.url.startsWith('/v1/messages')) assert.deepEqual([authorization, apiKey], [`Bearer ${anthropicKey}`, anthropicKey], request.url);
    else assert.ok(toOpenAi.includes(authorization) && apiKey === undefined, `${request.url}: ${authorization} ${apiKey}`);
    assertNowhere(`the request to ${request.url}`, JSON.stringify(rest) + JSON.stringify(request.body));
  }
  assert.equal(upstream.requests.filter((r) => r.headers.authorization === toOpenAi[1]).length, 3, 'the client key was passed on');
  assert.equal(upstream.requests.length, 17);

  assertNowhere('the answers', answers.join('\n'));
  assert.ok(proxy.logLines.some((line) => /^(qt|ccbridge)\.[a-z.]+: /.test(line)), 'debug logging was on'); // else the check below proves less
  assertNowhere('stderr', [...proxy.logLines, ...byokProxy.logLines].join('\n'));
  const files = filesUnder(home);
  assert.ok(files.some((file) => file.endsWith('usage.json')), `usage.json was written: ${files}`);
  for (const file of files) assertNowhere(file, readFileSync(file, 'latin1'));
});
