/**
 * Checks on what callers pass to `scan` and `redact`. TypeScript callers cannot get these wrong; plain
 * JavaScript, JSON bodies and configs can, and a typo in `kinds` ("secrets") would otherwise scan for
 * nothing and report a clean text.
 */
import { PatternError } from './errors.js';
import { patternKinds, type RedactOptions, type ScanOptions, severities } from './types.js';

function invalid(message: string): PatternError {
  return new PatternError('FLAKESTORM_PATTERN_SCAN_INVALID', message);
}

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;

function checkKinds(kinds: unknown): void {
  if (kinds === undefined) return;
  if (!Array.isArray(kinds))
    throw invalid(`kinds must be an array of ${patternKinds.join(', ')}; got ${describe(kinds)}.`);
  for (const kind of kinds)
    if (!(patternKinds as readonly unknown[]).includes(kind))
      throw invalid(`unknown kind ${JSON.stringify(kind)}: kinds are ${patternKinds.join(', ')}.`);
}

function checkFraction(name: string, value: unknown): void {
  if (value !== undefined && !(typeof value === 'number' && value >= 0 && value <= 1))
    throw invalid(`${name} must be a number from 0 to 1; got ${JSON.stringify(value) ?? describe(value)}.`);
}

function checkText(text: unknown, call: string): void {
  if (typeof text !== 'string')
    throw invalid(`${call}() takes the text as a string; got ${describe(text)}. Pass '' for no text.`);
}

/** Throws PatternError (FLAKESTORM_PATTERN_SCAN_INVALID) unless `text` and `options` make a valid scan. */
export function checkScanInput(text: unknown, options: ScanOptions | undefined): void {
  checkText(text, 'scan');
  if (options === undefined) return;
  checkKinds(options.kinds);
  if (options.minSeverity !== undefined && !(severities as readonly unknown[]).includes(options.minSeverity))
    throw invalid(
      `unknown minSeverity ${JSON.stringify(options.minSeverity)}: severities are ${severities.join(', ')}.`,
    );
  checkFraction('minConfidence', options.minConfidence);
  checkFraction('threshold', options.threshold);
}

/** Throws PatternError (FLAKESTORM_PATTERN_SCAN_INVALID) unless `text` and `options` make a valid redaction. */
export function checkRedactInput(text: unknown, options: RedactOptions | undefined): void {
  checkText(text, 'redact');
  if (options === undefined) return;
  checkKinds(options.kinds);
  checkFraction('minConfidence', options.minConfidence);
  if (options.mask !== undefined && typeof options.mask !== 'function')
    throw invalid(`mask must be a function (finding, original) => string; got ${describe(options.mask)}.`);
}
