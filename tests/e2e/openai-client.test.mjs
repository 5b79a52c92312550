// The official `openai` npm client on the proxy's inbound /v1/chat/completions: passed through to
// an OpenAI-compatible upstream, and translated for an Anthropic-compatible one. Streaming and
// not, with tools.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { startScriptedUpstream, startProxy, chatCompletion, chatCompletionStream, anthropicMessage, anthropicStream } from './harness.mjs';

const running = [];
after(async () => { for (const stop of running.reverse()) await stop(); });

async function proxyFor(format, urlOf) {
  const upstream = await startScriptedUpstream();
  const proxy = await startProxy(urlOf(upstream), { model: 'upstream-model', extraArgs: ['--format', format] });
  running.push(() => upstream.close(), () => proxy.stop());
  return { upstream, client: new OpenAI({ baseURL: `${proxy.baseUrl}/v1`, apiKey: 'unused', maxRetries: 0 }) };
}

const request = {
  model: 'gpt-4o',
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: 'Weather in Oslo?' },
  ],
  tools: [{ type: 'function', function: { name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }],
  max_tokens: 500,
};

// Assembles streamed chunks the way OpenAI clients do.
async function assemble(stream) {
  const message = { content: '', tool_calls: [] };
  let finishReason = null;
  let usage = null;
  for await (const chunk of stream) {
    if (chunk.usage) usage = chunk.usage;
    const choice = chunk.choices[0];
    if (!choice) continue;
    if (choice.delta.content) message.content += choice.delta.content;
    for (const call of choice.delta.tool_calls ?? []) {
      message.tool_calls[call.index] ??= { id: call.id, type: 'function', function: { name: call.function?.name, arguments: '' } };
      message.tool_calls[call.index].function.arguments += call.function?.arguments ?? '';
    }
    if (choice.finish_reason) finishReason = choice.finish_reason;
  }
  return { message, finishReason, usage };
}

test('to an Anthropic-compatible upstream: translated both ways, stream and whole agree', async () => {
  const { upstream, client } = await proxyFor('anthropic', (u) => u.rootUrl);
  const answer = {
    content: 'Checking.',
    toolCalls: [{ id: 'toolu_01weather', name: 'get_weather', arguments: '{"city":"Oslo"}' }],
    usage: { input_tokens: 90, cache_read_input_tokens: 10, cache_creation_input_tokens: 0, output_tokens: 20 },
  };
  upstream.enqueue({ body: JSON.stringify(anthropicMessage(answer)) });
  const whole = await client.chat.completions.create(request);
  upstream.enqueue({ chunks: anthropicStream(answer) });
  const streamed = await assemble(await client.chat.completions.create({ ...request, stream: true, stream_options: { include_usage: true } }));

  const message = whole.choices[0].message;
  assert.equal(whole.object, 'chat.completion');
  assert.equal(whole.model, 'gpt-4o');
  assert.equal(message.content, 'Checking.');
  assert.equal(message.tool_calls[0].id, 'toolu_01weather');
  assert.deepEqual(JSON.parse(message.tool_calls[0].function.arguments), { city: 'Oslo' });
  assert.equal(whole.choices[0].finish_reason, 'tool_calls');
  assert.equal(whole.usage.prompt_tokens, 100);
  assert.equal(whole.usage.prompt_tokens_details.cached_tokens, 10);

  assert.equal(streamed.message.content, message.content);
  assert.deepEqual(streamed.message.tool_calls.map((c) => [c.id, c.function.name, JSON.parse(c.function.arguments)]),
    message.tool_calls.map((c) => [c.id, c.function.name, JSON.parse(c.function.arguments)]));
  assert.equal(streamed.finishReason, 'tool_calls');
  assert.equal(streamed.usage.prompt_tokens, 100);

  // The upstream got an Anthropic request.
  const sent = upstream.requests.at(-1).body;
  assert.equal(sent.model, 'upstream-model');
  assert.equal(sent.system, 'You are terse.');
  assert.deepEqual(sent.tools[0], { name: 'get_weather', description: 'Weather for a city', input_schema: request.tools[0].function.parameters });
});

test('to an OpenAI-compatible upstream: passed through with the model and key swapped', async () => {
  const { upstream, client } = await proxyFor('openai-chat', (u) => u.baseUrl);
  const answer = {
    content: 'Checking.',
    toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}' }],
    finishReason: 'tool_calls',
    usage: { prompt_tokens: 50, completion_tokens: 9, total_tokens: 59 },
  };
  upstream.enqueue({ body: chatCompletion(answer) });
  const whole = await client.chat.completions.create({ ...request, seed: 7, logprobs: false });
  upstream.enqueue({ chunks: chatCompletionStream(answer) });
  const streamed = await assemble(await client.chat.completions.create({ ...request, stream: true }));

  assert.equal(whole.id, 'chatcmpl-e2e'); // the upstream's own response
  assert.deepEqual(JSON.parse(whole.choices[0].message.tool_calls[0].function.arguments), { city: 'Oslo' });
  assert.equal(streamed.message.content, 'Checking.');
  assert.equal(streamed.message.tool_calls[0].function.arguments, '{"city":"Oslo"}');

  const [first, second] = upstream.requests.slice(-2);
  assert.equal(first.url, '/v1/chat/completions');
  assert.equal(first.headers.authorization, 'Bearer sk-e2e-provider-key-0123456789');
  assert.equal(first.body.model, 'upstream-model');
  assert.equal(first.body.seed, 7); // fields the proxy does not know still arrive
  assert.deepEqual(first.body.tools, request.tools);
  assert.equal(second.body.stream, true);
});

test('errors come back in OpenAI shape and the model list in OpenAI shape', async () => {
  const { upstream, client } = await proxyFor('anthropic', (u) => u.rootUrl);
  upstream.enqueue({ status: 429, body: JSON.stringify({ type: 'error', error: { type: 'rate_limit_error', message: 'Too many requests' } }), headers: { 'retry-after': '60' } });
  await assert.rejects(client.chat.completions.create(request), (error) => {
    assert.ok(error instanceof OpenAI.RateLimitError, `got ${error.constructor.name}`);
    assert.match(error.message, /Too many requests/);
    return true;
  });
  await assert.rejects(client.chat.completions.create({ model: 'x', messages: [] }), (error) => {
    assert.equal(error.status, 400);
    assert.equal(error.error.type, 'invalid_request_error');
    return true;
  });
  const models = await client.models.list();
  assert.deepEqual(models.data.map((m) => m.id), ['upstream-model']);
  assert.equal(models.data[0].object, 'model');
});
