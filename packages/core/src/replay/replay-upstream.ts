import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { request } from 'undici';
import type { ChaosRoute } from '../chaos/chaos-rule.js';
import { resolveRoute } from '../chaos/routes.js';
import { maskHeaderValue } from '../target/mask.js';
import { listenLocal } from '../testing/listen.js';
import {
  arrivalOffsets,
  checkReplaySpeed,
  exchangePieces,
  pieceOffsets,
  splitStream,
  streamFraming,
} from './replay-stream.js';
import type { RecordedExchange } from './session.js';

/** Response headers kept in a recording: what shapes how a client reads the body, nothing secret. */
const KEPT_HEADERS = ['content-type', 'retry-after'];

/**
 * The upstream behind the chaos proxy while recording or replaying: in record mode it forwards each
 * call to the real upstream of its route and keeps the response; in replay mode it answers from the
 * session's recorded responses, so the agent's LLM and tools can be down.
 */
export interface ReplayUpstream {
  readonly url: string;
  /** Proxy routes (prefix to this server) standing in for the given prefixes. */
  routesFor(prefixes: readonly string[]): Record<string, string>;
  /** Starts recording: calls are forwarded to `routes` (the real upstreams) and kept. */
  record(routes: readonly ChaosRoute[]): void;
  /**
   * Starts serving these recorded responses, each once, in order per route, method and path, with
   * their recorded latency divided by `speed` (default 1; 0 serves at once) and streamed bodies
   * (SSE, NDJSON) written event by event at their recorded times.
   */
  serve(exchanges: readonly RecordedExchange[], options?: ServeOptions): void;
  /** What was recorded since `record`. */
  readonly recorded: RecordedExchange[];
  /** Calls that had no recorded response since `serve` ("POST /llm/v1/chat/completions"). */
  readonly misses: string[];
  /** Recorded responses served since `serve`. */
  readonly served: number;
  close(): Promise<void>;
}

/** Options of ReplayUpstream.serve. */
export interface ServeOptions {
  /** Recorded latency is divided by this (1 = as recorded, 0 = no delay). */
  speed?: number;
}

/** Options of createReplayUpstream. */
export interface ReplayUpstreamOptions {
  /** Waits this long; injectable so tests can see the schedule (default: a timer). */
  sleep?: (ms: number) => Promise<void>;
  /** Clock in ms (default performance.now); injected with `sleep` so the schedule is exact in tests. */
  now?: () => number;
}

const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function routeOf(path: string, prefixes: readonly string[]): { prefix: string; rest: string } | undefined {
  const ordered = [...prefixes].sort((a, b) => b.length - a.length);
  for (const prefix of ordered) {
    if (path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`)) {
      return { prefix, rest: path.slice(prefix.length) || '/' };
    }
  }
  return undefined;
}

// Query parameters such as ?key= or ?access_token= carry credentials: a recording keeps their names only.
function maskQuery(pathAndQuery: string): string {
  const at = pathAndQuery.indexOf('?');
  if (at === -1) return pathAndQuery;
  const params = pathAndQuery.slice(at + 1).split('&');
  const masked = params.map((param) => {
    const eq = param.indexOf('=');
    if (eq === -1) return param;
    const name = param.slice(0, eq);
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // A malformed escape: the raw name is checked instead.
    }
    return maskHeaderValue(decoded, 'x') === 'x' ? param : `${name}=***`;
  });
  return `${pathAndQuery.slice(0, at)}?${masked.join('&')}`;
}

function isText(body: Buffer): boolean {
  return Buffer.from(body.toString('utf8'), 'utf8').equals(body);
}

/** Starts the record/replay upstream on 127.0.0.1 (idle until `record` or `serve`). */
export async function createReplayUpstream(options: ReplayUpstreamOptions = {}): Promise<ReplayUpstream> {
  const sleep = options.sleep ?? timer;
  const now = options.now ?? (() => performance.now());
  let mode: 'idle' | 'record' | 'serve' = 'idle';
  let realRoutes: readonly ChaosRoute[] = [];
  let queue: Array<RecordedExchange & { used: boolean }> = [];
  const recorded: RecordedExchange[] = [];
  const misses: string[] = [];
  let served = 0;
  let prefixes: string[] = [];
  let speed = 1;

  const answer = (res: ServerResponse, e: RecordedExchange) => {
    const body = e.encoding === 'base64' ? Buffer.from(e.body, 'base64') : Buffer.from(e.body, 'utf8');
    res.writeHead(e.status, { ...e.headers, 'content-length': body.length });
    res.end(body);
  };

  // Waits until `ms` (recorded time, scaled by speed) after `start`; false once the client has gone.
  const until = async (res: ServerResponse, start: number, ms: number): Promise<boolean> => {
    const wait = speed === 0 ? 0 : start + ms / speed - now();
    if (wait > 0) await sleep(wait);
    return !res.destroyed;
  };

  // Replays one recorded response: its latency, and a stream event by event as it was received.
  const replay = async (res: ServerResponse, e: RecordedExchange, start: number) => {
    const pieces = exchangePieces(e);
    if (pieces.length <= 1) {
      if (await until(res, start, e.latencyMs ?? 0)) answer(res, e);
      return;
    }
    const offsets = pieceOffsets(e, pieces.length);
    // Headers go out at once, as a streaming upstream's do; each event then lands at its own time.
    res.writeHead(e.status, e.headers);
    res.flushHeaders();
    for (const [index, piece] of pieces.entries()) {
      if (!(await until(res, start, offsets[index] ?? 0))) return;
      res.write(piece);
      // Yield between events so that even at speed 0 the client reads a stream, not one block.
      if (speed === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    res.end();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const arrived = now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const body = await readBody(req);
    const route = routeOf(url, prefixes);
    if (mode === 'serve') {
      const matches = (e: RecordedExchange, exact: boolean) =>
        e.route === route?.prefix &&
        (e.method === '*' || e.method === method) &&
        (!exact || e.path === '*' || e.path === route.rest || e.path === maskQuery(route.rest));
      // Same route, method and path in recorded order; else the next unused answer of that route.
      const next =
        queue.find((e) => !e.used && matches(e, true)) ?? queue.find((e) => !e.used && matches(e, false));
      if (next) {
        next.used = true;
        served++;
        return replay(res, next, arrived);
      }
      misses.push(`${method} ${url.split('?')[0]}`);
      const message = `flakestorm replay: no recorded response for ${method} ${url.split('?')[0]}`;
      res.writeHead(502, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: message }));
    }
    const resolved = resolveRoute(realRoutes, url);
    if (mode !== 'record' || !resolved || !route) {
      res.writeHead(502, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: `flakestorm replay: not recording ${url.split('?')[0]}` }));
    }
    const started = performance.now();
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (
        value !== undefined &&
        !['host', 'connection', 'content-length', 'accept-encoding'].includes(name)
      ) {
        headers[name] = value;
      }
    }
    const upstream = await request(resolved.upstreamUrl, {
      method: method as 'GET',
      headers: { ...headers, 'accept-encoding': 'identity' },
      body: body.length > 0 ? body : null,
    });
    const kept: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = upstream.headers[name];
      if (typeof value === 'string') kept[name] = value;
    }
    const framing = streamFraming(kept);
    // A streamed answer passes through chunk by chunk (the agent sees its stream while recording),
    // and the time each chunk arrived is kept so that replay can pace the events the same way.
    if (framing !== 'none') {
      res.writeHead(upstream.statusCode, kept);
      res.flushHeaders();
    }
    const chunks: Buffer[] = [];
    const arrivals: Array<{ end: number; ms: number }> = [];
    let size = 0;
    for await (const chunk of upstream.body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      arrivals.push({ end: size, ms: performance.now() - started });
      if (framing !== 'none') res.write(chunk);
    }
    const data = Buffer.concat(chunks);
    const text = isText(data);
    const pieces = text && framing !== 'none' ? splitStream(data.toString('utf8'), framing) : [];
    const exchange: RecordedExchange = {
      route: route.prefix,
      method,
      path: maskQuery(route.rest),
      status: upstream.statusCode,
      headers: kept,
      body: text ? data.toString('utf8') : data.toString('base64'),
      ...(text ? {} : { encoding: 'base64' as const }),
      latencyMs: Math.round(performance.now() - started),
      ...(pieces.length > 1 ? { streamMs: arrivalOffsets(pieces, arrivals) } : {}),
    };
    recorded.push(exchange);
    if (framing === 'none') answer(res, exchange);
    else res.end();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: `flakestorm replay: upstream failed (${error instanceof Error ? error.message : String(error)})`,
        }),
      );
    });
  });
  const fixture = await listenLocal(server);
  return {
    url: fixture.url,
    routesFor(list) {
      prefixes = [...new Set([...prefixes, ...list])];
      return Object.fromEntries(list.map((prefix) => [prefix, `${fixture.url}${prefix}`]));
    },
    record(routes) {
      mode = 'record';
      realRoutes = routes;
      prefixes = [...new Set([...prefixes, ...routes.map((r) => r.prefix)])];
      recorded.length = 0;
    },
    serve(exchanges, serveOptions = {}) {
      speed = checkReplaySpeed(serveOptions.speed ?? 1);
      mode = 'serve';
      queue = exchanges.map((e) => ({ ...e, used: false }));
      prefixes = [...new Set([...prefixes, ...exchanges.map((e) => e.route)])];
      misses.length = 0;
      served = 0;
    },
    recorded,
    get misses() {
      return misses;
    },
    get served() {
      return served;
    },
    close: fixture.close,
  };
}
