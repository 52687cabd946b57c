/** The hot-swappable scanner and the lazily built default instance. */
import { builtinDatabase } from './builtin.js';
import { type CompiledDatabase, compileDatabase } from './engine/compile.js';
import { scanWith } from './engine/scan.js';
import { applyRedaction } from './redact.js';
import { checkRedactInput, checkScanInput } from './scan-input.js';
import type {
  DatabaseStats,
  PatternDatabase,
  PatternKind,
  RedactOptions,
  Scanner,
  ScanOptions,
  ScanResult,
} from './types.js';

/** Counts per kind and category of a database. */
export function databaseStats(db: PatternDatabase, compileMs = 0): DatabaseStats {
  const byKind: Record<PatternKind, number> = { injection: 0, pii: 0, secret: 0 };
  const byCategory: Record<string, number> = {};
  const byKindAndCategory: Record<PatternKind, Record<string, number>> = {
    injection: {},
    pii: {},
    secret: {},
  };
  for (const p of db.patterns) {
    byKind[p.kind]++;
    byCategory[p.category] = (byCategory[p.category] ?? 0) + 1;
    byKindAndCategory[p.kind][p.category] = (byKindAndCategory[p.kind][p.category] ?? 0) + 1;
  }
  return { version: db.version, total: db.patterns.length, byKind, byCategory, byKindAndCategory, compileMs };
}

/** Creates a scanner over `db` (default: the built-in database); throws PatternError if `db` is invalid. */
export function createScanner(db: PatternDatabase = builtinDatabase()): Scanner {
  // Scans read this reference once, so a swap never affects a scan already running on the old one.
  let current: CompiledDatabase = compileDatabase(db);
  return {
    scan(text: string, options?: ScanOptions): ScanResult {
      checkScanInput(text, options);
      return scanWith(current, text, options);
    },
    redact(text: string, options: RedactOptions = {}): string {
      checkRedactInput(text, options);
      const kinds = options.kinds ?? (['pii', 'secret'] as const);
      const result = scanWith(current, text, { kinds, minConfidence: options.minConfidence ?? 0.5 }, true);
      return applyRedaction(text, result, options);
    },
    update(next: PatternDatabase): void {
      const compiled = compileDatabase(next); // throws before anything changes
      current = compiled;
    },
    stats(): DatabaseStats {
      return databaseStats(current.db, current.compileMs);
    },
    database(): PatternDatabase {
      return current.db;
    },
  };
}

let singleton: Scanner | undefined;

/** The shared scanner over the built-in database, compiled on first use. */
export function defaultScanner(): Scanner {
  singleton ??= createScanner();
  return singleton;
}

/** Scans `text` with the default scanner. */
export function scan(text: string, options?: ScanOptions): ScanResult {
  return defaultScanner().scan(text, options);
}

/** Masks PII and secrets in `text` with the default scanner. */
export function redact(text: string, options?: RedactOptions): string {
  return defaultScanner().redact(text, options);
}
