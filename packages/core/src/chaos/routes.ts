import { FlakestormError } from '../errors.js';
import type { ChaosRoute } from './chaos-rule.js';

/** Routes as written: a path prefix on the proxy ("/llm", "/tools/orders/*") to a real upstream base URL. */
export type ChaosRoutesInput = Record<string, string>;

function routeError(prefix: string, message: string): FlakestormError {
  return new FlakestormError('FLAKESTORM_CONFIG_INVALID', `Chaos route "${prefix}": ${message}`, {
    hint: 'Map a path prefix such as "/llm" or "/tools/orders" to an http(s) base URL, e.g. http://127.0.0.1:11434.',
    details: { route: prefix },
  });
}

/**
 * Normalises routes: "/llm" (and "/llm/..." prefixes) are LLM routes, "/tools/<name>" tool routes named
 * <name>, any other prefix a tool route named by its last segment. Upstreams must be absolute http(s) URLs.
 */
export function toChaosRoutes(input: ChaosRoutesInput): ChaosRoute[] {
  const routes: ChaosRoute[] = [];
  for (const [raw, upstream] of Object.entries(input)) {
    const prefix = `/${raw.replace(/\/\*$/, '').replace(/^\/+|\/+$/g, '')}`;
    if (prefix === '/') throw routeError(raw, 'the prefix must name a path such as /llm or /tools/orders.');
    let url: URL;
    try {
      url = new URL(upstream);
    } catch {
      throw routeError(raw, `upstream "${upstream}" is not an absolute URL.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw routeError(raw, `upstream "${upstream}" must use http or https.`);
    }
    const segments = prefix.slice(1).split('/');
    const name = prefix.slice(1);
    if (segments[0] === 'llm') {
      routes.push({ prefix, upstream: url.href.replace(/\/$/, ''), kind: 'llm', name });
    } else {
      const tool =
        segments[0] === 'tools' && segments[1] ? segments[1] : (segments[segments.length - 1] ?? name);
      routes.push({ prefix, upstream: url.href.replace(/\/$/, ''), kind: 'tool', tool, name });
    }
  }
  // Longest prefix first, so "/tools/orders" wins over "/tools".
  return routes.sort((a, b) => b.prefix.length - a.prefix.length);
}

/** The route a request path belongs to, and the upstream URL it is forwarded to. */
export function resolveRoute(
  routes: readonly ChaosRoute[],
  pathAndQuery: string,
): { route: ChaosRoute; upstreamUrl: string; rest: string } | undefined {
  const queryAt = pathAndQuery.indexOf('?');
  const path = queryAt === -1 ? pathAndQuery : pathAndQuery.slice(0, queryAt);
  const query = queryAt === -1 ? '' : pathAndQuery.slice(queryAt);
  for (const route of routes) {
    if (path === route.prefix || path.startsWith(`${route.prefix}/`)) {
      const rest = `${path.slice(route.prefix.length)}${query}`;
      return { route, upstreamUrl: `${route.upstream}${rest}`, rest };
    }
  }
  return undefined;
}
