import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { forwardableHeaders, respondWithFault, rewritesBody } from './respond.js';
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
  const upstreams = new Map(
    routes.map((route) => {
      const base = new URL(route.upstream);
      const pool = new Pool(base.origin, { keepAliveTimeout: 10_000, connections: 128 });
      return [route, { pool, basePath: base.pathname.replace(/\/$/, ''), masked: maskUrl(route.upstream) }];
    }),
  );

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const rawUrl = req.url ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const caseHeader = req.headers[CASE_HEADER];
    const owner = attribution.assign(Array.isArray(caseHeader) ? caseHeader[0] : caseHeader);
    const resolved = resolveRoute(routes, rawUrl);
    const exchange: Exchange = {
      route: resolved?.route.name ?? '',
      method,
      url: !resolved
        ? maskUrl(rawUrl)
        : resolved.rest.includes('?') || resolved.route.upstream.includes('@')
          ? maskUrl(resolved.upstreamUrl)
          : `${upstreams.get(resolved.route)?.masked ?? ''}${resolved.rest}`,
      status: 0,
      latencyMs: 0,
      fault: null,
    };
    owner.list?.push(exchange);
    // Recorded when the response is done or the connection goes away (hangs, resets, cut streams).
    res.once('close', () => {
      exchange.status = res.headersSent ? res.statusCode : 0;
      exchange.latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
      const kept: ProxyExchange = { ...exchange, caseKey: owner.key };
      exchanges.push(kept);
      // Trimmed in batches so that a full list does not cost a copy per request.
      if (exchanges.length > keep + Math.min(keep, 1000)) exchanges.splice(0, exchanges.length - keep);
      options.onExchange?.(kept);
    });
    if (!resolved) {
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
    const choice = matcher.select({ route, method, url: rawUrl });
    // An LLM fault on a tool route (or a tool fault on an LLM route) still applies: it is the rule's call.
    const fault: ChaosFault | undefined = choice?.fault;
    if (fault) exchange.fault = faultName(fault);
    const format = llmFormatOf(upstreamUrl);

    const bodyFor = (status: number, message?: string) => statusBody(route, format, status, message);
    if (fault && (await answerEarly(fault, req, res, bodyFor))) return;

    // The request body is streamed on untouched (faults rewrite answers, never requests).
    const hasBody = !(method === 'GET' || method === 'HEAD') || req.headers['content-length'] !== undefined;
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !REQUEST_HOP_BY_HOP.has(name)) headers[name] = value;
    }
    const rewrite = rewritesBody(fault);
    // A rewritten body must be plain text, so ask the upstream not to compress it.
    if (rewrite) headers['accept-encoding'] = 'identity';
    if (hasBody && req.headers['content-length'] !== undefined)
      headers['content-length'] = req.headers['content-length'];
    // Hooks see the whole request body; without hooks small bodies are read whole, large ones streamed.
    const hooked = options.serve !== undefined || options.onRecord !== undefined;
    if (hooked) headers['accept-encoding'] = 'identity';
    const body = !hasBody ? null : hooked ? await readAll(req) : await requestBody(req);
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
    const target = upstreams.get(route);
    if (!target) throw new Error(`no pool for route ${route.name}`);
    let upstream: Awaited<ReturnType<Pool['request']>>;
    try {
      upstream = await target.pool.request({
        path: `/${target.basePath}${rest}`.replace(/^\/+/, '/'),
        method: method as 'GET',
        headers,
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
    res.writeHead(upstream.statusCode, forwardableHeaders(upstream.headers, false));
    res.once('close', () => upstream.body.destroy());
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
