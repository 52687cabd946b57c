import type { ConfigIssue } from '../api/types.js';

/** Validation issues sorted to where an editor shows them: per 1-based line, and those with no line. */
export interface PlacedIssues {
  byLine: Map<number, ConfigIssue[]>;
  general: ConfigIssue[];
}

/** Places each issue at its line; a line past the end of the text goes to the last line. */
export function placeIssues(issues: readonly ConfigIssue[], lineCount: number): PlacedIssues {
  const byLine = new Map<number, ConfigIssue[]>();
  const general: ConfigIssue[] = [];
  for (const issue of issues) {
    const line = issue.location?.line;
    if (line === undefined || !Number.isFinite(line) || line < 1) {
      general.push(issue);
      continue;
    }
    const at = Math.min(Math.trunc(line), Math.max(1, lineCount));
    byLine.set(at, [...(byLine.get(at) ?? []), issue]);
  }
  return { byLine, general };
}
