import type { CaseResult, Severity } from '@flakestorm/core';
import { failedChecks, worstSeverity } from '../util/case-facts.js';

/**
 * One failure as embedded in the HTML report: short keys, long texts clipped to a per-failure budget
 * so that the file stays small (10,000 results under 3 MB) whatever the agent answered.
 */
export interface FailureRecord {
  /** Case id. */
  id: string;
  /** Case index. */
  n: number;
  /** Mutation type. */
  t: string;
  /** Label. */
  l: string;
  /** Golden prompt index (into the goldens table). */
  g: number;
  /** Worst severity. */
  sev: Severity;
  /** Mutated prompt. */
  m: string;
  /** Response. */
  r: string;
  /** HTTP status. */
  st?: number;
  /** Latency in ms. */
  ms: number;
  /** Error: cause and message. */
  e?: [string, string];
  /** Failed checks: id, type, severity, reason. */
  c: Array<[string, string, Severity, string]>;
  /** What was sent on the wire (network types). */
  w?: {
    m: string;
    u: string;
    h: Array<[string, string]>;
    b: number;
    p: string;
    note?: string;
    applied?: boolean;
  };
  /** Conversation turns (multi-turn types): role and content. */
  msgs?: Array<[string, string]>;
  /** Trials passed and run. */
  tr?: [number, number];
  /** Set when the data budget was spent: texts left out (the JSON report has them). */
  x?: 1;
}

/** Bytes of failure data an HTML report may embed: what keeps 10,000 failures under 3 MB. */
export const FAILURE_DATA_BUDGET = 2_400_000;
/** Bytes a failure record takes besides its texts (keys, ids, numbers). */
const recordOverhead = 220;

/**
 * Characters of text the next failure may embed: what is left of the data budget shared by the
 * failures still expected (the summary says how many), between 60 and 12,000.
 */
export function failureBudget(bytesLeft: number, failuresLeft: number): number {
  const share = Math.floor(bytesLeft / Math.max(1, failuresLeft)) - recordOverhead;
  return Math.max(60, Math.min(12_000, share));
}

function cut(text: string, max: number): string {
  const limit = Math.max(12, Math.floor(max));
  return text.length > limit ? `${text.slice(0, limit)}…+${text.length - limit}` : text;
}

/** The compact, clipped record of one failed (already redacted) result. */
export function toFailureRecord(r: CaseResult, budget: number): FailureRecord {
  // A tight budget (thousands of failures) keeps fewer headers, turns and checks, not just shorter texts.
  const tight = budget < 1_000;
  const checks = failedChecks(r).slice(0, tight ? 3 : 8);
  const record: FailureRecord = {
    id: r.id,
    n: r.index,
    t: r.mutationType,
    l: cut(r.label, tight ? 60 : 120),
    g: r.goldenIndex,
    sev: worstSeverity(r) ?? 'low',
    m: cut(r.mutated, budget * 0.25),
    r: cut(r.response, budget * 0.4),
    ms: Math.round(r.latencyMs),
    c: checks.map((c) => [
      c.id,
      c.type,
      c.severity,
      cut(c.reason, (budget * 0.15) / Math.max(1, checks.length)),
    ]),
  };
  if (r.status !== undefined) record.st = r.status;
  if (r.error) record.e = [r.error.cause, cut(r.error.message, Math.min(300, budget * 0.3))];
  if (r.sent) {
    const headers = r.sent.headers.slice(0, tight ? 4 : 20);
    const w: NonNullable<FailureRecord['w']> = {
      m: r.sent.method,
      u: cut(r.sent.url, Math.min(300, budget * 0.05)),
      h: headers.map(([name, value]) => [
        cut(name, tight ? 30 : 80),
        cut(value, Math.min(160, (budget * 0.1) / headers.length)),
      ]),
      b: r.sent.bodyBytes,
      p: cut(r.sent.bodyPreview, budget * 0.1),
    };
    if (r.sent.note !== undefined) w.note = cut(r.sent.note, tight ? 60 : 200);
    if (r.wireApplied !== undefined) w.applied = r.wireApplied;
    record.w = w;
  }
  if (r.messages && r.messages.length > 1) {
    const turns = r.messages.slice(tight ? -2 : -8);
    record.msgs = turns.map((m) => [m.role, cut(m.content, (budget * 0.1) / turns.length)]);
  }
  if (r.trials) record.tr = [r.trials.passed, r.trials.count];
  return record;
}

/** What is left of a failure once the data budget is spent: enough to list, filter and find it in the JSON report. */
export function toFailureStub(r: CaseResult): FailureRecord {
  return {
    id: r.id,
    n: r.index,
    t: r.mutationType,
    l: cut(r.label, 40),
    g: r.goldenIndex,
    sev: worstSeverity(r) ?? 'low',
    m: '',
    r: '',
    ms: Math.round(r.latencyMs),
    c: failedChecks(r)
      .slice(0, 3)
      .map((c) => [c.id, c.type, c.severity, '']),
    ...(r.error ? { e: [r.error.cause, ''] as [string, string] } : {}),
    x: 1,
  };
}
