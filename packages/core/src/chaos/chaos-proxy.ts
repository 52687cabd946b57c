import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { Pool } from 'undici';
import { FlakestormError } from '../errors.js';
import { createRandom } from '../random.js';
import type { Exchange } from '../run/exchange.js';
import { maskUrl } from '../target/mask.js';
import { CASE_HEADER, createCaseAttribution } from './case-attribution.js';
import { type ChaosFault, type ChaosRoute, type ChaosRule, faultName, isLlmFault } from './chaos-rule.js';
import { answerEarly, readAll, requestBody, sendJson } from './early-faults.js';
import { statusBody } from './http-faults.js';
import { llmFormatOf } from './llm-wire.js';
import { forwardableHeaderList, forwardableHeaders, respondWithFault, rewritesBody } from './respond.js';
import { type ChaosRoutesInput, resolveRoute, toChaosRoutes } from './routes.js';
import { createRuleMatcher, type RuleMatcher } from './rule-matcher.js';
import { flatHeaders, type UpstreamAnswer, type UpstreamCall } from './upstream-call.js';

/** One exchange as the proxy keeps it: the recorded fields plus the case it was attributed to. */
export interface ProxyExchange extends Exchange {
  /** The case key (runner session id) or the agent's `x-flakestorm-case` value; null when unknown. */
  caseKey: string | null;
}

/** Options of createChaosProxy. */
export interface ChaosProxyOptions {
  /** Path prefix to upstream base URL, e.g. {"/llm": "http://127.0.0.1:11434", "/tools/orders": "..."}. */
  routes: ChaosRoutesInput | ChaosRoute[];
  rules?: ChaosRule[];
  /** Seeds probability draws and generated fault content (default 0). */
  seed?: number;
  /** Port to listen on (default 0: a free one). */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Called when an exchange finishes. */
  onExchange?: (exchange: ProxyExchange) => void;
  /** Most exchanges kept in `exchanges` (default 10,000; the oldest go first). */
  keepExchanges?: number;
  /**
   * Answers a call without its upstream (replay): return an answer to serve it (faults still apply to
   * it), or undefined to forward the call as usual.
   */
  serve?: (call: UpstreamCall) => UpstreamAnswer | undefined | Promise<UpstreamAnswer | undefined>;
  /** Receives each forwarded call with the upstream's real answer, before any fault (recording sessions). */
  onRecord?: (call: UpstreamCall, answer: UpstreamAnswer, exchange: Exchange) => void;
}

/** A running fault-injecting proxy. */
export interface ChaosProxy {
  /** Base URL, e.g. http://127.0.0.1:41234 (the agent's upstream URLs become `${url}/llm`, ...). */
  readonly url: string;
  readonly port: number;
  readonly routes: readonly ChaosRoute[];
  /** Recent exchanges, oldest first. */
  readonly exchanges: ProxyExchange[];
  /** Replaces the rules (and resets their call counts), e.g. between contract cells. */
  setRules(rules: ChaosRule[]): void;
  /** Opens a case: calls that belong to it are collected until `endCase`. */
  beginCase(key: string): void;
  /** Closes a case and returns its exchanges. */
  endCase(key: string): Exchange[];
  close(): Promise<void>;
}

const REQUEST_HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'host',
  'content-length',
  'transfer-encoding',
  'te',
  'upgrade',
  'expect',
  'proxy-connection',
  CASE_HEADER,
]);

/** One route's upstream: its keep-alive pool, base path, and masked base URL (undefined when it has credentials). */
interface Upstream {
  pool: Pool;
  basePath: string;
  masked: string | undefined;
}

/** The upstream request path: the base path, then the rest of the agent's path, with one leading slash. */
function upstreamPath(basePath: string, rest: string): string {
  const joined = basePath + rest;
  // The common case ("/v1/chat/completions") needs no regex.
  if (joined.charCodeAt(0) === 47 && joined.charCodeAt(1) !== 47) return joined;
  return `/${joined}`.replace(/^\/+/, '/');
}

/**
 * Starts the chaos proxy: an HTTP server that forwards each request to the upstream of its route and,
 * when a rule fires, injects that rule's fault on the way (tool faults on any route, LLM faults with
 * knowledge of the OpenAI and Ollama wire formats, streams included). Every exchange is recorded.
 */
export async function createChaosProxy(options: ChaosProxyOptions): Promise<ChaosProxy> {
  const routes = Array.isArray(options.routes) ? [...options.routes] : toChaosRoutes(options.routes);
  const seed = options.seed ?? 0;
  let matcher: RuleMatcher = createRuleMatcher(options.rules ?? [], seed);
  const random = createRandom(seed).fork('chaos-faults');
  const attribution = createCaseAttribution();
  const exchanges: ProxyExchange[] = [];
  const keep = options.keepExchanges ?? 10_000;
  // One keep-alive pool per route, with its base path and masked address worked out once (the hot path).
  const upstreams = new Map<ChaosRoute, Upstream>(
    routes.map((route) => {
      const base = new URL(route.upstream);
      const pool = new Pool(base.origin, { keepAliveTimeout: 10_000, connections: 128, pipelining: 1 });
      const basePath = base.pathname.replace(/\/$/, '');
      // Credentials in the upstream URL force a full mask per call; otherwise the masked base is reused.
      const masked = route.upstream.includes('@') ? undefined : maskUrl(route.upstream);
      return [route, { pool, basePath, masked }];
    }),
  );
  const hooked = options.serve !== undefined || options.onRecord !== undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const rawUrl = req.url ?? '/';
    const method = req.method === undefined ? 'GET' : req.method.toUpperCase();
    const resolved = resolveRoute(routes, rawUrl);
    const target = resolved ? upstreams.get(resolved.route) : undefined;
    const choice = resolved ? matcher.select({ route: resolved.route, method, url: rawUrl }) : undefined;
    // An LLM fault on a tool route (or a tool fault on an LLM route) still applies: it is the rule's call.
    const fault: ChaosFault | undefined = choice?.fault;
    const rewrite = rewritesBody(fault);
    // A rewritten body (and what the hooks record) must be plain text, so ask the upstream not to compress.
    const identity = rewrite || hooked;
    // One pass over the raw header list: the case header, the body length and the headers to forward,
    // without materialising `req.headers` or a per-request header object.
    const raw = req.rawHeaders;
    const forward: string[] = [];
    let caseHeader: string | undefined;
    let contentLength: string | undefined;
    for (let i = 0; i < raw.length; i += 2) {
      const name = (raw[i] as string).toLowerCase();
      const value = raw[i + 1] as string;
      if (name === CASE_HEADER) caseHeader ??= value;
      else if (name === 'content-length') contentLength ??= value;
      else if (!REQUEST_HOP_BY_HOP.has(name) && !(identity && name === 'accept-encoding'))
        forward.push(name, value);
    }
    if (identity) forward.push('accept-encoding', 'identity');
    const owner = attribution.assign(caseHeader);
    const exchange: Exchange = {
      route: resolved?.route.name ?? '',
      method,
      url: !resolved
        ? maskUrl(rawUrl)
        : target?.masked === undefined || resolved.rest.includes('?')
          ? maskUrl(resolved.upstreamUrl)
          : `${target.masked}${resolved.rest}`,
      status: 0,
      latencyMs: 0,
      fault: fault ? faultName(fault) : null,
    };
    owner.list?.push(exchange);
    let upstreamBody: Readable | undefined;
    // Recorded when the response is done or the connection goes away (hangs, resets, cut streams).
    res.once('close', () => {
      upstreamBody?.destroy();
      exchange.status = res.headersSent ? res.statusCode : 0;
      exchange.latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
      // The case list holds the plain exchange (what reports show); the proxy's own list adds the case key.
      const kept: ProxyExchange = {
        route: exchange.route,
        method: exchange.method,
        url: exchange.url,
        status: exchange.status,
        latencyMs: exchange.latencyMs,
        fault: exchange.fault,
        caseKey: owner.key,
      };
      exchanges.push(kept);
      // Trimmed in batches so that a full list does not cost a copy per request.
      if (exchanges.length > keep + Math.min(keep, 1000)) exchanges.splice(0, exchanges.length - keep);
      options.onExchange?.(kept);
    });
    if (!resolved || !target) {
      const known = routes.map((r) => r.prefix).join(', ') || '(none)';
      return sendJson(
        res,
        502,
        JSON.stringify({
          error: `flakestorm chaos proxy: no route for ${rawUrl.split('?')[0]}; routes: ${known}`,
        }),
      );
    }
    const { route, upstreamUrl, rest } = resolved;
    // The wire format only matters to faults, so the no-fault path does not work it out.
    const format = fault ? llmFormatOf(upstreamUrl) : 'openai';
    if (fault) {
      const bodyFor = (status: number, message?: string) => statusBody(route, format, status, message);
      if (await answerEarly(fault, req, res, bodyFor)) return;
    }

    // The request body goes on untouched (faults rewrite answers, never requests).
    const hasBody = !(method === 'GET' || method === 'HEAD') || contentLength !== undefined;
    if (hasBody && contentLength !== undefined) forward.push('content-length', contentLength);
    // Hooks see the whole request body; without hooks small bodies are read whole, large ones streamed.
    const body = !hasBody ? null : hooked ? await readAll(req) : await requestBody(req, contentLength);
    const call: UpstreamCall | undefined = hooked
      ? {
          route: route.name,
          method,
          path: rest,
          body: Buffer.isBuffer(body) ? body.toString('utf8') : '',
          caseKey: owner.key,
        }
      : undefined;
    const served = call && options.serve ? await options.serve(call) : undefined;
    if (served) {
      if (res.destroyed) return;
      const answer = { status: served.status, headers: served.headers, body: Buffer.from(served.body) };
      if (rewrite && fault) return respondWithFault(res, answer, fault, format, random);
      res.writeHead(served.status, {
        ...forwardableHeaders(served.headers, true),
        'content-length': answer.body.length,
      });
      res.end(answer.body);
      return;
    }
    let upstream: Awaited<ReturnType<Pool['request']>>;
    try {
      upstream = await target.pool.request({
        path: upstreamPath(target.basePath, rest),
        method: method as 'GET',
        headers: forward,
        body,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return sendJson(
        res,
        502,
        JSON.stringify({
          error: `flakestorm chaos proxy: upstream ${maskUrl(route.upstream)} unreachable (${reason})`,
        }),
      );
    }
    if ((rewrite && fault) || (call && options.onRecord)) {
      const buffer = Buffer.from(await upstream.body.arrayBuffer());
      if (call && options.onRecord) {
        const answer = {
          status: upstream.statusCode,
          headers: flatHeaders(upstream.headers),
          body: buffer.toString('utf8'),
        };
        options.onRecord(call, answer, exchange);
      }
      if (res.destroyed) return;
      if (!(rewrite && fault)) {
        res.writeHead(upstream.statusCode, {
          ...forwardableHeaders(upstream.headers, true),
          'content-length': buffer.length,
        });
        res.end(buffer);
        return;
      }
      return respondWithFault(
        res,
        { status: upstream.statusCode, headers: upstream.headers, body: buffer },
        fault,
        format,
        random,
      );
    }
    if (res.destroyed) {
      upstream.body.destroy();
      return;
    }
    res.writeHead(upstream.statusCode, forwardableHeaderList(upstream.headers));
    upstreamBody = upstream.body;
    upstream.body.pipe(res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        sendJson(
          res,
          502,
          JSON.stringify({
            error: `flakestorm chaos proxy failed: ${error instanceof Error ? error.message : String(error)}`,
          }),
        );
      } else res.destroy();
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        new FlakestormError(
          'FLAKESTORM_PROXY_FAILED',
          `The chaos proxy could not listen on port ${options.port ?? 0}: ${error.message}`,
          {
            cause: error,
            hint: 'Pick another port with --port, or stop what is using it.',
            details: { port: options.port ?? 0 },
          },
        ),
      ),
    );
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    routes,
    exchanges,
    setRules(rules) {
      matcher = createRuleMatcher(rules, seed);
    },
    beginCase: (key) => attribution.begin(key),
    endCase: (key) => attribution.end(key),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.all([...upstreams.values()].map(({ pool }) => pool.close()));
    },
  };
}

/** Whether any rule faults LLM routes / tool routes: the `when` flags of observations under this chaos. */
export function chaosFlags(rules: readonly ChaosRule[]): { toolFaults: boolean; llmFaults: boolean } {
  let toolFaults = false;
  let llmFaults = false;
  for (const rule of rules) {
    const kind = rule.match?.kind ?? (rule.match?.tool !== undefined ? 'tool' : undefined);
    if (kind === 'llm' || (kind === undefined && isLlmFault(rule.fault))) llmFaults = true;
    else if (kind === 'tool') toolFaults = true;
    else {
      toolFaults = true;
      llmFaults = true;
    }
  }
  return { toolFaults, llmFaults };
}
