import type { CaseResult, CheckResult, RunMeta, Severity } from '@flakestorm/core';

const severityRank: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/** The checks a case failed. */
export function failedChecks(result: CaseResult): CheckResult[] {
  return result.checks.filter((check) => !check.passed);
}

/** One line saying why a case failed ("" when it passed). */
export function failureSummary(result: CaseResult): string {
  if (result.passed) return '';
  const parts: string[] = [];
  if (result.error) parts.push(`${result.error.cause}: ${result.error.message}`);
  for (const check of failedChecks(result)) parts.push(`${check.id}: ${check.reason}`);
  if (parts.length === 0 && result.trials)
    parts.push(`passed ${result.trials.passed}/${result.trials.count} trials`);
  return parts.join('; ');
}

/** The most severe failed check of a case; errors count as high, a bare failure as low. */
export function worstSeverity(result: CaseResult): Severity | null {
  if (result.passed) return null;
  let worst: Severity = result.error ? 'high' : 'low';
  for (const check of failedChecks(result)) {
    if (severityRank[check.severity] > severityRank[worst]) worst = check.severity;
  }
  return worst;
}

/** How bad a failure is, for "worst first" lists: severity, then failed checks, then weight. */
export function failureRank(result: CaseResult): number {
  const severity = worstSeverity(result);
  if (severity === null) return 0;
  return (
    severityRank[severity] * 1_000_000 +
    failedChecks(result).length * 1_000 +
    Math.min(999, result.weight * 10)
  );
}

/** Quotes a shell word only when it needs quoting (POSIX single quotes). */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The start of a case's re-run command: the run's command, its seed, and `--case ` (the id follows). */
export function rerunPrefix(meta: RunMeta): string {
  const base = meta.command ?? `flakestorm run -c ${shellWord(meta.configSource)}`;
  return `${base} --seed ${meta.seed} --case `;
}

/** The command that re-runs one case: the run's command plus `--seed <seed> --case <id>`. */
export function rerunCommand(meta: RunMeta, caseId: string): string {
  return `${rerunPrefix(meta)}${shellWord(caseId)}`;
}

/** Truncates long text for previews, saying how much was cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… [${text.length - max} more characters]`;
}
