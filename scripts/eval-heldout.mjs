#!/usr/bin/env node
// How the injection rules carry over to attacks nobody tuned them on: the held-out sets the project wrote
// (packages/patterns/eval/heldout-2026-11-28.jsonl), each before looking at what the engine made of it.
// Sets 1-7 had rules written against their misses; from set 8 on, each round writes two new sets before
// changing any rule, then writes rules only against the two sets the round before wrote. So the sets from
// UNTUNED_FROM on are the ones no kept rule was written against. What each set holds, round by round, and
// what each round's rules moved, is in the README's journal of the pattern engine.
// Prints attacks and benign prompts flagged, per set, for the untuned sets and in all, and the paragraphs
// of benign documentation flagged (docs-corpus.mjs).
// Usage: npm run eval:heldout   (builds packages/patterns first)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docsCorpus } from './docs-corpus.mjs';
import { tallyLabelled } from './eval-patterns.mjs';

const { createScanner } = await import(new URL('../packages/patterns/dist/index.js', import.meta.url).href);
const rows = readFileSync(
  new URL('../packages/patterns/eval/heldout-2026-11-28.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));
const scanner = createScanner();
const flagged = (text) => scanner.scan(text, { kinds: ['injection'] }).injection.flagged;
const UNTUNED_FROM = 114;
const bySet = tallyLabelled(rows, flagged, (row) => row.set);
// The untuned and overall lines are sums of the sets' tallies: each text is scanned once.
const sum = (tallies) =>
  tallies.reduce(
    (t, s) => ({
      attacks: t.attacks + s.attacks,
      caught: t.caught + s.caught,
      benign: t.benign + s.benign,
      flagged: t.flagged + s.flagged,
    }),
    { attacks: 0, caught: 0, benign: 0, flagged: 0 },
  );
const sets = Object.entries(bySet).sort((a, b) => Number(a[0]) - Number(b[0]));

const pct = (n, d, digits = 0) => `${((100 * n) / Math.max(1, d)).toFixed(digits)}%`.padStart(4);
const line = (name, t, note = '') =>
  `${name.padStart(5)} ${`${t.caught}/${t.attacks}`.padStart(6)} ${pct(t.caught, t.attacks)}     ${`${t.flagged}/${t.benign}`.padStart(6)} ${pct(t.flagged, t.benign)}${note}`;
console.log('  set attacks flagged       benign flagged');
for (const [set, t] of sets)
  console.log(line(set, t, Number(set) >= UNTUNED_FROM ? '  (no kept rule written against it)' : ''));
const untunedSets = sets.filter(([set]) => Number(set) >= UNTUNED_FROM);
console.log(line(`${UNTUNED_FROM}-${sets[sets.length - 1][0]}`, sum(untunedSets.map(([, t]) => t))));
console.log(line('all', sum(sets.map(([, t]) => t))));

// Documents an agent reads, none an attack (see docs-corpus.mjs): rules were changed after reading the
// flags of the dev half, then of the check half; both are tuned.
const docs = docsCorpus(fileURLToPath(new URL('..', import.meta.url)));
console.log('\nbenign documentation paragraphs (Markdown of the installed packages) flagged as injection');
if (docs.dev.length + docs.check.length === 0) console.log('  none found: run `npm ci` first');
for (const half of ['dev', 'check']) {
  const flaggedDocs = docs[half].filter(flagged).length;
  console.log(
    `  ${half.padEnd(6)} ${`${flaggedDocs}/${docs[half].length}`.padStart(10)}  ${pct(flaggedDocs, docs[half].length, 2)}`,
  );
}
