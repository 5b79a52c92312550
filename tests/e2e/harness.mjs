// Shared pieces of the end-to-end tests: a scripted OpenAI-compatible upstream on loopback,
// and the real ccbridge executable started in front of it.
import { spawn } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The test-only CA and the certificate it signed for localhost and upstream.invalid.
const tlsData = new URL('../data/tls/', import.meta.url);
export const testCaFile = new URL('ca.pem', tlsData).pathname;

// An upstream that answers each request with the next scripted reply and records what it got.
// A reply is { status, headers, body } for a whole response, { status, headers, chunks } for
// a stream (each chunk written on its own tick), or { handle(req, res) } for a test that
// writes (or withholds, or cuts) the answer itself. Once the script is used up, `answerWith`'s
// function makes the reply (for load); without one the answer is a 500. With `tls` it serves
// https with the test certificate (tests/data/tls), which only a client trusting the test CA
// accepts.
export async function startScriptedUpstream({ tls = false } = {}) {
  const replies = [];
  const requests = [];
  let answer = null;
  const handler = (req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (piece) => { body += piece; });
    req.on('end', async () => {
      // The proxy's model-list lookups are not part of the script.
      if (req.method === 'GET' && req.url.endsWith('/models')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error":{"message":"no model list"}}');
        return;
      }
      const request = { method: req.method, url: req.url, headers: req.headers, body: body ? JSON.parse(body) : null };
      requests.push(request);
      const reply = replies.shift() ?? answer?.(request) ?? { status: 500, body: JSON.stringify({ error: { message: 'no scripted reply left' } }) };
      if (reply.handle) {
        reply.handle(req, res);
      } else if (reply.chunks) {
        res.writeHead(reply.status ?? 200, { 'content-type': 'text/event-stream', ...reply.headers });
        for (const chunk of reply.chunks) {
          res.write(chunk);
          await new Promise((resolve) => setImmediate(resolve));
        }
        res.end();
      } else {
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body);
      }
    });
  };
  const server = tls
    ? https.createServer({ cert: readFileSync(new URL('server.pem', tlsData)), key: readFileSync(new URL('server.key', tlsData)) }, handler)
    : http.createServer(handler);
  // Room for a burst of the proxy's connections (the load tests open a thousand at once).
  server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 });
  await once(server, 'listening');
  const root = `${tls ? 'https://localhost' : 'http://127.0.0.1'}:${server.address().port}`;
  return {
    baseUrl: `${root}/v1`,
    rootUrl: root,
    requests,
    enqueue: (...more) => replies.push(...more),
    pending: () => replies.length,
    answerWith: (makeReply) => { answer = makeReply; },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

// Starts the real ccbridge headless on a free port in front of `upstreamUrl` (quick start);
// resolves once it listens, with its base URL and its stderr lines (one log line per request).
// `env` adds to its environment (a proxy to go through, say).
export async function startProxy(upstreamUrl, { model = 'scripted-model', extraArgs = [], env = {} } = {}) {
  return spawnProxy(['--upstream', upstreamUrl, '--model', model, '--api-key-env', 'CCBRIDGE_E2E_KEY', ...extraArgs], env);
}

// The same, configured by a config file (docs/configuration.md) holding `config`.
// `launcher` is a command that execs the proxy given as its last arguments (prlimit, unshare),
// so the proxy keeps the launcher's process id.
export async function startProxyWithConfig(config, { env = {}, launcher = [] } = {}) {
  const file = join(mkdtempSync(join(tmpdir(), 'ccbridge-e2e-config-')), 'config.json');
  writeFileSync(file, JSON.stringify(config));
  return spawnProxy(['--config', file], env, launcher);
}

async function spawnProxy(args, env = {}, launcher = []) {
  const binary = process.env.CCBRIDGE_BIN;
  if (!binary) throw new Error('CCBRIDGE_BIN must name the built ccbridge executable');
  const command = [...launcher, binary, '--headless', '--listen', '127.0.0.1:0', ...args];
  const child = spawn(command[0], command.slice(1), {
    env: { ...process.env, CCBRIDGE_E2E_KEY: 'sk-e2e-provider-key-0123456789', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines = [];
  let buffered = '';
  const baseUrl = await new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`ccbridge exited with ${code}: ${lines.join('\n')}`)));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (piece) => {
      buffered += piece;
      const complete = buffered.split('\n');
      buffered = complete.pop();
      for (const line of complete) {
        lines.push(line);
        const listening = line.match(/listening on (http:\/\/\S+)/);
        if (listening) resolve(listening[1]);
      }
    });
  });
  return {
    baseUrl,
    pid: child.pid,
    logLines: lines,
    // A SIGTERM ends ccbridge cleanly with 0: anything else (a crash, or in a sanitized build a
    // finding such as a leak reported at exit) fails the test with what ccbridge printed.
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      if (child.exitCode !== 0) {
        throw new Error(`ccbridge ended with ${child.exitCode ?? child.signalCode}:\n${lines.join('\n')}\n${buffered}`);
      }
    },
  };
}

// An HTTP CONNECT proxy on loopback that tunnels every CONNECT to `targetPort` on loopback,
// whatever host was asked for, and remembers the targets: a request for a host name that does
// not resolve can only have reached the target through it.
export async function startConnectProxy(targetPort) {
  const targets = [];
  const server = http.createServer((req, res) => { res.writeHead(405); res.end(); });
  server.on('connect', (req, client, head) => {
    targets.push(req.url);
    const target = net.connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      target.write(head);
      target.pipe(client);
      client.pipe(target);
    });
    target.on('error', () => client.destroy());
    client.on('error', () => target.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    targets,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

// The same assistant answer as an OpenAI Chat Completions JSON body and as a stream split into
// small pieces, so a test can compare what the proxy makes of each.
export function chatCompletion({ content = '', toolCalls = [], finishReason = 'stop', usage }) {
  return JSON.stringify({
    id: 'chatcmpl-e2e',
    object: 'chat.completion',
    choices: [{
      index: 0,
      message: {
        role: 'assistant',
        content: content || null,
        ...(toolCalls.length ? { tool_calls: toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } })) } : {}),
      },
      finish_reason: finishReason,
    }],
    usage,
  });
}

export function chatCompletionStream({ content = '', toolCalls = [], finishReason = 'stop', usage, piece = 3 }) {
  const frames = [];
  const chunk = (delta, finish = null, extra = {}) => frames.push(`data: ${JSON.stringify({
    id: 'chatcmpl-e2e', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`);
  chunk({ role: 'assistant', content: '' });
  for (let i = 0; i < content.length; i += piece) chunk({ content: content.slice(i, i + piece) });
  toolCalls.forEach((call, index) => {
    chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] });
    for (let i = 0; i < call.arguments.length; i += piece) {
      chunk({ tool_calls: [{ index, function: { arguments: call.arguments.slice(i, i + piece) } }] });
    }
  });
  chunk({}, finishReason);
  frames.push(`data: ${JSON.stringify({ id: 'chatcmpl-e2e', object: 'chat.completion.chunk', choices: [], usage })}\n\n`);
  frames.push('data: [DONE]\n\n');
  return frames;
}

// Resolves once `condition()` holds, checking on every turn of the event loop; rejects after
// `timeoutMs` so a broken expectation fails instead of hanging.
export async function waitFor(condition, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

// The same answer as an OpenAI Responses API object and as its event stream.
export function responsesObject({ content = '', toolCalls = [], reasoning = '', usage }) {
  const output = [];
  if (reasoning) output.push({ type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: reasoning }] });
  if (content) output.push({ type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: content, annotations: [] }] });
  toolCalls.forEach((call, i) => output.push({ type: 'function_call', id: `fc_${i}`, call_id: call.id, name: call.name, arguments: call.arguments, status: 'completed' }));
  return { id: 'resp_e2e', object: 'response', status: 'completed', output, usage };
}

export function responsesStream(answer, piece = 4) {
  const frames = [];
  let sequence = 0;
  const emit = (type, fields) => frames.push(`event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...fields })}\n\n`);
  const response = responsesObject(answer);
  emit('response.created', { response: { ...response, status: 'in_progress', output: [], usage: null } });
  response.output.forEach((item, outputIndex) => {
    if (item.type === 'reasoning') {
      emit('response.output_item.added', { output_index: outputIndex, item: { ...item, summary: [] } });
      emit('response.reasoning_summary_part.added', { item_id: item.id, output_index: outputIndex, summary_index: 0, part: { type: 'summary_text', text: '' } });
      const text = item.summary[0].text;
      for (let i = 0; i < text.length; i += piece) emit('response.reasoning_summary_text.delta', { item_id: item.id, output_index: outputIndex, summary_index: 0, delta: text.slice(i, i + piece) });
      emit('response.output_item.done', { output_index: outputIndex, item });
    } else if (item.type === 'message') {
      emit('response.output_item.added', { output_index: outputIndex, item: { ...item, content: [] } });
      const text = item.content[0].text;
      for (let i = 0; i < text.length; i += piece) emit('response.output_text.delta', { item_id: item.id, output_index: outputIndex, content_index: 0, delta: text.slice(i, i + piece) });
      emit('response.output_item.done', { output_index: outputIndex, item });
    } else {
      emit('response.output_item.added', { output_index: outputIndex, item: { ...item, arguments: '' } });
      for (let i = 0; i < item.arguments.length; i += piece) emit('response.function_call_arguments.delta', { item_id: item.id, output_index: outputIndex, delta: item.arguments.slice(i, i + piece) });
      emit('response.function_call_arguments.done', { item_id: item.id, output_index: outputIndex, arguments: item.arguments });
      emit('response.output_item.done', { output_index: outputIndex, item });
    }
  });
  emit('response.completed', { response });
  return frames;
}

// The same answer as an Anthropic message and as its event stream (what an
// Anthropic-compatible upstream sends).
export function anthropicMessage({ content = '', toolCalls = [], thinking = '', usage }) {
  const blocks = [];
  if (thinking) blocks.push({ type: 'thinking', thinking, signature: 'sig-e2e-123' });
  if (content) blocks.push({ type: 'text', text: content });
  toolCalls.forEach((call) => blocks.push({ type: 'tool_use', id: call.id, name: call.name, input: JSON.parse(call.arguments) }));
  return { id: 'msg_upstream', type: 'message', role: 'assistant', model: 'upstream-model', content: blocks,
    stop_reason: toolCalls.length ? 'tool_use' : 'end_turn', stop_sequence: null, usage };
}

export function anthropicStream(answer, piece = 4) {
  const message = anthropicMessage(answer);
  const frames = [];
  const emit = (type, fields) => frames.push(`event: ${type}\ndata: ${JSON.stringify({ type, ...fields })}\n\n`);
  emit('message_start', { message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } } });
  message.content.forEach((block, index) => {
    if (block.type === 'thinking') {
      emit('content_block_start', { index, content_block: { type: 'thinking', thinking: '', signature: '' } });
      for (let i = 0; i < block.thinking.length; i += piece) emit('content_block_delta', { index, delta: { type: 'thinking_delta', thinking: block.thinking.slice(i, i + piece) } });
      emit('content_block_delta', { index, delta: { type: 'signature_delta', signature: block.signature } });
    } else if (block.type === 'text') {
      emit('content_block_start', { index, content_block: { type: 'text', text: '' } });
      for (let i = 0; i < block.text.length; i += piece) emit('content_block_delta', { index, delta: { type: 'text_delta', text: block.text.slice(i, i + piece) } });
    } else {
      emit('content_block_start', { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } });
      const json = JSON.stringify(block.input);
      for (let i = 0; i < json.length; i += piece) emit('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: json.slice(i, i + piece) } });
    }
    emit('content_block_stop', { index });
    if (index === 0) frames.push('event: ping\ndata: {"type": "ping"}\n\n');
  });
  emit('message_delta', { delta: { stop_reason: message.stop_reason, stop_sequence: null }, usage: { output_tokens: message.usage.output_tokens } });
  emit('message_stop', {});
  return frames;
}
