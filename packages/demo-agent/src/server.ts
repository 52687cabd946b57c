import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { answer, type DemoInput, type DemoReply } from './brain.js';
import { listenLocal } from './local-server.js';
import { answerViaUpstreams, type DemoLogEntry, type DemoUpstreams } from './upstream-client.js';

/** Options of the demo agent's HTTP server. */
export interface DemoAgentOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (the demo never listens on public interfaces). */
  host?: string;
  /** Delay of the deliberately slow requests, in ms (default 700). */
  slowMs?: number;
  /** The LLM and order tool to call (through the chaos proxy, typically); without them the agent is self-contained. */
  upstreams?: DemoUpstreams;
}

/** A running demo agent. */
export interface DemoAgent {
  /** Base URL, e.g. http://127.0.0.1:43123 (the chat endpoint is `${url}/invoke`). */
  url: string;
  /** What the agent noticed on its upstream calls (also served at GET /log), most recent 5,000. */
  log: DemoLogEntry[];
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

const MAX_LOG = 5000;

const MAX_BODY_BYTES = 1024 * 1024;
const PROMPT_FIELDS = ['prompt', 'input', 'message', 'query', 'question', 'text', 'productDescription'];

/**
 * Starts the demo customer-support agent: POST /invoke (also / and /chat) with `{"prompt": "..."}`,
 * `{"messages": [...]}` or any common prompt field; GET /invoke?q=...; GET /health; POST /reset.
 */
export async function startDemoAgent(options: DemoAgentOptions = {}): Promise<DemoAgent> {
  const slowMs = options.slowMs ?? 700;
  const timers = new Set<NodeJS.Timeout>();
  const log: DemoLogEntry[] = [];
  const upstream: Upstream | undefined = options.upstreams && {
    upstreams: options.upstreams,
    log,
    record: (entry) => {
      log.push(entry);
      if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);
    },
  };
  const server = createServer((req, res) => {
    handle(req, res, slowMs, timers, upstream).catch(() => {
      if (!res.headersSent) send(res, 500, '{"error":"internal error"}');
    });
  });
  server.keepAliveTimeout = 5000;
  const listening = await listenLocal(server, options, () => {
    for (const timer of timers) clearTimeout(timer);
  });
  return { ...listening, log };
}

interface Upstream {
  upstreams: DemoUpstreams;
  log: DemoLogEntry[];
  record(entry: DemoLogEntry): void;
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  slowMs: number,
  timers: Set<NodeJS.Timeout>,
  upstream: Upstream | undefined,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://demo.invalid');
  if (url.pathname === '/health') return send(res, 200, '{"ok":true}');
  if (url.pathname === '/log' && req.method === 'GET')
    return send(res, 200, JSON.stringify(upstream?.log ?? []));
  if (url.pathname === '/reset' && req.method === 'POST') return send(res, 204, '');
  if (!['/', '/invoke', '/chat', '/GenerateSearchQueries'].includes(url.pathname)) {
    return send(res, 404, '{"error":"not found: use POST /invoke"}');
  }
  let input: ParsedInput | undefined;
  if (req.method === 'GET') {
    const prompt = url.searchParams.get('q') ?? url.searchParams.get('prompt') ?? '';
    input = { prompt, history: [], keywords: false };
  } else if (req.method === 'POST' || req.method === 'PUT') {
    const raw = await readBody(req);
    if (raw === undefined) return send(res, 413, '{"error":"request body too large"}');
    input = parseInput(raw);
    if (!input) return send(res, 400, '{"error":"request body must be a JSON object with a prompt"}');
  } else {
    return send(res, 405, '{"error":"method not allowed"}');
  }
  let reply = answer(input, { slowMs });
  if (upstream && reply.kind === 'answer' && reply.text !== '') {
    // The case key (header, ?flakestorm_case= or session_id) travels on to the upstream calls so that
    // the chaos proxy can attribute them to the case under test.
    const header = req.headers['x-flakestorm-case'];
    const caseKey =
      (Array.isArray(header) ? header[0] : header) ??
      url.searchParams.get('flakestorm_case') ??
      input.sessionId ??
      null;
    const text = await answerViaUpstreams(
      upstream.upstreams,
      { prompt: input.prompt, draft: reply.text, intent: reply.intent },
      caseKey,
      upstream.record,
    );
    reply = { ...reply, text };
  }
  if (reply.delayMs > 0) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, reply.delayMs);
      timers.add(timer);
    });
  }
  if (res.destroyed) return;
  send(res, statusOf(reply), bodyOf(reply, input.keywords));
}

function statusOf(reply: DemoReply): number {
  return reply.kind === 'error' ? reply.status : 200;
}

function bodyOf(reply: DemoReply, keywords: boolean): string {
  if (reply.kind === 'error') return JSON.stringify({ error: reply.message });
  if (reply.kind === 'broken-json') return `{"response": "${reply.text}`;
  if (keywords) {
    // The Python Flakestorm keyword-extractor sample expects {"success": true, "queries": [...]}.
    const words = reply.text.toLowerCase().match(/[a-z]{5,}/g) ?? [];
    return JSON.stringify({ success: true, queries: [...new Set(words)].slice(0, 5), response: reply.text });
  }
  return JSON.stringify({ response: reply.text, intent: reply.intent });
}

type ParsedInput = DemoInput & { keywords: boolean; sessionId?: string };

function parseInput(raw: string): ParsedInput | undefined {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const session = record.session_id ?? record.sessionId;
  const sessionId = typeof session === 'string' ? { sessionId: session } : {};
  const history = Array.isArray(record.messages)
    ? record.messages.filter(
        (m): m is { role: string; content: string } =>
          typeof m === 'object' && m !== null && typeof m.role === 'string' && typeof m.content === 'string',
      )
    : [];
  for (const field of PROMPT_FIELDS) {
    const value = record[field];
    if (typeof value === 'string') {
      return { prompt: value, history, keywords: field === 'productDescription', ...sessionId };
    }
  }
  const lastUser = [...history].reverse().find((m) => m.role === 'user');
  if (lastUser)
    return { prompt: lastUser.content, history: history.slice(0, -1), keywords: false, ...sessionId };
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
