import type { RenderOptions } from '@flakestorm/core';
import { redact as patternRedact } from '@flakestorm/patterns';
import { interimRedact } from './interim-redact.js';

/** Masks PII and secrets in one piece of text (the pattern engine's `redact` has this shape). */
export type Redactor = (text: string) => string;

/** Render options of this package: core's, plus an injectable redactor (tests, custom engines). */
export interface ReporterRenderOptions extends RenderOptions {
  /** Replaces the default redactor; used only when `redact` is true. */
  redactor?: Redactor;
}

/**
 * The pattern engine's redaction, then a second pass for the commonest credential shapes (a safety
 * net: a report must never ship a key because one pattern missed it).
 */
export const patternRedactor: Redactor = (text) => interimRedact(patternRedact(text));

let defaultRedactor: Redactor = patternRedactor;

/** Installs the redactor used when options name none (the CLI wires the pattern engine's `redact` here). */
export function setDefaultRedactor(redactor: Redactor): void {
  defaultRedactor = redactor;
}

/** The redactor a render should apply: identity when redaction is off. */
export function resolveRedactor(options: Partial<ReporterRenderOptions> | undefined): Redactor {
  if (options?.redact === false) return (text) => text;
  return options?.redactor ?? defaultRedactor;
}
