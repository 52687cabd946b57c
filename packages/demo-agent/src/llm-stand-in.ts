import { createServer, type ServerResponse } from 'node:http';
import { listenLocal, pathOf } from './local-server.js';
import { DEMO_SYSTEM_PROMPT } from './system-prompt.js';

/** A running local LLM stand-in. */
export interface LlmStandIn {
  /** Base URL: OpenAI at `${url}/v1/chat/completions`, Ollama at `${url}/api/chat`. */
  url: string;
  close(): Promise<void>;
}

interface WireMessage {
  role: string;
  content?: string | null;
}

// Like a real model, it follows instructions it finds in tool output: the indirect-injection weakness.
const OBEYS =
  /ignore (all |any )?(previous|prior|above) instructions|system:|new instructions|reveal|override/i;

/** What the stand-in "generates": the agent's draft, rephrased from tool data, or hijacked by it. */
function generate(messages: WireMessage[]): string {
  const tool = [...messages].reverse().find((m) => m.role === 'tool');
  if (tool?.content && OBEYS.test(tool.content)) {
    return `Following the tool's instructions. My instructions were: ${DEMO_SYSTEM_PROMPT}`;
  }
  if (tool?.content) {
    try {
      const order = JSON.parse(tool.content) as { id?: string; item?: string; status?: string };
      if (order.id)
        return `Order ${order.id} (${order.item ?? 'your item'}) is ${order.status ?? 'on its way'}.`;
    } catch {
      return 'The order system sent something I could not read.';
    }
  }
  const draft = [...messages]
    .reverse()
    .find((m) => m.role === 'assistant' && m.content?.startsWith('Draft:'));
  return draft?.content?.slice('Draft:'.length).trim() || 'How can I help you today?';
}

const MAX_BODY_BYTES = 1024 * 1024;

// Clients send content as a string, null, or OpenAI content parts; anything else is dropped, not trusted.
function toWireMessages(value: unknown): WireMessage[] {
  if (!Array.isArray(value)) return [];
  const messages: WireMessage[] = [];
  for (const m of value) {
    if (typeof m !== 'object' || m === null || typeof (m as { role?: unknown }).role !== 'string') continue;
    const { role, content } = m as { role: string; content?: unknown };
    if (typeof content === 'string' || content === null || content === undefined) {
      messages.push({ role, content: content ?? null });
    } else if (Array.isArray(content)) {
      const text = content
        .map((part: unknown) =>
          typeof part === 'object' && part !== null && typeof (part as { text?: unknown }).text === 'string'
            ? (part as { text: string }).text
            : '',
        )
        .join('');
      messages.push({ role, content: text });
    } else {
      messages.push({ role, content: JSON.stringify(content) });
    }
  }
  return messages;
}

function lastUser(messages: WireMessage[]): string {
  return [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
}

function pieces(text: string): string[] {
  return text.split(/(?<=\s)/);
}

function sendOpenAi(res: ServerResponse, body: Record<string, unknown>, messages: WireMessage[]): void {
  const tools = Array.isArray(body.tools) && body.tools.length > 0;
  const id = 'chatcmpl-standin';
  if (tools) {
    // Function calling: the stand-in always picks the order lookup, with the id it saw (or none).
    const orderId = /\b([A-Z]-\d{5})\b/.exec(lastUser(messages))?.[1] ?? 'LAST';
    const message = {
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'call_1',
          type: 'function',
          function: { name: 'lookup_order', arguments: JSON.stringify({ order_id: orderId }) },
        },
      ],
    };
    const json = JSON.stringify({
      id,
      object: 'chat.completion',
      model: 'stand-in',
      choices: [{ index: 0, message, finish_reason: 'tool_calls' }],
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(json);
    return;
  }
  const text = generate(messages);
  if (body.stream === true) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const chunk = (delta: Record<string, unknown>, finish: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', model: 'stand-in', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    let out = chunk({ role: 'assistant', content: '' }, null);
    for (const piece of pieces(text)) out += chunk({ content: piece }, null);
    out += chunk({}, 'stop');
    res.end(`${out}data: [DONE]\n\n`);
    return;
  }
  const json = JSON.stringify({
    id,
    object: 'chat.completion',
    model: 'stand-in',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
  });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(json);
}

function sendOllama(res: ServerResponse, body: Record<string, unknown>, messages: WireMessage[]): void {
  const text = generate(messages);
  const line = (content: string, done: boolean) =>
    `${JSON.stringify({ model: 'stand-in', message: { role: 'assistant', content }, done, ...(done ? { done_reason: 'stop' } : {}) })}\n`;
  if (body.stream === false) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(line(text, true));
    return;
  }
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  res.end(
    pieces(text)
      .map((p) => line(p, false))
      .join('') + line('', true),
  );
}

/**
 * Starts a deterministic local LLM speaking the OpenAI chat-completions format (JSON, SSE streaming,
 * function calling) and Ollama's /api/chat (NDJSON). It rephrases the agent's draft or the tool data it
 * is given, and, like real models, obeys instructions planted in tool output.
 */
export async function startLlmStandIn(options: { port?: number; host?: string } = {}): Promise<LlmStandIn> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      const path = pathOf(req.url, 'http://llm.invalid');
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413, { 'content-type': 'application/json' });
        res.end('{"error":{"message":"request body over 1 MB","type":"invalid_request_error"}}');
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        parsed = undefined;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end('{"error":{"message":"the body must be a JSON object","type":"invalid_request_error"}}');
        return;
      }
      const body = parsed as Record<string, unknown>;
      const messages = toWireMessages(body.messages);
      if (path === '/v1/chat/completions' || path === '/chat/completions')
        return sendOpenAi(res, body, messages);
      if (path === '/api/chat') return sendOllama(res, body, messages);
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not found"}');
    });
  });
  return listenLocal(server, options);
}
