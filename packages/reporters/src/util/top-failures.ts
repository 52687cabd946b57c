import type { CaseResult } from '@flakestorm/core';
import { failureRank } from './case-facts.js';

/**
 * Keeps the N worst failures of a stream without holding the stream: a bounded aggregate that is
 * compacted (sorted and cut back to N) whenever it doubles. Ties keep case order.
 */
export interface TopFailures {
  add(result: CaseResult): void;
  /** Failures seen so far (all of them, not just the kept ones). */
  readonly seen: number;
  /** The kept failures, worst first. */
  worst(): CaseResult[];
}

/** Creates a collector of the `limit` worst failures; `shrink` trims each kept result to bounded size. */
export function createTopFailures(
  limit: number,
  shrink: (result: CaseResult) => CaseResult = (r) => r,
): TopFailures {
  let kept: Array<{ rank: number; result: CaseResult }> = [];
  let seen = 0;
  const compact = () => {
    kept.sort((a, b) => b.rank - a.rank || a.result.index - b.result.index);
    kept = kept.slice(0, limit);
  };
  return {
    add(result) {
      if (result.passed) return;
      seen++;
      if (limit <= 0) return;
      kept.push({ rank: failureRank(result), result: shrink(result) });
      if (kept.length >= limit * 2) compact();
    },
    get seen() {
      return seen;
    },
    worst() {
      compact();
      return kept.map((entry) => entry.result);
    },
  };
}

/** A copy of a result with its long texts clipped, so a kept failure stays small. */
export function clipResult(result: CaseResult, max: number): CaseResult {
  const cut = (text: string) =>
    text.length > max ? `${text.slice(0, max)}… [${text.length - max} more characters]` : text;
  const out: CaseResult = {
    ...result,
    goldenPrompt: cut(result.goldenPrompt),
    mutated: cut(result.mutated),
    response: cut(result.response),
    checks: result.checks.map((check) => {
      const { details: _details, ...rest } = check;
      return { ...rest, reason: cut(check.reason) };
    }),
    exchanges: result.exchanges.slice(0, 20),
  };
  if (result.messages)
    out.messages = result.messages.slice(-10).map((m) => ({ ...m, content: cut(m.content) }));
  if (result.sent) out.sent = { ...result.sent, bodyPreview: cut(result.sent.bodyPreview) };
  if (result.trials) out.trials = { ...result.trials, runs: [] };
  delete out.meta;
  return out;
}
