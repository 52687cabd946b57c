import { createRandom, type Random } from '../random.js';
import type { ChaosFault, ChaosRoute, ChaosRule } from './chaos-rule.js';
import { globToRegExp } from './glob.js';

/** The request facts rules match on. */
export interface MatchInput {
  route: ChaosRoute;
  method: string;
  /** Path and query as the agent sent them to the proxy. */
  url: string;
}

/** Picks the fault (if any) for each call, keeping per-rule call counts and seeded draws. */
export interface RuleMatcher {
  select(input: MatchInput): { rule: ChaosRule; fault: ChaosFault } | undefined;
}

interface RuleState {
  rule: ChaosRule;
  test: (input: MatchInput) => boolean;
  random: Random;
  seen: number;
  faulted: number;
}

function compile(rule: ChaosRule): (input: MatchInput) => boolean {
  const m = rule.match ?? {};
  const route = m.route === undefined ? undefined : globToRegExp(m.route.replace(/^\//, ''));
  const url = m.url === undefined ? undefined : globToRegExp(m.url);
  const tool = m.tool === undefined || m.tool === '*' ? undefined : globToRegExp(m.tool);
  const method = m.method?.toUpperCase();
  return (input) =>
    (m.kind === undefined || input.route.kind === m.kind) &&
    (method === undefined || input.method === method) &&
    (route === undefined || route.test(input.route.name)) &&
    (url === undefined || url.test(input.url)) &&
    // A tool pattern never matches LLM routes: `tool: "*"` means every tool, not the LLM.
    (m.tool === undefined ||
      (input.route.kind === 'tool' && (tool === undefined || tool.test(input.route.tool ?? ''))));
}

/**
 * Creates the matcher. Every matching rule counts every matching call (so `afterCalls` means calls to
 * that route, whichever rule fired); the first rule that is past its `afterCalls`, under its
 * `forCalls` and wins its seeded draw applies. Draws come from one stream per rule, so a run with the
 * same seed and call order faults the same calls.
 */
export function createRuleMatcher(rules: readonly ChaosRule[], seed: number): RuleMatcher {
  const states: RuleState[] = rules.map((rule, index) => ({
    rule,
    test: compile(rule),
    random: createRandom(seed).fork(`chaos-rule:${rule.id ?? index}`),
    seen: 0,
    faulted: 0,
  }));
  return {
    select(input) {
      let chosen: RuleState | undefined;
      for (const state of states) {
        if (!state.test(input)) continue;
        state.seen++;
        if (chosen) continue;
        if (state.seen <= (state.rule.afterCalls ?? 0)) continue;
        if (state.rule.forCalls !== undefined && state.faulted >= state.rule.forCalls) continue;
        const p = state.rule.probability ?? 1;
        if (p < 1 && !state.random.chance(p)) continue;
        state.faulted++;
        chosen = state;
      }
      return chosen ? { rule: chosen.rule, fault: chosen.rule.fault } : undefined;
    },
  };
}
