/** `flakestorm patterns`: the detection patterns per kind and category, and how their rules run. */
import {
  builtinDatabase,
  databaseStats,
  patternKinds,
  type RunMode,
  ruleRunModes,
  runModes,
} from '@flakestorm/patterns';
import { ExitCode } from '../exit-codes.js';
import { databaseWith } from './pattern-files.js';

/** `flakestorm patterns`: how many detection patterns exist per kind and category, and how they run. */
export async function patternsCommand(options: { json: boolean; patterns?: string[] }): Promise<number> {
  const db = await databaseWith(options.patterns);
  const stats = databaseStats(db);
  const modes = ruleRunModes(db);
  const runs = Object.fromEntries(runModes.map((m) => [m, modes.filter((r) => r.runs === m).length]));
  const onEveryText = modes.filter((r) => r.runs === 'on-every-text').map((r) => r.id);
  const tooManyStarts = modes.flatMap((r) =>
    r.tooManyStarts === undefined ? [] : [{ id: r.id, strings: r.tooManyStarts.strings }],
  );
  if (options.json) {
    const { compileMs: _ms, ...rest } = stats;
    process.stdout.write(`${JSON.stringify({ ...rest, runs, onEveryText, tooManyStarts }, null, 2)}\n`);
    return ExitCode.passed;
  }
  const lines = [`pattern database ${stats.version}: ${stats.total} patterns`];
  for (const kind of patternKinds) {
    lines.push(`  ${kind} ${stats.byKind[kind] ?? 0}`);
    const categories = Object.entries(stats.byKindAndCategory[kind] ?? {}).sort((a, b) => b[1] - a[1]);
    for (const [category, n] of categories) lines.push(`    ${category.padEnd(28)} ${n}`);
  }
  lines.push('how the rules run');
  for (const mode of runModes) lines.push(`    ${RUN_MODE_WORDS[mode].padEnd(60)} ${runs[mode]}`);
  // A pattern author's rule that has to run over every text costs every scan: worth a word.
  const builtin = new Map(builtinDatabase().patterns.map((p) => [p.id, p.regex]));
  for (const [i, rule] of modes.entries()) {
    // ruleRunModes keeps the database's order: a rule the built-ins hold unchanged is not the user's.
    if (builtin.get(rule.id) === db.patterns[i]?.regex) continue;
    if (rule.tooManyStarts !== undefined)
      lines.push(
        `note: pattern '${rule.id}' can start with ${rule.tooManyStarts.strings} different strings, over the ${rule.tooManyStarts.limit} the engine tries a rule at, so it runs ${rule.runs === 'on-every-text' ? 'on nearly every text' : 'in windows around its words'} instead. Fewer alternatives at the front of its regex would let it run only where one of them occurs.`,
      );
    else if (rule.runs === 'on-every-text')
      lines.push(
        `note: pattern '${rule.id}' runs on nearly every text: no word, run of digits or long token is in every match. If its matches share a fixed word, write it into the regex as text (or list it in "literals").`,
      );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.passed;
}

const RUN_MODE_WORDS: Readonly<Record<RunMode, string>> = {
  'at-starts': 'tried where a string their matches start with occurs',
  'in-windows': 'run in windows around a word every match holds',
  'on-digit-runs': 'run around runs of digits',
  'after-shape-check': 'run on texts holding a shape every match has',
  'on-every-text': 'run on nearly every text',
  'on-non-ascii-text': 'run on the text as sent, when it holds non-ASCII characters',
};
