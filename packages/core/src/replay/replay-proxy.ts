import { type ChaosProxy, createChaosProxy } from '../chaos/chaos-proxy.js';
import type { ChaosRoutesInput } from '../chaos/routes.js';
import type { RunPlan } from '../run/plan.js';
import { routePrefixesOf } from './plan-sessions.js';
import type { ReplayUpstream } from './replay-upstream.js';

/**
 * Starts the chaos proxy where the agent expects it (the config's `chaos.port`), with every route
 * pointing at the record/replay upstream instead of the real one. No faults: it records exchanges only.
 */
export async function startReplayProxy(
  plan: RunPlan,
  upstream: ReplayUpstream,
  extraPrefixes: readonly string[] = [],
): Promise<ChaosProxy> {
  const prefixes = [...new Set([...routePrefixesOf(plan), ...extraPrefixes])];
  const routes: ChaosRoutesInput = upstream.routesFor(prefixes);
  const port = typeof plan.chaos?.port === 'number' ? plan.chaos.port : undefined;
  return createChaosProxy({
    routes,
    rules: [],
    seed: plan.settings.seed,
    ...(port === undefined ? {} : { port }),
  });
}
