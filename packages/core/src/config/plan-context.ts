import type { ErrorIssue } from '../errors.js';
import { type ConfigPath, formatConfigPath } from './config-path.js';
import type { Locator } from './yaml-source.js';

/** Shared state while turning a validated config into a plan: located problems and warnings. */
export class PlanContext {
  readonly issues: ErrorIssue[] = [];
  readonly warnings: string[] = [];

  constructor(
    readonly file: string,
    readonly locate: Locator | undefined,
  ) {}

  /** Records an error at a config path (shown with its file position). */
  problem(path: ConfigPath, message: string, hint?: string, part: 'key' | 'value' = 'value'): void {
    const location = this.locate?.(path, part);
    this.issues.push({
      message,
      path: formatConfigPath(path),
      ...(location === undefined ? {} : { location }),
      ...(hint === undefined ? {} : { hint }),
    });
  }

  /** Records a warning once, prefixed with its file position when the path is known. */
  warn(message: string, path?: ConfigPath, part: 'key' | 'value' = 'key'): void {
    const location = path === undefined ? undefined : this.locate?.(path, part);
    const where = location
      ? `${location.file}:${location.line}:${location.column}: `
      : path === undefined
        ? ''
        : `${formatConfigPath(path)}: `;
    const text = `${where}${message}`;
    if (!this.warnings.includes(text)) this.warnings.push(text);
  }
}
