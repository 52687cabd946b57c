import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChaosFault } from './chaos-rule.js';

/** Sends a small JSON answer. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...extra,
  });
  res.end(body);
}

/** Waits, unless the client goes away first; true when the call should go on. */
function sleep(ms: number, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(!res.destroyed);
    }, ms);
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    res.once('close', onClose);
  });
}

/**
 * Applies the faults that act before the upstream is called (hang, reset, error status, rate limit,
 * delays). Returns true when the call is over (answered, dropped, or abandoned by the client).
 */
export async function answerEarly(
  fault: ChaosFault,
  req: IncomingMessage,
  res: ServerResponse,
  bodyFor: (status: number, message?: string) => string,
): Promise<boolean> {
  switch (fault.kind) {
    case 'hang':
      return true; // Never answer: the agent's client must give up.
    case 'reset':
      req.socket.resetAndDestroy();
      return true;
    case 'status': {
      const retry = fault.retryAfterS ?? (fault.status === 429 || fault.status === 503 ? 1 : undefined);
      const extra: Record<string, string> = retry === undefined ? {} : { 'retry-after': String(retry) };
      sendJson(res, fault.status, bodyFor(fault.status, fault.message), extra);
      return true;
    }
    case 'rate-limit':
      sendJson(res, 429, bodyFor(429), { 'retry-after': String(fault.retryAfterS ?? 1) });
      return true;
    case 'latency':
    case 'slow-first-token':
      return !(await sleep(fault.delayMs, res));
    default:
      return false;
  }
}

const SMALL_BODY = 64 * 1024;

/**
 * Collects a request body with plain listeners (no async iterator: fewer promises and ticks per call).
 * Rejects when the client goes away before the body ends, so the handler does not wait forever.
 */
function collect(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let ended = false;
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      ended = true;
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    req.once('error', reject);
    req.once('close', () => {
      if (!ended) reject(new Error('the client closed the request before its body ended'));
    });
  });
}

/** Reads a whole request body. */
export function readAll(req: IncomingMessage): Promise<Buffer> {
  return collect(req);
}

/** Small bodies are read whole (one write upstream, fewer ticks); large ones stream through. */
export function requestBody(req: IncomingMessage, contentLength?: string): Promise<IncomingMessage | Buffer> {
  const length = Number(contentLength ?? req.headers['content-length'] ?? Number.NaN);
  if (!(length <= SMALL_BODY)) return Promise.resolve(req);
  return collect(req);
}
