import type { PrintableError } from '../error-shape.js';
import type { Colors } from './colors.js';

/**
 * Renders an operational failure for people: the message, each issue with its file:line:col, and the
 * hint. No stack trace unless asked for (FLAKESTORM_DEBUG=1).
 */
export function formatError(error: PrintableError, colors: Colors, debug = false): string {
  const lines = [`${colors.red(colors.bold('error'))} ${error.message} ${colors.dim(`(${error.code})`)}`];
  for (const issue of error.issues) {
    const where = issue.location
      ? `${issue.location.file}:${issue.location.line}:${issue.location.column}`
      : undefined;
    const head = [where, issue.path ? colors.bold(issue.path) : undefined].filter(Boolean).join(' ');
    lines.push(`  ${head ? `${head}: ` : ''}${issue.message}`);
    if (issue.hint) lines.push(`    ${colors.cyan('hint:')} ${issue.hint}`);
  }
  if (error.hint) lines.push(`${colors.cyan('hint:')} ${error.hint}`);
  if (debug && error.stack) lines.push(colors.dim(error.stack));
  return `${lines.join('\n')}\n`;
}

/** Renders an unexpected exception: one line plus how to get the stack. */
export function formatUnexpected(error: unknown, colors: Colors, debug = false): string {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? error.stack : undefined;
  const lines = [
    `${colors.red(colors.bold('error'))} unexpected failure: ${message} ${colors.dim('(FLAKESTORM_INTERNAL)')}`,
  ];
  if (debug && stack) lines.push(colors.dim(stack));
  else
    lines.push(`${colors.cyan('hint:')} re-run with FLAKESTORM_DEBUG=1 for the stack trace, and report it.`);
  return `${lines.join('\n')}\n`;
}
