import type { CallContext } from './call-target.js';
import { callTarget } from './call-target.js';
import { baselineCase } from './expand-cases.js';
import type { RunPlan } from './plan.js';
import type { BaselineRecord } from './report.js';

/**
 * Sends every golden prompt unmutated once (settings.baseline), `concurrency` at a time. Their answers
 * become `goldenResponse` for behavior_unchanged; they are recorded but never scored.
 */
export async function runBaselines(
  plan: RunPlan,
  context: CallContext,
  concurrency: number,
): Promise<BaselineRecord[]> {
  const records: BaselineRecord[] = [];
  let next = 0;
  const worker = async () => {
    while (next < plan.goldenPrompts.length && !context.signal.aborted) {
      const goldenIndex = next++;
      const observation = await callTarget(baselineCase(plan, goldenIndex), 0, context);
      records.push({
        goldenIndex,
        response: observation.response,
        latencyMs: observation.latencyMs,
        error: observation.error ?? null,
      });
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, plan.goldenPrompts.length)) }, worker),
  );
  return records.sort((a, b) => a.goldenIndex - b.goldenIndex);
}
