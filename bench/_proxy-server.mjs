// Helper of bench/proxy.mjs: the chaos proxy in its own process, with rules that never fire.
import { createChaosProxy } from '@flakestorm/core';

const upstream = process.argv[2];
const proxy = await createChaosProxy({
  routes: { '/llm': upstream, '/tools/orders': upstream },
  seed: 1,
  // Rules that match nothing this benchmark sends: their matching cost is part of the overhead measured.
  rules: [
    { match: { tool: 'payments' }, fault: { kind: 'status', status: 503 } },
    { match: { kind: 'llm', url: '/llm/api/*' }, fault: { kind: 'stream-cut' } },
    { match: { kind: 'llm' }, fault: { kind: 'empty-completion' }, probability: 0 },
    { match: { tool: 'orders', method: 'DELETE' }, fault: { kind: 'reset' } },
  ],
  keepExchanges: 1000,
});
console.log(proxy.url);
