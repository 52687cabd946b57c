import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { echoAnswer, echoDelayMs } from './echo-protocol.js';
import { type FixtureServer, listenLocal } from './listen.js';
import { readRequestBody } from './read-request.js';

/** A running echo agent: HTTP `POST /invoke` and OpenAI-compatible `/v1/chat/completions`. */
export interface EchoAgent extends FixtureServer {
  /** URL of the plain endpoint, `${url}/invoke`. */
  invokeUrl: string;
  /** How many requests arrived (all routes). */
  readonly requests: number;
  /** How many POST /reset calls arrived. */
  readonly resets: number;
}

interface Parsed {
  prompt: string;
  messages?: Array<{ role: string; content: string }>;
  sessionId?: string;
  stream?: boolean;
}

function parse(req: IncomingMessage, raw: string): Parsed {
  const url = new URL(req.url ?? '/', 'http://x');
  const type = req.headers['content-type'] ?? '';
  const fromQuery = url.searchParams.get('prompt') ?? url.searchParams.get('q');
  if (type.includes('json') || raw.trimStart().startsWith('{')) {
    try {
      const body = JSON.parse(raw) as Record<string, unknown>;
      const messages = Array.isArray(body.messages) ? (body.messages as Parsed['messages']) : undefined;
      const last = messages?.at(-1)?.content;
      const prompt = typeof body.prompt === 'string' ? body.prompt : (last ?? fromQuery ?? '');
      const sessionId = typeof body.session_id === 'string' ? body.session_id : req.headers['x-session-id'];
      return {
        prompt,
        ...(messages ? { messages } : {}),
        ...(typeof sessionId === 'string' ? { sessionId } : {}),
        ...(body.stream === true ? { stream: true } : {}),
      };
    } catch {
      return { prompt: raw };
    }
  }
  if (type.includes('x-www-form-urlencoded'))
    return { prompt: new URLSearchParams(raw).get('prompt') ?? raw };
  return { prompt: fromQuery ?? raw };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function answerOpenAi(res: ServerResponse, parsed: Parsed, text: string): void {
  if (!parsed.stream) {
    sendJson(res, 200, {
      id: 'chatcmpl-echo',
      object: 'chat.completion',
      model: 'echo',
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    });
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const pieces = Array.from(text);
  const size = Math.max(1, Math.ceil(pieces.length / 3));
  for (let i = 0; i < pieces.length; i += size) {
    const delta = { choices: [{ index: 0, delta: { content: pieces.slice(i, i + size).join('') } }] };
    res.write(`data: ${JSON.stringify(delta)}\n\n`);
  }
  res.end('data: [DONE]\n\n');
}

/**
 * Starts a fast local agent that echoes the prompt as JSON (`{"output": ...}`); several turns come
 * back joined by newlines, and a prompt "sleep:<ms>" waits first. Also speaks the OpenAI chat format.
 */
export async function startEchoAgent(): Promise<EchoAgent> {
  let requests = 0;
  let resets = 0;
  const server = createServer(async (req, res) => {
    requests++;
    const raw = (await readRequestBody(req)).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'HEAD') return void res.writeHead(200).end();
    if (path === '/reset') {
      resets++;
      return sendJson(res, 200, { ok: true });
    }
    if (path.endsWith('/models')) return sendJson(res, 200, { object: 'list', data: [{ id: 'echo' }] });
    const parsed = parse(req, raw);
    const text = echoAnswer(parsed);
    const delay = echoDelayMs(parsed.prompt);
    if (delay > 0) {
      const timer = setTimeout(() => reply(), delay);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    reply();
    function reply() {
      if (path.endsWith('/chat/completions')) return answerOpenAi(res, parsed, text);
      sendJson(res, 200, {
        output: text,
        turns: parsed.messages?.length ?? 1,
        ...(parsed.sessionId ? { session_id: parsed.sessionId } : {}),
      });
    }
  });
  const fixture = await listenLocal(server);
  return {
    ...fixture,
    invokeUrl: `${fixture.url}/invoke`,
    get requests() {
      return requests;
    },
    get resets() {
      return resets;
    },
  };
}
