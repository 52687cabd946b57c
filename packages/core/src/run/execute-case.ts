import { wilsonInterval } from '../score/wilson.js';
import { type CallContext, callTarget } from './call-target.js';
import type { Case } from './case.js';
import type { CheckRunner } from './check-runner.js';
import type { Observation } from './observation.js';
import type { CaseResult, CheckResult, TrialResult } from './result.js';

/** A failed call is a failed case; when no invariant says so, this check does. */
function syntheticCompletes(observation: Observation): CheckResult {
  const error = observation.error;
  return {
    type: 'completes',
    id: 'completes',
    passed: false,
    reason: `The call failed (${error?.cause ?? 'unknown'}): ${error?.message ?? ''}`.trim(),
    severity: 'high',
  };
}

async function checksOf(observation: Observation, checks: CheckRunner): Promise<CheckResult[]> {
  let results: CheckResult[];
  try {
    results = await checks(observation);
  } catch (error) {
    // The seam promises verdicts; if it throws anyway the case fails with the reason, the run goes on.
    results = [
      {
        type: 'invariants',
        id: 'invariants',
        passed: false,
        reason: `Invariants could not be evaluated: ${error instanceof Error ? error.message : String(error)}`,
        severity: 'high',
      },
    ];
  }
  if (observation.error && !results.some((check) => check.type === 'completes')) {
    results = [...results, syntheticCompletes(observation)];
  }
  return results;
}

function toResult(c: Case, observation: Observation, checks: CheckResult[], passed: boolean): CaseResult {
  const result: CaseResult = {
    id: c.id,
    index: c.index,
    goldenIndex: c.goldenIndex,
    goldenPrompt: c.goldenPrompt,
    mutationType: c.mutationType,
    variantIndex: c.variantIndex,
    label: c.label,
    weight: c.weight,
    mutated: c.prompt,
    response: observation.response,
    latencyMs: observation.latencyMs,
    passed,
    checks,
    error: observation.error ?? null,
    exchanges: observation.exchanges,
  };
  if (c.messages.length > 1) result.messages = c.messages;
  if (observation.status !== undefined) result.status = observation.status;
  if (observation.sent) result.sent = observation.sent;
  if (observation.wireApplied !== undefined) result.wireApplied = observation.wireApplied;
  if (c.meta) result.meta = c.meta;
  return result;
}

/**
 * Runs every trial of a case and folds them into one result: it passes only if every trial passed, and
 * reports the first failing trial (else the last). Returns null when cancellation cut the case short.
 */
export async function executeCase(
  c: Case,
  context: CallContext,
  checks: CheckRunner,
): Promise<CaseResult | null> {
  const trials = Math.max(1, c.trials);
  const runs: TrialResult[] = [];
  let reported: { observation: Observation; checks: CheckResult[]; passed: boolean } | undefined;
  for (let trial = 0; trial < trials; trial++) {
    const observation = await callTarget(c, trial, context);
    if (context.signal.aborted && observation.error?.cause === 'aborted') return null;
    const results = await checksOf(observation, checks);
    const passed = !observation.error && results.every((check) => check.passed);
    runs.push({
      passed,
      latencyMs: observation.latencyMs,
      error: observation.error ?? null,
      failedChecks: results.filter((check) => !check.passed).map((check) => check.id),
    });
    if (!reported || reported.passed) {
      reported = { observation, checks: results, passed };
    }
  }
  if (!reported) return null;
  const passedTrials = runs.filter((run) => run.passed).length;
  const result = toResult(c, reported.observation, reported.checks, passedTrials === trials);
  if (trials > 1) {
    const passRate = passedTrials / trials;
    const { low, high } = wilsonInterval(passedTrials, trials);
    result.trials = {
      count: trials,
      passed: passedTrials,
      passRate,
      low,
      high,
      flaky: passRate > 0 && passRate < 1,
      runs,
    };
  }
  return result;
}
