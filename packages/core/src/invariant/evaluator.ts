import { type ErrorIssue, FlakestormError } from '../errors.js';
import type { Registry } from '../plugin/registry.js';
import type { Observation } from '../run/observation.js';
import type { CheckResult } from '../run/result.js';
import { severities } from '../severity.js';
import { chaosConditions, isInvariantApplicable } from './condition.js';
import type { Embedder } from './embedder.js';
import { safeMessage } from './excerpt.js';
import type { InvariantCheck, InvariantSpec, InvariantType, Verdict } from './invariant.js';
import type { InvariantContext, TextScanner } from './invariant-context.js';

/** What createInvariantEvaluator needs besides the specs and the registry. */
export interface InvariantEvaluatorOptions {
  /** Folder that relative paths in params (custom modules) resolve against: the config's folder. */
  baseDir: string;
  /** PII/secret scanner; defaults to the pattern engine's built-in one. */
  scanner?: TextScanner;
  /** Embedding back-end for `method: embedding` similarity checks. */
  embedder?: Embedder;
}

/** Runs every applicable invariant on one observation. */
export type InvariantEvaluator = (observation: Observation) => Promise<CheckResult[]>;

interface Prepared {
  spec: InvariantSpec;
  type: InvariantType;
  check: InvariantCheck;
}

/** Loads the pattern engine lazily, so a broken or absent engine only matters to excludes_pii. */
async function loadScanner(): Promise<TextScanner | Error> {
  try {
    return (await import('./default-scanner.js')).builtinScanner();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Problems with the fields every invariant shares (validated here so that SDK-built specs are safe too). */
function sharedProblems(spec: InvariantSpec): string[] {
  const problems: string[] = [];
  if (!severities.includes(spec.severity))
    problems.push(`"severity" must be one of ${severities.join(', ')}.`);
  if (!chaosConditions.includes(spec.when?.chaos))
    problems.push(`"when" must be one of ${chaosConditions.join(', ')}.`);
  return problems;
}

/**
 * The problems of one spec (shared fields and the type's params), without loading anything: for the
 * config layer, which can attach file:line:col to each. Empty when the spec is fine.
 */
export function validateInvariantSpec(spec: InvariantSpec, registry: Registry): string[] {
  const type = registry.invariants.get(spec.type);
  if (!type) return [`unknown invariant type "${spec.type}".`];
  return [...sharedProblems(spec), ...type.validate(spec.params ?? {})];
}

/** What a content check says when the call produced no answer. */
function noAnswer(observation: Observation, scanner: TextScanner | undefined): Verdict {
  const error = observation.error;
  const status = error?.status === undefined ? '' : ` ${error.status}`;
  return {
    passed: false,
    reason: `No answer (${error?.cause ?? 'error'}${status}): ${safeMessage(error?.message ?? '', scanner)}`,
  };
}

/** Flips a verdict for `negate: true`, saying what the underlying check found. */
function negateVerdict(verdict: Verdict): Verdict {
  return {
    passed: !verdict.passed,
    reason: verdict.passed
      ? `Negated check failed: the condition held but must not. (${verdict.reason})`
      : `Negated check passed: the condition did not hold. (${verdict.reason})`,
    details: { ...verdict.details, negated: true },
  };
}

function crashed(spec: InvariantSpec, error: unknown): Verdict {
  // A bug in a check is reported on that check; it must not take the whole run down.
  const message = error instanceof Error ? error.message : String(error);
  return { passed: false, reason: `The ${spec.type} check crashed: ${message.slice(0, 200)}` };
}

function isPromiseLike(value: Verdict | PromiseLike<Verdict>): value is PromiseLike<Verdict> {
  return typeof (value as { then?: unknown }).then === 'function';
}

/**
 * One check's verdict: synchronous checks (every built-in content check) answer without a promise, so a
 * case with five invariants costs no microtask hops; asynchronous ones return a promise.
 */
function run(
  prepared: Prepared,
  observation: Observation,
  scanner: TextScanner | undefined,
): Verdict | Promise<Verdict> {
  const { spec, type, check } = prepared;
  // A call that failed has no answer to judge: content checks fail, and negation must not turn that into a pass.
  if (observation.error && !type.acceptsErrors) return noAnswer(observation, scanner);
  let verdict: Verdict | PromiseLike<Verdict>;
  try {
    verdict = check(observation);
  } catch (error) {
    return crashed(spec, error);
  }
  if (isPromiseLike(verdict)) {
    return Promise.resolve(verdict).then(
      (settled) => (spec.negate ? negateVerdict(settled) : settled),
      (error: unknown) => crashed(spec, error),
    );
  }
  return spec.negate ? negateVerdict(verdict) : verdict;
}

function toCheckResult(item: Prepared, verdict: Verdict): CheckResult {
  return {
    type: item.spec.type,
    id: item.spec.id,
    passed: verdict.passed,
    reason: verdict.reason,
    severity: item.spec.severity,
    ...(verdict.details ? { details: verdict.details } : {}),
  };
}

/**
 * Validates every invariant spec, creates its check (loading custom modules and back-ends once), and
 * returns a function that judges an observation. All problems are collected first and thrown together
 * as one FLAKESTORM_CONFIG_INVALID listing them by invariant id. Invariants whose `when` does not hold
 * (or whose type says it does not apply) are omitted from the observation's checks.
 */
export async function createInvariantEvaluator(
  specs: readonly InvariantSpec[],
  registry: Registry,
  options: InvariantEvaluatorOptions,
): Promise<InvariantEvaluator> {
  const issues: ErrorIssue[] = [];
  const typed: { spec: InvariantSpec; type: InvariantType }[] = [];
  specs.forEach((spec, index) => {
    const path = `invariants[${index}]`;
    const type = registry.invariants.get(spec.type);
    if (!type) {
      const known = [...registry.invariants.keys()].sort().join(', ');
      issues.push({
        message: `${spec.id}: unknown invariant type "${spec.type}".`,
        path,
        hint: `Known types: ${known}.`,
      });
      return;
    }
    const problems = validateInvariantSpec(spec, registry);
    for (const problem of problems) issues.push({ message: `${spec.id} (${spec.type}): ${problem}`, path });
    if (problems.length === 0) typed.push({ spec, type });
  });

  let scanner = options.scanner;
  let scannerError: Error | undefined;
  if (!scanner) {
    const loaded = await loadScanner();
    if (loaded instanceof Error) scannerError = loaded;
    else scanner = loaded;
  }
  const context: InvariantContext = {
    baseDir: options.baseDir,
    registry,
    ...(scanner ? { scanner } : {}),
    ...(options.embedder ? { embedder: options.embedder } : {}),
  };

  const prepared: Prepared[] = [];
  for (const { spec, type } of typed) {
    try {
      const check = type.load ? await type.load(spec, context) : type.create(spec, context);
      prepared.push({ spec, type, check });
    } catch (error) {
      const cause =
        scannerError && spec.type === 'excludes_pii' ? ` (${scannerError.message.slice(0, 200)})` : '';
      issues.push({
        message: `${spec.id} (${spec.type}): ${(error as Error).message}${cause}`,
        path: `invariants[${specs.indexOf(spec)}]`,
      });
    }
  }

  if (issues.length > 0) {
    throw new FlakestormError(
      'FLAKESTORM_CONFIG_INVALID',
      `${issues.length} problem(s) in the invariants:\n${issues.map((i) => `  - ${i.message}`).join('\n')}`,
      {
        hint: 'Fix the listed invariants in your config; `flakestorm invariants` lists every type with an example.',
        issues,
        details: { problems: issues.length },
      },
    );
  }

  const applicable = (item: Prepared, observation: Observation): boolean =>
    isInvariantApplicable(item.spec, observation) &&
    (!item.type.applies || item.type.applies(item.spec, observation, context));

  // Finishes a case from the first check that answered with a promise, awaiting the rest in order.
  const finish = async (
    from: number,
    pending: Promise<Verdict>,
    results: CheckResult[],
    observation: Observation,
  ): Promise<CheckResult[]> => {
    results.push(toCheckResult(prepared[from] as Prepared, await pending));
    for (let i = from + 1; i < prepared.length; i++) {
      const item = prepared[i] as Prepared;
      if (!applicable(item, observation)) continue;
      results.push(toCheckResult(item, await run(item, observation, context.scanner)));
    }
    return results;
  };

  return (observation) => {
    const results: CheckResult[] = [];
    for (let i = 0; i < prepared.length; i++) {
      const item = prepared[i] as Prepared;
      if (!applicable(item, observation)) continue;
      const verdict = run(item, observation, context.scanner);
      if (verdict instanceof Promise) return finish(i, verdict, results, observation);
      results.push(toCheckResult(item, verdict));
    }
    return Promise.resolve(results);
  };
}
