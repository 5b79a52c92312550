// The OpenAI Responses API and an Anthropic-compatible endpoint as upstreams, with the
// official Anthropic SDK as the client: streaming and not, with tool use.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';
import { startScriptedUpstream, startProxy, responsesObject, responsesStream, anthropicMessage, anthropicStream } from './harness.mjs';

const running = [];
after(async () => { for (const stop of running.reverse()) await stop(); });

async function proxyFor(format, urlOf) {
  const upstream = await startScriptedUpstream();
  const proxy = await startProxy(urlOf(upstream), { model: 'upstream-model', extraArgs: ['--format', format, '--max-output-tokens', '0'] });
  running.push(() => upstream.close(), () => proxy.stop());
  return {
    upstream,
    client: new Anthropic({ baseURL: proxy.baseUrl, apiKey: 'unused', maxRetries: 0, defaultHeaders: { 'anthropic-beta': 'e2e-beta-2026-01-01' } }),
  };
}

const request = {
  model: 'claude-opus-5-5',
  max_tokens: 2048,
  system: [{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral' } }],
  tools: [{ name: 'read_file', description: 'Read a file', input_schema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } }],
  messages: [{ role: 'user', content: 'Show me README.md' }],
};

// What both paths must agree on (the SDK adds bookkeeping fields of its own to streamed messages).
function comparable(message) {
  assert.match(message.id, /^msg_/);
  const { role, model, content, stop_reason, stop_sequence } = message;
  const { input_tokens, output_tokens, cache_read_input_tokens } = message.usage;
  return { role, model, content, stop_reason, stop_sequence, usage: { input_tokens, output_tokens, cache_read_input_tokens } };
}

test('OpenAI Responses upstream: stream and whole agree, tool input and reasoning included', async () => {
  const { upstream, client } = await proxyFor('openai-responses', (u) => u.baseUrl);
  const answer = {
    reasoning: 'The user wants the README.',
    content: 'Reading it now.',
    toolCalls: [{ id: 'call_readme', name: 'read_file', arguments: '{"path":"README.md"}' }],
    usage: { input_tokens: 500, input_tokens_details: { cached_tokens: 300 }, output_tokens: 60, total_tokens: 560 },
  };
  upstream.enqueue({ body: JSON.stringify(responsesObject(answer)) });
  const whole = await client.messages.create(request);
  upstream.enqueue({ chunks: responsesStream(answer) });
  const streamed = await client.messages.stream(request).finalMessage();

  assert.deepEqual(comparable(streamed), comparable(whole));
  assert.deepEqual(whole.content.map((b) => b.type), ['thinking', 'text', 'tool_use']);
  assert.equal(whole.content[0].thinking, answer.reasoning);
  assert.deepEqual(whole.content[2].input, { path: 'README.md' });
  assert.equal(whole.content[2].id, 'call_readme');
  assert.equal(whole.stop_reason, 'tool_use');
  assert.equal(whole.usage.input_tokens, 200);
  assert.equal(whole.usage.cache_read_input_tokens, 300);

  const sent = upstream.requests.at(-1);
  assert.equal(sent.url, '/v1/responses');
  assert.equal(sent.body.model, 'upstream-model');
  assert.equal(sent.body.instructions, 'You are terse.');
  assert.equal(sent.body.store, false);
  assert.deepEqual(sent.body.tools[0], { type: 'function', name: 'read_file', description: 'Read a file', parameters: request.tools[0].input_schema, strict: false });
});

test('Anthropic-compatible upstream: passed through, thinking signatures and cache_control kept', async () => {
  const { upstream, client } = await proxyFor('anthropic', (u) => u.rootUrl);
  const answer = {
    thinking: 'Need the README.',
    content: 'Reading it now.',
    toolCalls: [{ id: 'toolu_01abc', name: 'read_file', arguments: '{"path":"README.md"}' }],
    usage: { input_tokens: 40, cache_read_input_tokens: 460, cache_creation_input_tokens: 0, output_tokens: 55 },
  };
  upstream.enqueue({ body: JSON.stringify(anthropicMessage(answer)) });
  const whole = await client.messages.create(request);
  upstream.enqueue({ chunks: anthropicStream(answer) });
  const streamed = await client.messages.stream(request).finalMessage();

  assert.deepEqual(comparable(streamed), comparable(whole));
  assert.equal(whole.model, 'claude-opus-5-5');
  assert.equal(whole.content[0].signature, 'sig-e2e-123');
  assert.equal(streamed.content[0].signature, 'sig-e2e-123');
  assert.deepEqual(whole.content[2].input, { path: 'README.md' });
  assert.equal(whole.usage.cache_read_input_tokens, 460);

  const sent = upstream.requests.at(-1);
  assert.equal(sent.url, '/v1/messages');
  assert.equal(sent.headers['x-api-key'], 'sk-e2e-provider-key-0123456789');
  assert.equal(sent.body.model, 'upstream-model');
  assert.deepEqual(sent.body.system, request.system);
  assert.deepEqual(sent.body.tools, request.tools);
  // The client's API version and betas reach the upstream unchanged.
  assert.match(sent.headers['anthropic-version'], /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(sent.headers['anthropic-beta'], 'e2e-beta-2026-01-01');
});
