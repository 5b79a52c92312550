// Shared pieces of the end-to-end tests: a scripted OpenAI-compatible upstream on loopback,
// and the real ccbridge executable started in front of it.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { once } from 'node:events';

// An upstream that answers each request with the next scripted reply and records what it got.
// A reply is { status, headers, body } for a whole response or { status, headers, chunks } for
// a stream (each chunk written on its own tick).
export async function startScriptedUpstream() {
  const replies = [];
  const requests = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (piece) => { body += piece; });
    req.on('end', async () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body: body ? JSON.parse(body) : null });
      const reply = replies.shift() ?? { status: 500, body: JSON.stringify({ error: { message: 'no scripted reply left' } }) };
      if (reply.chunks) {
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
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}/v1`,
    requests,
    enqueue: (...more) => replies.push(...more),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

// Starts the real ccbridge headless on a free port in front of `upstreamUrl`; resolves once it
// listens, with its base URL and its stderr lines (one log line per request).
export async function startProxy(upstreamUrl, { model = 'scripted-model', extraArgs = [] } = {}) {
  const binary = process.env.CCBRIDGE_BIN;
  if (!binary) throw new Error('CCBRIDGE_BIN must name the built ccbridge executable');
  const child = spawn(binary, ['--headless', '--listen', '127.0.0.1:0', '--upstream', upstreamUrl,
    '--model', model, '--api-key-env', 'CCBRIDGE_E2E_KEY', ...extraArgs], {
    env: { ...process.env, CCBRIDGE_E2E_KEY: 'sk-e2e-provider-key-0123456789' },
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
    logLines: lines,
    stop: async () => { child.kill('SIGTERM'); if (child.exitCode === null) await once(child, 'exit'); },
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
