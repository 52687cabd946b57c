import { describe, expect, it } from 'vitest';
import { isFlakestormError } from '../errors.js';
import { chaosFlags } from './chaos-proxy.js';
import { resolveRoute, toChaosRoutes } from './routes.js';
import { createRuleMatcher } from './rule-matcher.js';

describe('toChaosRoutes and resolveRoute', () => {
  const routes = toChaosRoutes({
    '/llm/*': 'http://127.0.0.1:11434/',
    '/tools': 'http://127.0.0.1:9000',
    '/tools/orders': 'http://127.0.0.1:9001/v2/orders',
  });

  it('names routes, picks the longest prefix, keeps the query', () => {
    expect(routes.map((r) => [r.name, r.kind, r.tool])).toEqual([
      ['tools/orders', 'tool', 'orders'],
      ['tools', 'tool', 'tools'],
      ['llm', 'llm', undefined],
    ]);
    expect(resolveRoute(routes, '/tools/orders/7?x=1')?.upstreamUrl).toBe(
      'http://127.0.0.1:9001/v2/orders/7?x=1',
    );
    expect(resolveRoute(routes, '/tools/other/1')?.route.name).toBe('tools');
    expect(resolveRoute(routes, '/llm/api/chat')?.upstreamUrl).toBe('http://127.0.0.1:11434/api/chat');
    expect(resolveRoute(routes, '/llmx')).toBeUndefined();
  });

  it('rejects upstreams that are not http(s) URLs, with a config error', () => {
    for (const bad of ['nowhere', 'ftp://x.example']) {
      try {
        toChaosRoutes({ '/llm': bad });
        expect.unreachable();
      } catch (error) {
        expect(isFlakestormError(error, 'FLAKESTORM_CONFIG_INVALID')).toBe(true);
      }
    }
    expect(() => toChaosRoutes({ '/': 'http://127.0.0.1:1' })).toThrow(/prefix/);
  });
});

describe('createRuleMatcher', () => {
  const [orders, llm] = toChaosRoutes({
    '/tools/orders': 'http://127.0.0.1:1',
    '/llm': 'http://127.0.0.1:2',
  });
  if (!orders || !llm) throw new Error('routes');

  it('matches by route glob, URL glob, method and tool; tool "*" never matches the LLM', () => {
    const matcher = createRuleMatcher(
      [
        { id: 'a', match: { route: 'tools/*', method: 'post' }, fault: { kind: 'reset' } },
        { id: 'b', match: { url: '/llm/*/chat' }, fault: { kind: 'garbage' } },
        { id: 'c', match: { tool: '*' }, fault: { kind: 'malformed' } },
      ],
      1,
    );
    expect(matcher.select({ route: orders, method: 'POST', url: '/tools/orders/1' })?.rule.id).toBe('a');
    expect(matcher.select({ route: orders, method: 'GET', url: '/tools/orders/1' })?.rule.id).toBe('c');
    expect(matcher.select({ route: llm, method: 'POST', url: '/llm/api/chat' })?.rule.id).toBe('b');
    expect(matcher.select({ route: llm, method: 'POST', url: '/llm/v1/chat/completions' })).toBeUndefined();
  });

  it('counts after_calls per rule and stops after for_calls', () => {
    const matcher = createRuleMatcher([{ fault: { kind: 'reset' }, afterCalls: 1, forCalls: 2 }], 1);
    const fired = Array.from(
      { length: 5 },
      () => matcher.select({ route: orders, method: 'GET', url: '/x' }) !== undefined,
    );
    expect(fired).toEqual([false, true, true, false, false]);
  });

  it('says which chaos is active for `when`', () => {
    expect(chaosFlags([{ match: { tool: '*' }, fault: { kind: 'reset' } }])).toEqual({
      toolFaults: true,
      llmFaults: false,
    });
    expect(chaosFlags([{ match: { kind: 'llm' }, fault: { kind: 'reset' } }])).toEqual({
      toolFaults: false,
      llmFaults: true,
    });
    expect(chaosFlags([{ fault: { kind: 'garbage' } }])).toEqual({ toolFaults: false, llmFaults: true });
    expect(chaosFlags([])).toEqual({ toolFaults: false, llmFaults: false });
  });
});
