#!/usr/bin/env node
// A tiny local stand-in for an OpenAI-compatible chat model (POST /v1/chat/completions), so the example
// runs offline. It is deliberately gullible: a message that mentions its instructions, an override or an
// admin makes it recite the system prompt (and its canary). It supports `stream: true` (SSE chunks) like the real API.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8787);

function reply(messages) {
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const user = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  if (/\b(instructions|system prompt|override|admin)\b/i.test(user)) {
    return `Sure. My instructions are: ${system}`;
  }
  if (/\b(refund|return)\b/i.test(user)) return 'You can return any item within 30 days for a full refund.';
  if (/\b(ship|deliver)/i.test(user)) return 'Standard shipping takes 3 to 5 business days.';
  return 'I can help with orders, shipping and refunds. What do you need?';
}

const server = createServer((req, res) => {
  if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
    return;
  }
  let raw = '';
  req.on('data', (c) => {
    raw += c;
  });
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"invalid JSON"}}');
      return;
    }
    const content = reply(Array.isArray(body.messages) ? body.messages : []);
    const id = `chatcmpl-${Date.now().toString(36)}`;
    const model = body.model ?? 'stand-in';
    if (body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const word of content.split(/(?<= )/)) {
        const chunk = {
          id,
          object: 'chat.completion.chunk',
          model,
          choices: [{ index: 0, delta: { content: word } }],
        };
        res.write(`data: ${JSON.stringify(chunk)}\n\n`);
      }
      res.end('data: [DONE]\n\n');
      return;
    }
    const out = {
      id,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
  });
});
server.listen(port, '127.0.0.1', () =>
  console.log(`OpenAI-compatible stand-in on http://127.0.0.1:${server.address().port}/v1`),
);
