import type { RunMeta, RunSummary } from '@flakestorm/core';

/**
 * Shape checks for a report header read from disk. Renderers interpolate these numbers and names
 * into HTML and Markdown, so a hand-edited or hostile file must not smuggle markup in through them.
 * Returns the first problem found, or null.
 */
export function headerProblem(header: Record<string, unknown>): string | null {
  const num = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
  const str = (value: unknown) => typeof value === 'string';
  const obj = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  const strings = (value: unknown) => Array.isArray(value) && value.every(str);
  const severities = new Set(['critical', 'high', 'medium', 'low']);

  const meta = header as Partial<Record<keyof RunMeta, unknown>>;
  if (!str(meta.runId) || !str(meta.startedAt) || !str(meta.configHash) || !str(meta.configSource)) {
    return 'runId, startedAt, configHash and configSource must be strings';
  }
  if (!['running', 'completed', 'interrupted', 'failed'].includes(String(meta.status)))
    return 'unknown status';
  if (!num(meta.seed)) return 'seed must be a number';
  if (!obj(meta.tool) || !str(meta.tool.version)) return 'tool.version must be a string';
  if (!obj(meta.agent) || !str(meta.agent.kind) || !str(meta.agent.description))
    return 'agent must have kind and description';
  if (!strings(meta.mutationTypes) || !strings(meta.warnings))
    return 'mutationTypes and warnings must be string lists';
  if (meta.command !== undefined && !str(meta.command)) return 'command must be a string';
  if (
    !Array.isArray(meta.invariants) ||
    !meta.invariants.every((i) => obj(i) && str(i.id) && str(i.type) && str(i.severity))
  ) {
    return 'invariants must be {id, type, severity} objects';
  }

  const s = header.summary as Partial<Record<keyof RunSummary, unknown>>;
  if (!obj(s)) return 'summary must be an object';
  for (const key of [
    'robustness',
    'total',
    'passed',
    'failed',
    'errored',
    'weightedPassed',
    'weightedTotal',
    'durationMs',
  ] as const) {
    if (!num(s[key])) return `summary.${key} must be a number`;
  }
  if (!['excellent', 'good', 'fair', 'poor'].includes(String(s.band)))
    return 'summary.band is not a score band';
  if (
    !obj(s.byType) ||
    !Object.values(s.byType).every(
      (t) => obj(t) && num(t.total) && num(t.passed) && num(t.rate) && num(t.weight) && num(t.robustness),
    )
  ) {
    return 'summary.byType entries must hold numbers';
  }
  if (
    !obj(s.byInvariant) ||
    !Object.values(s.byInvariant).every(
      (i) =>
        obj(i) &&
        num(i.total) &&
        num(i.passed) &&
        num(i.rate) &&
        str(i.type) &&
        severities.has(String(i.severity)),
    )
  ) {
    return 'summary.byInvariant entries must hold numbers, a type and a severity';
  }
  if (
    !obj(s.bySeverity) ||
    ![...severities].every(
      (k) =>
        obj(s.bySeverity) &&
        obj(s.bySeverity[k]) &&
        num(s.bySeverity[k].checks) &&
        num(s.bySeverity[k].failed),
    )
  ) {
    return 'summary.bySeverity must count checks and failures per severity';
  }
  const l = s.latency;
  if (!obj(l) || !['count', 'mean', 'min', 'max', 'p50', 'p95', 'p99'].every((k) => num(l[k])))
    return 'summary.latency must hold numbers';
  if (!Array.isArray(l.histogram) || !l.histogram.every((b) => obj(b) && num(b.le) && num(b.count)))
    return 'summary.latency.histogram must hold numbers';
  if (
    !Array.isArray(s.flaky) ||
    !s.flaky.every(
      (f) => obj(f) && str(f.id) && str(f.mutationType) && num(f.passRate) && num(f.low) && num(f.high),
    )
  ) {
    return 'summary.flaky entries are malformed';
  }
  if (!obj(s.errorsByCause) || !Object.values(s.errorsByCause).every(num))
    return 'summary.errorsByCause must hold numbers';
  return null;
}
