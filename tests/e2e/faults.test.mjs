// Faults against the real executable: an upstream that fails, lies, dawdles or vanishes, and
// clients that misbehave. Each case checks what the client receives (an Anthropic-shaped error,
// or an SSE `error` event once a stream has begun) and that the proxy then serves a normal
// request. docs/RELIABILITY.md tabulates the cases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import net from 'node:net';
import { once } from 'node:events';
import { startScriptedUpstream, startProxyWithConfig, chatCompletion, chatCompletionStream, waitFor } from './harness.mjs';

const fixture = (name) => readFileSync(new URL(`../data/provider-streams/${name}`, import.meta.url));

// Small limits and timeouts, so each fault shows within a second or two.
const limits = { maxBodyBytes: 65536, headerTimeoutMs: 1000, idleTimeoutMs: 10000 };
const timeouts = { connectMs: 2000, readMs: 1500, pingIntervalMs: 1000 };
const retry = { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 2000, maxTotalWaitMs: 5000 };

let upstream;
let proxy;
let refusedPort;

// A port nothing listens on. Not one freed from an ephemeral listener: the kernel hands such
// a port out again, and a scripted upstream started later in the run once took it. Ports below
// the ephemeral range are never handed out; the first of these that refuses a connection is it.
async function closedPort() {
  for (const port of [1, 7, 9, 13, 19, 37, 79]) {
    const socket = net.connect(port, '127.0.0.1');
    const refused = await new Promise((resolve) => {
      socket.once('connect', () => resolve(false));
      socket.once('error', (error) => resolve(error.code === 'ECONNREFUSED'));
    });
    socket.destroy();
    if (refused) return port;
  }
  throw new Error('every candidate port accepts connections');
}

function provider(name, baseUrl) {
  return { name, baseUrl, apiKeyEnv: 'CCBRIDGE_E2E_KEY', validateModels: false };
}

before(async () => {
  upstream = await startScriptedUpstream();
  refusedPort = await closedPort();
  const { port } = new URL(upstream.baseUrl);
  proxy = await startProxyWithConfig({
    limits, timeouts, retry,
    providers: [
      provider('scripted', upstream.baseUrl),
      provider('refusing', `http://127.0.0.1:${refusedPort}/v1`),
      // TLS asked of a server that speaks plain HTTP: the handshake fails.
      provider('plaintext', `https://127.0.0.1:${port}/v1`),
    ],
    routes: [{ match: '*', provider: 'scripted', model: 'scripted-model' }],
  });
});

after(async () => {
  await proxy?.stop();
  await upstream?.close();
});

const messages = [{ role: 'user', content: 'Say hello.' }];

// One request to the proxy; resolves with the status, headers and whole body text.
function send(body, { path = '/v1/messages', agent, headers = {}, base = proxy.baseUrl } = {}) {
  const target = new URL(path, base);
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(target, {
      method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', ...headers },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (piece) => { text += piece; });
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, text, reused: request.reusedSocket }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
}

const ask = (fields = {}, options = {}) => send({ model: 'claude-sonnet-4-5', max_tokens: 256, messages, ...fields }, options);

// The Anthropic error shape, with the expected status and error type.
function assertApiError(reply, status, type) {
  assert.equal(reply.status, status, reply.text);
  const body = JSON.parse(reply.text);
  assert.equal(body.type, 'error');
  assert.equal(body.error.type, type, reply.text);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 0);
  return body.error;
}

function sseEvents(text) {
  return text.split('\n\n').filter((frame) => frame.trim()).map((frame) => {
    const event = frame.match(/^event: (.*)$/m)?.[1];
    const data = frame.match(/^data: (.*)$/m)?.[1];
    return { event, data: data ? JSON.parse(data) : null };
  });
}

// A stream that began and then ended in an SSE error event of `type`, and nothing after it.
function assertStreamError(reply, type) {
  assert.equal(reply.status, 200, reply.text);
  const events = sseEvents(reply.text);
  assert.equal(events[0].event, 'message_start', reply.text);
  const last = events.at(-1);
  assert.equal(last.event, 'error', reply.text);
  assert.equal(last.data.type, 'error');
  assert.equal(last.data.error.type, type, reply.text);
  assert.ok(!events.some((event) => event.event === 'message_stop'), 'a cut stream must not end as complete');
  return last.data.error;
}

// The proxy keeps serving: a normal request succeeds, and nothing is left in flight.
async function assertStillServing() {
  assert.equal(upstream.pending(), 0, 'every scripted reply was used');
  upstream.enqueue({ body: chatCompletion({ content: 'still here', usage: { prompt_tokens: 3, completion_tokens: 2 } }) });
  const reply = await ask();
  assert.equal(reply.status, 200, reply.text);
  assert.equal(JSON.parse(reply.text).content[0].text, 'still here');
  const health = JSON.parse((await get('/health')).text);
  assert.equal(health.requests.active, 0, JSON.stringify(health));
}

function get(path) {
  return new Promise((resolve, reject) => {
    http.get(new URL(path, proxy.baseUrl), (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (piece) => { text += piece; });
      response.on('end', () => resolve({ status: response.statusCode, text }));
    }).on('error', reject);
  });
}

// Polls an asynchronous condition until it holds; fails after `timeoutMs`.
async function eventually(condition, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// `promise`, or a failure saying what `stuck()` says once `ms` have passed.
async function withDeadline(promise, ms, stuck) {
  let timer;
  const deadline = new Promise((resolve, reject) => { timer = setTimeout(() => reject(new Error(stuck())), ms); });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const openFds = (pid) => readdirSync(`/proc/${pid}/fd`).length;

// TCP connections the proxy listening on `port` holds open with its clients: the loopback
// sockets whose local port is `port`, established or half-closed by the client (CLOSE_WAIT).
// Counted from the kernel's table rather than the proxy's fds, which also hold its pooled
// upstream connections.
function clientConnectionsOf(port) {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length > 3 && fields[1].endsWith(`:${hexPort}`) && ['01', '08'].includes(fields[3]))
    .length;
}
// Qt's timers may fire up to 5 % early (Qt::CoarseTimer).
const earliest = (ms) => Math.floor(ms * 0.95);
const times = (count, reply) => Array.from({ length: count }, () => reply);
const openAiError = (status, message, type) => ({ status, body: JSON.stringify({ error: { message, type, code: null } }) });

test('429 with a short Retry-After is retried by the proxy; the client sees only the answer', async () => {
  const before = upstream.requests.length;
  upstream.enqueue({ ...openAiError(429, 'Rate limit reached', 'rate_limit_exceeded'), headers: { 'retry-after': '1' } },
    { body: chatCompletion({ content: 'after the wait' }) });
  const started = Date.now();
  const reply = await ask();
  assert.equal(reply.status, 200, reply.text);
  assert.equal(JSON.parse(reply.text).content[0].text, 'after the wait');
  assert.equal(upstream.requests.length - before, 2);
  const waited = Date.now() - started;
  assert.ok(waited >= earliest(1000), `the proxy waited as the upstream asked (${waited} ms)`);
  await assertStillServing();
});

test('429 with a long Retry-After goes straight back with the header kept', async () => {
  const before = upstream.requests.length;
  upstream.enqueue({ status: 429, headers: { 'retry-after': '30' }, body: fixture('glm-zai-429-concurrency.json') });
  const reply = await ask();
  assertApiError(reply, 429, 'rate_limit_error');
  assert.equal(reply.headers['retry-after'], '30');
  assert.equal(upstream.requests.length - before, 1);
  await assertStillServing();
});

test('429 without Retry-After is retried with backoff, then passed on', async () => {
  const before = upstream.requests.length;
  upstream.enqueue(...times(retry.maxAttempts, { status: 429, body: fixture('openai-429-insufficient-quota.json') }));
  const error = assertApiError(await ask(), 429, 'rate_limit_error');
  assert.match(error.message, /quota/);
  assert.equal(upstream.requests.length - before, retry.maxAttempts);
  await assertStillServing();
});

test('500 is not retried: api_error with the provider\'s message', async () => {
  const before = upstream.requests.length;
  upstream.enqueue(openAiError(500, 'The server had an error while processing your request.', 'server_error'));
  const error = assertApiError(await ask(), 500, 'api_error');
  assert.match(error.message, /server had an error/);
  assert.equal(upstream.requests.length - before, 1);
  await assertStillServing();
});

test('503 with a short Retry-After is retried; 503 and 529 that persist are overloaded_error', async () => {
  upstream.enqueue({ ...openAiError(503, 'Service Unavailable', 'server_error'), headers: { 'retry-after': '0' } },
    { body: chatCompletion({ content: 'recovered' }) });
  const recovered = await ask();
  assert.equal(recovered.status, 200, recovered.text);

  for (const status of [503, 529]) {
    const before = upstream.requests.length;
    upstream.enqueue(...times(retry.maxAttempts, openAiError(status, 'Overloaded', 'server_error')));
    assertApiError(await ask(), status, 'overloaded_error');
    assert.equal(upstream.requests.length - before, retry.maxAttempts);
  }
  await assertStillServing();
});

test('529 with a long Retry-After is not waited for', async () => {
  const before = upstream.requests.length;
  upstream.enqueue({ ...openAiError(529, 'Overloaded', 'server_error'), headers: { 'retry-after': '60' } });
  const started = Date.now();
  assertApiError(await ask(), 529, 'overloaded_error');
  assert.equal(upstream.requests.length - before, 1);
  assert.ok(Date.now() - started < 1000);
  await assertStillServing();
});

test('an HTML error page from a gateway becomes an api_error naming the page, not its markup', async () => {
  const page = '<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title><style>body{font-family:sans-serif}</style></head>\n'
    + '<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx/1.25.3</center>\n</body>\n</html>\n';
  upstream.enqueue(...times(retry.maxAttempts, { status: 502, headers: { 'content-type': 'text/html' }, body: page }));
  const error = assertApiError(await ask(), 502, 'api_error');
  assert.match(error.message, /502 Bad Gateway/);
  assert.doesNotMatch(error.message, /<[a-z!]/i);
  await assertStillServing();
});

test('a 200 whose body is not JSON, or JSON cut short, is a 502 api_error', async () => {
  for (const body of ['<html><body>Welcome to nginx!</body></html>', chatCompletion({ content: 'cut short' }).slice(0, 40)]) {
    upstream.enqueue(...times(retry.maxAttempts, { body }));
    assertApiError(await ask(), 502, 'api_error');
  }
  await assertStillServing();
});

// `text` as bytes, with `marker` replaced by `bytes`.
const spliced = (text, marker, bytes) => {
  const whole = Buffer.from(text);
  const at = whole.indexOf(marker);
  return Buffer.concat([whole.subarray(0, at), bytes, whole.subarray(at + marker.length)]);
};

test('invalid UTF-8 from the upstream reaches the client as valid UTF-8', async () => {
  const invalid = Buffer.from([0xff, 0xfe, 0xc3]);
  upstream.enqueue({ body: spliced(chatCompletion({ content: 'bad:XYZ:end' }), 'XYZ', invalid) });
  const reply = await ask();
  assert.equal(reply.status, 200, reply.text);
  assert.match(JSON.parse(reply.text).content[0].text, /^bad:.+:end$/);

  const frames = chatCompletionStream({ content: 'stream:XYZ:end', piece: 20 })
    .map((frame) => (frame.includes('XYZ') ? spliced(frame, 'XYZ', invalid) : frame));
  upstream.enqueue({ chunks: frames });
  const streamed = await ask({ stream: true });
  assert.equal(streamed.status, 200);
  const text = sseEvents(streamed.text).filter((e) => e.data?.delta?.type === 'text_delta').map((e) => e.data.delta.text).join('');
  assert.match(text, /^stream:.+:end$/);
  await assertStillServing();
});

test('a 200 carrying a provider\'s error body (OpenRouter) is that error, not a message', async () => {
  const before = upstream.requests.length;
  upstream.enqueue(...times(retry.maxAttempts, { status: 200, body: fixture('openrouter-429-upstream-rate-limited.json') }));
  const error = assertApiError(await ask(), 429, 'rate_limit_error');
  assert.match(error.message, /rate-limited upstream/);
  assert.equal(upstream.requests.length - before, retry.maxAttempts);
  await assertStillServing();
});

test('an error event in the middle of a stream (Groq) ends the client\'s stream with an error event', async () => {
  // The whole recording arrives before the proxy writes anything, so the error would be a
  // plain HTTP error; held back after its first event, the stream has begun first.
  const frames = fixture('groq-gpt-oss-120b-midstream-error.stream.sse').toString().split(/(?<=\n\n)/);
  upstream.enqueue({ handle: (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(frames[0]);
    res.write(': keep going\n\n', () => setImmediate(() => { for (const frame of frames.slice(1)) res.write(frame); res.end(); }));
  } });
  const error = assertStreamError(await ask({ stream: true }), 'invalid_request_error');
  assert.match(error.message, /Tool call validation failed/);
  await assertStillServing();
});

test('a slow drip is relayed as it comes, each event on its own', async () => {
  const frames = chatCompletionStream({ content: 'one drop at a time', piece: 2 });
  let sent = 0;
  let clientSawFirstText = -1;
  upstream.enqueue({ handle: (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const drip = setInterval(() => {
      res.write(frames[sent++]);
      if (sent === frames.length) { clearInterval(drip); res.end(); }
    }, 100);
  } });
  const reply = await new Promise((resolve, reject) => {
    const request = http.request(new URL('/v1/messages', proxy.baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (piece) => {
        text += piece;
        if (clientSawFirstText < 0 && text.includes('text_delta')) clientSawFirstText = sent;
      });
      response.on('end', () => resolve({ status: response.statusCode, text }));
    });
    request.on('error', reject);
    request.end(JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 64, messages, stream: true }));
  });
  assert.equal(reply.status, 200);
  assert.ok(clientSawFirstText > 0 && clientSawFirstText < frames.length / 2, `first text after ${clientSawFirstText} of ${frames.length} frames`);
  const events = sseEvents(reply.text);
  assert.equal(events.at(-1).event, 'message_stop');
  assert.equal(events.filter((e) => e.data?.delta?.type === 'text_delta').map((e) => e.data.delta.text).join(''), 'one drop at a time');
  await assertStillServing();
});

test('an upstream silent forever: 504 timeout_error before the stream, an error event after it began', async () => {
  const held = [];
  const hold = { handle: (req, res) => held.push(res) };
  const before = upstream.requests.length;
  upstream.enqueue(hold);
  const started = Date.now();
  assertApiError(await ask(), 504, 'timeout_error');
  const waited = Date.now() - started;
  assert.ok(waited >= earliest(timeouts.readMs) && waited < timeouts.readMs + 3000, `answered after ${waited} ms`);
  assert.equal(upstream.requests.length - before, 1, 'a silent upstream is not asked again');

  upstream.enqueue({ handle: (req, res) => {
    held.push(res);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(chatCompletionStream({ content: 'and then nothing' })[1]);
  } });
  const reply = await ask({ stream: true });
  assertStreamError(reply, 'timeout_error');
  // The client heard pings while the upstream was silent.
  assert.ok(sseEvents(reply.text).some((event) => event.event === 'ping'), reply.text);
  await waitFor(() => held.every((res) => res.socket === null || res.socket.destroyed));
  await assertStillServing();
});

test('an upstream that closes mid-stream: the stream ends with an error event', async () => {
  const frames = chatCompletionStream({ content: 'half an answer and' });
  upstream.enqueue({ handle: (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(frames[0]);
    res.write(frames[1], () => setImmediate(() => res.socket.destroy()));
  } });
  const error = assertStreamError(await ask({ stream: true }), 'api_error');
  assert.match(error.message, /closed the connection|ended before/);
  await assertStillServing();
});

test('an upstream that closes before answering is retried, then a 502', async () => {
  const before = upstream.requests.length;
  upstream.answerWith(() => ({ handle: (req, res) => res.socket.destroy() }));
  try {
    assertApiError(await ask(), 502, 'api_error');
  } finally {
    upstream.answerWith(null);
  }
  // Each attempt on a kept-alive connection that closes unanswered is sent once more on a
  // fresh one (the server may have closed it just as it was reused).
  const asked = upstream.requests.length - before;
  assert.ok(asked >= retry.maxAttempts && asked <= 2 * retry.maxAttempts, `asked ${asked} times`);
  await assertStillServing();
});

// ccbridge becomes ccbridge-headless for a run without a window (app/cli/windowlessexecutable.h):
// the same process, without the widget libraries it would never use.
test('the headless proxy runs as ccbridge-headless, without the widget libraries', () => {
  assert.match(readlinkSync(`/proc/${proxy.pid}/exe`), /\/ccbridge-headless$/);
  assert.doesNotMatch(readFileSync(`/proc/${proxy.pid}/maps`, 'utf8'), /libQt6(Widgets|Gui)/);
});

test('connection refused is a 502 naming the refusal, after the retries', async () => {
  const error = assertApiError(await ask({ model: 'refusing,some-model' }), 502, 'api_error');
  assert.match(error.message, /refused/);
  await assertStillServing();
});

test('a failed TLS handshake is a 502 naming TLS (an untrusted CA: anthropic-sdk.test.mjs)', async () => {
  const error = assertApiError(await ask({ model: 'plaintext,some-model' }), 502, 'api_error');
  assert.match(error.message, /TLS/);
  await assertStillServing();
});

test('a client that vanishes mid-stream aborts the upstream request, and nothing stays in flight', async () => {
  let upstreamClosed = false;
  upstream.enqueue({ handle: (req, res) => {
    res.on('close', () => { upstreamClosed = true; });
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const frame of chatCompletionStream({ content: 'the start of a long answer' }).slice(0, 4)) res.write(frame);
  } });
  await new Promise((resolve, reject) => {
    const request = http.request(new URL('/v1/messages', proxy.baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      response.once('data', () => { request.destroy(); resolve(); });
    });
    request.on('error', (error) => { if (!request.destroyed) reject(error); });
    request.end(JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 64, messages, stream: true }));
  });
  await waitFor(() => upstreamClosed);
  await waitFor(() => proxy.logLines.some((line) => / 499 \d+ms.*client closed the connection/.test(line)));
  await assertStillServing();
});

// A DNS server on a loopback address that answers every query NXDOMAIN and notes the names.
async function startNxdomainResolver(address) {
  const names = [];
  const socket = dgram.createSocket('udp4');
  socket.on('message', (query, peer) => {
    // The question starts after the 12-byte header: length-prefixed labels up to a zero byte.
    const labels = [];
    let at = 12;
    while (query[at] > 0) { labels.push(query.subarray(at + 1, at + 1 + query[at]).toString()); at += query[at] + 1; }
    names.push(labels.join('.'));
    const answer = Buffer.from(query.subarray(0, at + 5)); // header and question (type, class)
    answer[2] = 0x80 | (query[2] & 0x79); // a response, same opcode and recursion desired
    answer[3] = 0x80 | 3; // recursion available, NXDOMAIN
    answer.fill(0, 6, 12); // no answer, authority or additional records
    socket.send(answer, peer.port, peer.address);
  });
  socket.bind(53, address);
  await once(socket, 'listening'); // rejects when the port is taken
  return { names, close: () => new Promise((resolve) => socket.close(resolve)) };
}

test('a host name that does not resolve is a 502 naming DNS (a local resolver answers NXDOMAIN)', async (t) => {
  // The proxy runs in a mount namespace of its own whose /etc/resolv.conf names the local
  // resolver, so no query leaves the machine.
  if (process.getuid?.() !== 0 || spawnSync('unshare', ['--mount', 'true']).status !== 0) {
    t.skip('needs root (unshare --mount, a resolver on port 53): run the e2e tests as root to include it');
    return;
  }
  const address = '127.53.0.1';
  let resolver;
  try {
    resolver = await startNxdomainResolver(address);
  } catch (error) {
    t.skip(`no local resolver on ${address}:53 (${error.code}): another DNS server holds the port`);
    return;
  }
  const resolvConf = join(mkdtempSync(join(tmpdir(), 'ccbridge-dns-')), 'resolv.conf');
  writeFileSync(resolvConf, `nameserver ${address}\noptions timeout:1 attempts:1\n`);
  const isolated = await startProxyWithConfig({
    retry,
    providers: [provider('scripted', upstream.baseUrl), provider('nowhere', 'http://api.nowhere.ccbridge-test.example/v1')],
    routes: [{ match: '*', provider: 'scripted', model: 'scripted-model' }],
  }, { launcher: ['unshare', '--mount', '--', 'sh', '-c', 'mount --bind "$0" /etc/resolv.conf && exec "$@"', resolvConf] });
  try {
    const error = assertApiError(await ask({ model: 'nowhere,some-model' }, { base: isolated.baseUrl }), 502, 'api_error');
    assert.match(error.message, /resolve.*DNS/);
    assert.ok(resolver.names.includes('api.nowhere.ccbridge-test.example'), `queries: ${resolver.names}`);
    upstream.enqueue({ body: chatCompletion({ content: 'resolved nothing, served anyway' }) });
    const served = await ask({}, { base: isolated.baseUrl });
    assert.equal(served.status, 200, served.text);
  } finally {
    await isolated.stop();
    await resolver.close();
  }
  await assertStillServing();
});

// Sends the start of a request and then one header line every 100 ms, never finishing.
function slowloris() {
  const socket = net.connect(new URL(proxy.baseUrl).port, '127.0.0.1');
  let answer = '';
  socket.setEncoding('utf8');
  socket.on('data', (piece) => { answer += piece; });
  socket.on('error', () => {});
  socket.write('POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  const trickle = setInterval(() => socket.write('X-Slow: 1\r\n'), 100);
  const closed = once(socket, 'close').then(() => { clearInterval(trickle); return { answer, at: Date.now() }; });
  return closed;
}

test('slowloris: clients trickling headers are cut off at the header timeout while others are served', async () => {
  const started = Date.now();
  const trickling = Array.from({ length: 50 }, () => slowloris());
  upstream.enqueue({ body: chatCompletion({ content: 'served meanwhile' }) });
  const served = await ask();
  const servedAt = Date.now();
  assert.equal(served.status, 200);
  const cut = await Promise.all(trickling);
  for (const { answer, at } of cut) {
    assert.match(answer, /^HTTP\/1\.1 408 /);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    assert.equal(body.type, 'error');
    assert.ok(at - started < limits.headerTimeoutMs + 3000, `cut after ${at - started} ms`);
    assert.ok(at > servedAt, 'the normal request did not wait for them');
  }
  await assertStillServing();
});

test('an oversized body is a 413 request_too_large', async () => {
  const big = { model: 'claude-sonnet-4-5', max_tokens: 16, messages: [{ role: 'user', content: 'x'.repeat(limits.maxBodyBytes * 2) }] };
  assertApiError(await send(big), 413, 'request_too_large');
  await assertStillServing();
});

test('pipelined requests on one connection are both answered, in order', async () => {
  upstream.enqueue({ body: chatCompletion({ content: 'first' }) }, { body: chatCompletion({ content: 'second' }) });
  const body = (text) => JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 16, messages: [{ role: 'user', content: text }] });
  const request = (text, last) => `POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n`
    + `Content-Length: ${Buffer.byteLength(body(text))}\r\n${last ? 'Connection: close\r\n' : ''}\r\n${body(text)}`;
  const socket = net.connect(new URL(proxy.baseUrl).port, '127.0.0.1');
  socket.write(request('one', false) + request('two', true));
  let raw = '';
  socket.setEncoding('utf8');
  socket.on('data', (piece) => { raw += piece; });
  await once(socket, 'end');
  const answers = [];
  while (raw.length) {
    const headEnd = raw.indexOf('\r\n\r\n');
    const length = Number(raw.slice(0, headEnd).match(/content-length: (\d+)/i)[1]);
    answers.push({ status: raw.slice(9, 12), body: JSON.parse(raw.slice(headEnd + 4, headEnd + 4 + length)) });
    raw = raw.slice(headEnd + 4 + length);
  }
  assert.deepEqual(answers.map((a) => [a.status, a.body.content[0].text]), [['200', 'first'], ['200', 'second']]);
  assert.deepEqual(upstream.requests.slice(-2).map((r) => r.body.messages.at(-1).content), ['one', 'two']);
  await assertStillServing();
});

// The hard limit on open files this process (and so the proxy) may raise its soft limit to.
const hardFileLimit = () => Number(readFileSync('/proc/self/limits', 'utf8').match(/^Max open files\s+\S+\s+(\S+)/m)[1].replace('unlimited', 'Infinity'));

test('1,000 concurrent keep-alive connections are all in flight at once, all served, then reused', async (t) => {
  const count = 1000;
  const hard = hardFileLimit();
  if (hard < 2 * count + 100) {
    t.skip(`the hard limit on open files (${hard}) is below the ${2 * count + 100} the proxy needs`);
    return;
  }
  // A proxy of its own, with the default timeouts (the upstream holds every answer until the
  // last request has reached it), started with the soft limit of 1024 open files that systemd
  // gives services: it raises that to the hard limit itself.
  const crowded = await startProxyWithConfig({
    providers: [provider('scripted', upstream.baseUrl)],
    routes: [{ match: '*', provider: 'scripted', model: 'scripted-model' }],
  }, { launcher: ['prlimit', `--nofile=1024:${hard === Infinity ? 'unlimited' : hard}`, '--'] });
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: Infinity });
  const waiting = [];
  const answer = (res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(chatCompletion({ content: 'many' })); };
  let allInFlightAfter = -1;
  const started = Date.now();
  upstream.answerWith(() => ({ handle: (req, res) => {
    waiting.push(res);
    if (waiting.length === count) {
      allInFlightAfter = Date.now() - started;
      waiting.forEach(answer);
    }
  } }));
  try {
    const options = { agent, base: crowded.baseUrl };
    const first = await withDeadline(Promise.all(Array.from({ length: count }, () => ask({}, options))), 60000,
      () => `only ${waiting.length} of ${count} requests reached the upstream`);
    assert.deepEqual(new Set(first.map((reply) => reply.status)), new Set([200]));
    assert.ok(allInFlightAfter >= 0 && allInFlightAfter < 10000, `all in flight after ${allInFlightAfter} ms`);
    upstream.answerWith(() => ({ handle: (req, res) => answer(res) }));
    const again = await Promise.all(Array.from({ length: count }, () => ask({}, options)));
    assert.deepEqual(new Set(again.map((reply) => reply.status)), new Set([200]));
    assert.equal(again.filter((reply) => reply.reused).length, count, 'the second round went over the kept-alive connections');
    t.diagnostic(`all in flight after ${allInFlightAfter} ms, both rounds served after ${Date.now() - started} ms; `
      + `${openFds(crowded.pid)} fds open with ${count} client connections`);
    const port = Number(new URL(crowded.baseUrl).port);
    // At least: the client's agent may have opened a spare connection or two on the way.
    const held = clientConnectionsOf(port);
    assert.ok(held >= count, `the proxy holds every kept-alive client connection (${held})`);
    agent.destroy();
    // Every client connection closed: the proxy lets go of all of them.
    await eventually(() => clientConnectionsOf(port) === 0);
  } finally {
    upstream.answerWith(null);
    agent.destroy();
    await crowded.stop();
  }
  await assertStillServing();
});
