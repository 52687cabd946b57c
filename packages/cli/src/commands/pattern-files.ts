import { readFile } from 'node:fs/promises';
import {
  builtinDatabase,
  createScanner,
  isPatternError,
  loadPatternFile,
  mergeDatabases,
  type PatternDatabase,
  type Scanner,
  verifyExamples,
} from '@flakestorm/patterns';
import { flakestormError } from './lazy-error.js';

/**
 * The built-in database plus the user's pattern files (same JSON format as the built-ins). A bad file is
 * a usage error naming the file and the pattern, never a stack trace.
 */
export async function databaseWith(files: readonly string[] = []): Promise<PatternDatabase> {
  const user: PatternDatabase[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      throw await flakestormError('FLAKESTORM_USAGE', `Cannot read the pattern file ${file}.`, {
        cause,
        hint: 'Check the path given to --patterns.',
      });
    }
    let db: PatternDatabase;
    try {
      db = loadPatternFile(text);
    } catch (cause) {
      if (!isPatternError(cause)) throw cause;
      throw await flakestormError('FLAKESTORM_CONFIG_INVALID', `${file}: ${cause.message}`, {
        cause,
        hint: 'Pattern files use the built-in format: see `flakestorm patterns --json` and packages/patterns/README.md.',
        details: { code: cause.code },
      });
    }
    // A user's examples are their tests: a pattern that misses its own positives (or hits its negatives)
    // would silently miss real data too.
    const failures = verifyExamples(db);
    if (failures.length > 0) {
      const [first] = failures;
      throw await flakestormError(
        'FLAKESTORM_CONFIG_INVALID',
        `${file}: pattern '${first?.id}' ${first?.expected === 'match' ? 'does not match its positive' : 'matches its negative'} example ${JSON.stringify(first?.example)}${failures.length > 1 ? ` (and ${failures.length - 1} more example failures)` : ''}.`,
        {
          hint:
            first?.hint ??
            'Fix the regex or the example; every pattern must match its positives and none of its negatives.',
        },
      );
    }
    user.push(db);
  }
  return user.length === 0 ? builtinDatabase() : mergeDatabases(builtinDatabase(), ...user);
}

/** A scanner over the built-ins and the given pattern files. */
export async function scannerWith(files: readonly string[] = []): Promise<Scanner> {
  return createScanner(await databaseWith(files));
}
