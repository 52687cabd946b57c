import { createServer, type ServerResponse } from 'node:http';
import { type FixtureServer, listenLocal } from './listen.js';

/** What a misbehaving agent does to every request. */
export type Misbehaviour =
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  | { kind: 'html' }
  | { kind: 'garbage' }
  | { kind: 'invalid-utf8' }
  | { kind: 'huge'; bytes?: number }
  | { kind: 'never-answers' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'reset' }
  | { kind: 'sse' }
  | { kind: 'ndjson' }
  | { kind: 'sse-cut' };

/** Shorthands: "500", "429" (Retry-After: 2), and the kinds that need no options. */
export type MisbehaviourName = '500' | '429' | Exclude<Misbehaviour['kind'], 'status' | 'slow'> | 'slow';

/** A running misbehaving server. */
export interface MisbehavingServer extends FixtureServer {
  readonly requests: number;
}

function normalise(behaviour: Misbehaviour | MisbehaviourName): Misbehaviour {
  if (typeof behaviour !== 'string') return behaviour;
  if (behaviour === '500') return { kind: 'status', status: 500 };
  if (behaviour === '429') return { kind: 'status', status: 429, retryAfter: '2' };
  if (behaviour === 'slow') return { kind: 'slow', delayMs: 500 };
  return { kind: behaviour };
}

/** Writes `total` bytes in 64 KB chunks, honouring backpressure, and stops when the client goes away. */
function streamBytes(res: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += piece.length;
      if (!res.write(piece)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/**
 * Starts a local server that misbehaves in one way: error statuses, HTML, garbage or invalid UTF-8,
 * a 50 MB body, no answer at all, a slow answer, a reset connection, SSE / NDJSON streams, or an SSE
 * stream cut mid-way.
 */
export async function startMisbehavingServer(
  behaviour: Misbehaviour | MisbehaviourName,
): Promise<MisbehavingServer> {
  const b = normalise(behaviour);
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    req.resume();
    req.on('end', () => {
      switch (b.kind) {
        case 'status':
          res.writeHead(b.status, {
            'content-type': 'application/json',
            ...(b.retryAfter === undefined ? {} : { 'retry-after': b.retryAfter }),
          });
          return void res.end(b.body ?? JSON.stringify({ error: `status ${b.status}` }));
        case 'html':
          res.writeHead(200, { 'content-type': 'text/html' });
          return void res.end('<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>');
        case 'garbage':
          res.writeHead(200, { 'content-type': 'application/json' });
          return void res.end(Buffer.from([0x7b, 0x22, 0x6f, 0x00, 0x01, 0x7d, 0x7d, 0x5b, 0x3a]));
        case 'invalid-utf8':
          res.writeHead(200, { 'content-type': 'application/json' });
          return void res.end(
            Buffer.concat([
              Buffer.from('{"output":"caf'),
              Buffer.from([0xc3, 0x28, 0xff]),
              Buffer.from('"}'),
            ]),
          );
        case 'huge':
          res.writeHead(200, { 'content-type': 'text/plain' });
          return streamBytes(res, b.bytes ?? 50 * 1024 * 1024);
        case 'never-answers':
          return;
        case 'slow': {
          const timer = setTimeout(() => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ output: 'slow answer' }));
          }, b.delayMs);
          res.on('close', () => clearTimeout(timer));
          return;
        }
        case 'reset':
          return void req.socket.resetAndDestroy();
        case 'sse':
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write('data: {"choices":[{"delta":{"content":"Hel"}}]}\n\n');
          res.write(': keep-alive comment\n\ndata: {"choices":[{"delta":{"content":"lo"}}]}\n\n');
          return void res.end('data: [DONE]\n\n');
        case 'ndjson':
          res.writeHead(200, { 'content-type': 'application/x-ndjson' });
          res.write('{"output":"Hel"}\n');
          return void res.end('{"output":"lo"}\n');
        case 'sse-cut':
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write('data: {"choices":[{"delta":{"content":"Hel"}}]}\n\n');
          return void setTimeout(() => req.socket.destroy(), 20);
      }
    });
  });
  const fixture = await listenLocal(server);
  return {
    ...fixture,
    get requests() {
      return requests;
    },
  };
}
