import type { CaseResult, ReportInput, RunReport, ScoreBand } from '@flakestorm/core';
import { FlakestormError } from '@flakestorm/core';
import { readReportFile } from '../json/read-report.js';
import { reportToInput } from '../report-input.js';
import { failureSummary } from '../util/case-facts.js';
import { maskUrlCredentials } from '../util/redact-result.js';
import { type ReporterRenderOptions, resolveRedactor } from '../util/redaction.js';

/** A run to compare: a JSON report path, a ReportInput, or a RunReport in memory. */
export type ReportSource = string | ReportInput | RunReport;

/** One side of a comparison, as a headline. */
export interface ComparedRun {
  runId: string;
  startedAt: string;
  agent: string;
  robustness: number;
  band: ScoreBand;
  total: number;
  passed: number;
}

/** A before/after number (null when one side has no such slice). */
export interface Delta {
  base: number | null;
  head: number | null;
  delta: number | null;
}

/** A case whose outcome changed between the runs (matched by case id). */
export interface CaseChange {
  id: string;
  mutationType: string;
  label: string;
  /** Why it fails now (newly failing) or why it failed before (newly passing). */
  reason: string;
}

/** What changed between a baseline run and a new one. */
export interface RunComparison {
  base: ComparedRun;
  head: ComparedRun;
  tolerance: number;
  /** head − base robustness. */
  delta: number;
  /** True when head robustness < base robustness − tolerance. */
  regressed: boolean;
  byType: Array<{ type: string } & Delta>;
  byInvariant: Array<{ id: string } & Delta>;
  latency: { p50: Delta; p95: Delta; p99: Delta };
  /** Cases that passed in base and fail in head (up to `listLimit`, case order). */
  newlyFailing: CaseChange[];
  /** Cases that failed in base and pass in head (up to `listLimit`). */
  newlyPassing: CaseChange[];
  counts: {
    matched: number;
    newlyFailing: number;
    newlyPassing: number;
    stillFailing: number;
    onlyInBase: number;
    onlyInHead: number;
  };
}

/** Options of compareRuns. */
export interface CompareOptions extends Partial<ReporterRenderOptions> {
  /** Allowed drop in robustness before head counts as a regression (default 0.02). */
  tolerance?: number;
  /** Most cases listed per change list (counts stay exact; default 500). */
  listLimit?: number;
}

async function open(source: ReportSource): Promise<ReportInput> {
  if (typeof source === 'string') return readReportFile(source);
  return 'results' in source && Array.isArray(source.results)
    ? reportToInput(source as RunReport)
    : (source as ReportInput);
}

function headline(input: ReportInput): ComparedRun {
  return {
    runId: input.meta.runId,
    startedAt: input.meta.startedAt,
    agent: maskUrlCredentials(input.meta.agent.description),
    robustness: input.summary.robustness,
    band: input.summary.band,
    total: input.summary.total,
    passed: input.summary.passed,
  };
}

function delta(base: number | undefined, head: number | undefined): Delta {
  const b = base ?? null;
  const h = head ?? null;
  return { base: b, head: h, delta: b === null || h === null ? null : h - b };
}

function slices<T>(base: Record<string, T>, head: Record<string, T>, rate: (value: T) => number) {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
  return keys.map((key) => ({
    key,
    ...delta(
      base[key] === undefined ? undefined : rate(base[key]),
      head[key] === undefined ? undefined : rate(head[key]),
    ),
  }));
}

/**
 * Compares two runs of the same suite: score deltas overall, per type and per invariant, latency
 * change, and the cases whose outcome flipped. The base's outcomes are held as one boolean per case
 * id; the head streams past them.
 */
export async function compareRuns(
  base: ReportSource,
  head: ReportSource,
  options: CompareOptions = {},
): Promise<RunComparison> {
  const tolerance = options.tolerance ?? 0.02;
  if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > 1) {
    throw new FlakestormError(
      'FLAKESTORM_USAGE',
      `The tolerance must be a number from 0 to 1, got ${tolerance}.`,
      {
        hint: 'Pass a fraction of the robustness score, e.g. --tolerance 0.02 for two points.',
        details: { tolerance: String(tolerance) },
      },
    );
  }
  const limit = options.listLimit ?? 500;
  const redact = resolveRedactor({
    redact: options.redact ?? true,
    ...(options.redactor ? { redactor: options.redactor } : {}),
  });
  const [b, h] = await Promise.all([open(base), open(head)]);
  const baseOutcome = new Map<string, { passed: boolean; reason: string }>();
  for await (const r of b.results()) {
    baseOutcome.set(r.id, { passed: r.passed, reason: r.passed ? '' : failureSummary(r).slice(0, 300) });
  }
  const change = (r: CaseResult, reason: string): CaseChange => ({
    id: r.id,
    mutationType: r.mutationType,
    label: r.label,
    reason: redact(reason),
  });
  const newlyFailing: CaseChange[] = [];
  const newlyPassing: CaseChange[] = [];
  const counts = {
    matched: 0,
    newlyFailing: 0,
    newlyPassing: 0,
    stillFailing: 0,
    onlyInBase: 0,
    onlyInHead: 0,
  };
  for await (const r of h.results()) {
    const before = baseOutcome.get(r.id);
    if (!before) {
      counts.onlyInHead++;
      continue;
    }
    baseOutcome.delete(r.id);
    counts.matched++;
    if (before.passed && !r.passed) {
      counts.newlyFailing++;
      if (newlyFailing.length < limit) newlyFailing.push(change(r, failureSummary(r).slice(0, 300)));
    } else if (!before.passed && r.passed) {
      counts.newlyPassing++;
      if (newlyPassing.length < limit) newlyPassing.push(change(r, before.reason));
    } else if (!r.passed) counts.stillFailing++;
  }
  counts.onlyInBase = baseOutcome.size;
  const d = h.summary.robustness - b.summary.robustness;
  return {
    base: headline(b),
    head: headline(h),
    tolerance,
    delta: d,
    regressed: h.summary.robustness < b.summary.robustness - tolerance - 1e-12,
    byType: slices(b.summary.byType, h.summary.byType, (t) => t.robustness).map(({ key, ...rest }) => ({
      type: key,
      ...rest,
    })),
    byInvariant: slices(b.summary.byInvariant, h.summary.byInvariant, (i) => i.rate).map(
      ({ key, ...rest }) => ({
        id: key,
        ...rest,
      }),
    ),
    latency: {
      p50: delta(b.summary.latency.p50, h.summary.latency.p50),
      p95: delta(b.summary.latency.p95, h.summary.latency.p95),
      p99: delta(b.summary.latency.p99, h.summary.latency.p99),
    },
    newlyFailing,
    newlyPassing,
    counts,
  };
}
