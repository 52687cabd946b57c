import { withContextAttacks } from '../context-attacks/attack-target.js';
import type { ContextAttackSpec, PromptContextAttackType } from '../context-attacks/context-attack.js';
import { FlakestormError } from '../errors.js';
import type { JsonObject } from '../json.js';
import type { CheckRunner } from '../run/check-runner.js';
import type { Exchange } from '../run/exchange.js';
import type { Observation } from '../run/observation.js';
import type { Target } from '../target/target.js';
import { type ChaosProxy, chaosFlags, createChaosProxy, type ProxyExchange } from './chaos-proxy.js';
import type { ChaosRule } from './chaos-rule.js';
import { chaosRulesFromConfig, contextAttacksOf } from './from-config.js';
import { withProfile } from './profiles.js';
import type { ChaosRoutesInput } from './routes.js';

/** Options of startChaosRun. */
export interface ChaosRunOptions {
  /** The config's validated `chaos:` block (RunPlan.chaos). */
  chaos?: JsonObject;
  /** A built-in profile merged under the block (`--chaos-profile`). */
  profile?: string;
  /** Routes added to (and overriding) the block's `routes`, e.g. the demo's local upstreams. */
  routes?: ChaosRoutesInput;
  seed: number;
  /** Proxy port (default: the block's `port`, else a free one). */
  port?: number;
  onExchange?: (exchange: ProxyExchange) => void;
}

/** A chaos phase in progress: the proxy, and the wrappers that tie its traffic to the run's cases. */
export interface ChaosRun {
  proxy: ChaosProxy;
  rules: ChaosRule[];
  attacks: ContextAttackSpec[];
  /** What observations under this chaos say (for invariants' `when`). */
  flags: Observation['chaos'];
  /** The target with context attacks applied and each call opened as a case on the proxy. */
  wrapTarget(target: Target): Target;
  /** The check runner with each observation's `exchanges` filled in before invariants run. */
  wrapChecks(checks: CheckRunner): CheckRunner;
  /** Upstream calls so far, and how many of them each fault hit. */
  tally(): { calls: number; faults: Record<string, number> };
  close(): Promise<void>;
}

const MAX_PENDING = 10_000;

const promptAttacks = new Set<string>([
  'overflow',
  'conflicting_context',
  'injection_via_context',
  'memory_poisoning',
]);

function toAttackSpecs(chaos: JsonObject): ContextAttackSpec[] {
  return contextAttacksOf(chaos)
    .filter((a) => promptAttacks.has(a.type))
    .map((a) => ({
      type: a.type as PromptContextAttackType,
      ...(a.inject_tokens === undefined ? {} : { injectTokens: a.inject_tokens }),
      ...(a.payloads === undefined ? {} : { payloads: a.payloads }),
      ...(a.payload === undefined ? {} : { payload: a.payload }),
      ...(a.strategy === undefined ? {} : { strategy: a.strategy }),
      ...(a.inject_at === undefined ? {} : { injectAt: a.inject_at }),
      ...(a.trigger_probability === undefined ? {} : { triggerProbability: a.trigger_probability }),
    }));
}

/**
 * Starts the chaos phase of a run: merges the profile, turns the block into proxy rules and context
 * attacks, and starts the proxy. Exchanges reach each case's result by the runner's session id: the
 * wrapped target opens `<caseId>-<trial>` on the proxy for the length of each call, the agent may
 * forward it as `x-flakestorm-case` (exact under any concurrency), and calls without the header go
 * to the only open case (exact at concurrency 1, dropped from cases when several are open).
 */
export async function startChaosRun(options: ChaosRunOptions): Promise<ChaosRun> {
  const chaos = withProfile(options.chaos ?? {}, options.profile);
  const routes = { ...((chaos.routes as ChaosRoutesInput | undefined) ?? {}), ...(options.routes ?? {}) };
  const rules = chaosRulesFromConfig(chaos);
  const attacks = toAttackSpecs(chaos);
  if (Object.keys(routes).length === 0 && rules.length > 0) {
    throw new FlakestormError(
      'FLAKESTORM_CONFIG_INVALID',
      'Chaos faults need routes: the proxy has no upstream to forward to.',
      {
        hint: 'Add chaos.routes, e.g. {"/llm": "https://api.openai.com", "/tools/orders": "http://localhost:9000"}, and point the agent at the proxy.',
        details: { path: 'chaos.routes' },
      },
    );
  }
  let calls = 0;
  const faults: Record<string, number> = {};
  const port = options.port ?? (typeof chaos.port === 'number' ? chaos.port : undefined);
  const proxy = await createChaosProxy({
    routes,
    rules,
    seed: options.seed,
    ...(port === undefined ? {} : { port }),
    onExchange: (exchange) => {
      calls++;
      if (exchange.fault !== null) faults[exchange.fault] = (faults[exchange.fault] ?? 0) + 1;
      options.onExchange?.(exchange);
    },
  });
  const flags = chaosFlags(rules);
  const pending = new Map<string, Exchange[]>();
  return {
    proxy,
    rules,
    attacks,
    flags,
    wrapTarget(target) {
      const attacked = withContextAttacks(target, attacks, options.seed);
      return {
        kind: attacked.kind,
        description: attacked.description,
        supportsWire: attacked.supportsWire,
        preflight: (signal) => attacked.preflight(signal),
        close: () => attacked.close(),
        ...(attacked.reset
          ? { reset: (signal: AbortSignal) => attacked.reset?.(signal) ?? Promise.resolve() }
          : {}),
        async send(request) {
          proxy.beginCase(request.sessionId);
          try {
            return await attacked.send(request);
          } finally {
            const list = proxy.endCase(request.sessionId);
            pending.set(request.caseId, [...(pending.get(request.caseId) ?? []), ...list]);
            // Calls that never reach the checks (baselines) must not pile up.
            if (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value as string);
          }
        },
      };
    },
    wrapChecks(checks) {
      return (observation) => {
        const list = pending.get(observation.case.id);
        pending.delete(observation.case.id);
        if (list) observation.exchanges.push(...list);
        return checks(observation);
      };
    },
    tally: () => ({ calls, faults: { ...faults } }),
    close: () => proxy.close(),
  };
}
