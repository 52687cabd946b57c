import type * as z from 'zod';
import { valueAt } from './config-path.js';

const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * `${VAR}` always yields text, but `concurrency: ${FS_CONCURRENCY:-8}` means a number. Where the schema
 * wanted a number or boolean and the written value used a variable, the text is converted in place.
 * Returns how many values were converted (0: nothing to retry).
 */
export function coerceInterpolatedScalars(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  written: unknown,
): number {
  let converted = 0;
  for (const issue of issues) {
    if (issue.code !== 'invalid_type') continue;
    const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
    const value = valueAt(data, path);
    const original = valueAt(written, path);
    if (typeof value !== 'string' || typeof original !== 'string' || !original.includes('${')) continue;
    const text = value.trim();
    let next: number | boolean | undefined;
    if (issue.expected === 'boolean' && (text === 'true' || text === 'false')) next = text === 'true';
    else if ((issue.expected === 'number' || issue.expected === 'int') && NUMBER.test(text))
      next = Number(text);
    const parent = valueAt(data, path.slice(0, -1));
    const key = path.at(-1);
    if (next === undefined || key === undefined || parent === null || typeof parent !== 'object') continue;
    (parent as Record<string | number, unknown>)[key] = next;
    converted++;
  }
  return converted;
}
