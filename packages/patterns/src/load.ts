/** Entry points for users' own pattern files (the CLI reads the file; parsing stays pure). */
import { builtinDatabase } from './builtin.js';
import { mergeDatabases, parsePatternDatabase } from './database.js';
import { compileDatabase } from './engine/compile.js';
import { PatternError } from './errors.js';
import type { PatternDatabase, PatternDefinition } from './types.js';

/**
 * Parses the text of a user's pattern file (JSON: `{ version, patterns }` or a bare array), validates
 * and compiles it; throws PatternError saying which pattern to fix and how.
 */
export function loadPatternFile(json: string, options: { withBuiltins?: boolean } = {}): PatternDatabase {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new PatternError(
      'FLAKESTORM_PATTERN_INVALID',
      `pattern file is not valid JSON: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const user = parsePatternDatabase(raw);
  const db = options.withBuiltins ? mergeDatabases(builtinDatabase(), user) : user;
  compileDatabase(db); // surfaces regex problems now, not at first scan
  return db;
}

/** One row of `flakestorm patterns`. */
export interface PatternSummary {
  readonly id: string;
  readonly kind: PatternDefinition['kind'];
  readonly category: string;
  readonly severity: PatternDefinition['severity'];
  readonly description: string;
  readonly validator?: string;
  readonly compliance: readonly string[];
}

/** The patterns of `db` (default: built-in) as display rows, sorted by kind, category and id. */
export function listPatterns(db: PatternDatabase = builtinDatabase()): PatternSummary[] {
  return db.patterns
    .map((p) => {
      const row = {
        id: p.id,
        kind: p.kind,
        category: p.category,
        severity: p.severity,
        description: p.description,
        compliance: p.compliance ?? [],
      };
      return p.validator === undefined ? row : { ...row, validator: p.validator };
    })
    .sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) || a.category.localeCompare(b.category) || a.id.localeCompare(b.id),
    );
}
