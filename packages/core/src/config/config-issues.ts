import { type ErrorIssue, FlakestormError, type FlakestormErrorCode } from '../errors.js';
import type { JsonObject } from '../json.js';

/** Collects every problem of one config so that the user sees them all at once, not one per run. */
export class ConfigIssues {
  readonly #issues: ErrorIssue[] = [];

  constructor(readonly file: string) {}

  /** Records one problem. */
  add(issue: ErrorIssue): void {
    this.#issues.push(issue);
  }

  /** Problems recorded so far. */
  get list(): readonly ErrorIssue[] {
    return this.#issues;
  }

  /** Throws FLAKESTORM_CONFIG_INVALID (or another code) listing every problem, if there is any. */
  throwIfAny(what = 'is invalid', code: FlakestormErrorCode = 'FLAKESTORM_CONFIG_INVALID'): void {
    if (this.#issues.length === 0) return;
    throw configError(this.file, this.#issues, what, code);
  }
}

/** One error for many issues: the message lists each with its position, so printing it is enough. */
export function configError(
  file: string,
  unsorted: readonly ErrorIssue[],
  what = 'is invalid',
  code: FlakestormErrorCode = 'FLAKESTORM_CONFIG_INVALID',
): FlakestormError {
  const issues = sortByPosition(unsorted);
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const lines = issues.map((issue) => `  ${formatIssue(issue)}`);
  const single = issues.length === 1 ? issues[0]?.hint : undefined;
  return new FlakestormError(code, `${file} ${what} (${count}):\n${lines.join('\n')}`, {
    hint: single ?? 'Fix each problem listed; `flakestorm init` writes a valid, commented starter config.',
    issues,
    details: { file, issues: issues.map(issueToJson) },
  });
}

/** `file:line:col path: message (hint)`, one line. */
export function formatIssue(issue: ErrorIssue): string {
  const where = issue.location
    ? `${issue.location.file}:${issue.location.line}:${issue.location.column} `
    : '';
  const path = issue.path === undefined ? '' : `${issue.path}: `;
  const hint = issue.hint === undefined ? '' : ` (${issue.hint})`;
  return `${where}${path}${issue.message}${hint}`;
}

// Reading order: by line, then column; issues without a position (inline configs) keep their order.
function sortByPosition(issues: readonly ErrorIssue[]): ErrorIssue[] {
  const key = (issue: ErrorIssue) =>
    issue.location ? issue.location.line * 1e6 + issue.location.column : Number.POSITIVE_INFINITY;
  return [...issues].sort((a, b) => key(a) - key(b));
}

function issueToJson(issue: ErrorIssue): JsonObject {
  return {
    message: issue.message,
    ...(issue.path === undefined ? {} : { path: issue.path }),
    ...(issue.location === undefined ? {} : { location: { ...issue.location } }),
    ...(issue.hint === undefined ? {} : { hint: issue.hint }),
  };
}
