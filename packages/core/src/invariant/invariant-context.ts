import type { Registry } from '../plugin/registry.js';
import type { Severity } from '../severity.js';
import type { Embedder } from './embedder.js';

/** One finding of a text scanner: where and what kind, never the matched value. */
export interface ScanFinding {
  readonly kind: string;
  readonly id: string;
  readonly category: string;
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  readonly validated: boolean;
  readonly decodedFrom?: string;
}

/**
 * The slice of the pattern engine (`@flakestorm/patterns`) invariants use: PII/secret scanning and
 * redaction of excerpts. Kept as a small interface so another engine can be plugged in.
 */
export interface TextScanner {
  scan(
    text: string,
    options?: { readonly kinds?: readonly ('injection' | 'pii' | 'secret')[] },
  ): { readonly findings: readonly ScanFinding[] };
  redact(text: string): string;
}

/** What invariant types may use besides their spec. */
export interface InvariantContext {
  /** Folder that relative paths (custom modules, schema files) resolve against. */
  baseDir: string;
  /** The run's registry, e.g. to ask whether a mutation type preserves meaning. */
  registry?: Registry;
  /** PII/secret scanner for excludes_pii and for redacting excerpts in reasons. */
  scanner?: TextScanner;
  /** Embedding back-end for similarity checks configured with `method: embedding`. */
  embedder?: Embedder;
}
