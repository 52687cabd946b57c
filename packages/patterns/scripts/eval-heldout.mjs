#!/usr/bin/env node
// How the injection rules carry over to attacks nobody tuned them on: the held-out sets the project wrote
// on 2026-11-28 (eval/heldout-2026-11-28.jsonl), each before looking at what the engine made of it.
// Sets 1-7 then had rules written against their misses; no rule that was kept was written against sets
// 8-11 (8-10 shaped two tries that were reverted, see the README), so they, and sets written later,
// measure the general case. Prints attacks flagged and benign prompts flagged, per set and in all.
// Usage (from the repository root): npx tsc -b packages/patterns && node packages/patterns/scripts/eval-heldout.mjs
import { readFileSync } from 'node:fs';

const { createScanner } = await import(new URL('../dist/index.js', import.meta.url).href);
const rows = readFileSync(new URL('../eval/heldout-2026-11-28.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));
const scanner = createScanner();
const sets = new Map();
for (const row of rows) {
  const tally = sets.get(row.set) ?? { attacks: 0, caught: 0, benign: 0, flagged: 0 };
  const flagged = scanner.scan(row.text, { kinds: ['injection'] }).injection.flagged;
  if (row.label === 1) {
    tally.attacks++;
    if (flagged) tally.caught++;
  } else {
    tally.benign++;
    if (flagged) tally.flagged++;
  }
  sets.set(row.set, tally);
}
const pct = (n, d) => `${((100 * n) / d).toFixed(0)}%`.padStart(4);
const all = { attacks: 0, caught: 0, benign: 0, flagged: 0 };
const untuned = { attacks: 0, caught: 0, benign: 0, flagged: 0 };
console.log('set  attacks flagged       benign flagged');
for (const [set, t] of [...sets].sort((a, b) => a[0] - b[0])) {
  for (const k of Object.keys(all)) {
    all[k] += t[k];
    if (set >= 8) untuned[k] += t[k];
  }
  const tuned = set >= 8 ? '  (no kept rule written against it)' : '';
  console.log(
    `${String(set).padStart(3)}  ${`${t.caught}/${t.attacks}`.padStart(6)} ${pct(t.caught, t.attacks)}     ${`${t.flagged}/${t.benign}`.padStart(6)} ${pct(t.flagged, t.benign)}${tuned}`,
  );
}
for (const [name, t] of [
  ['8-11', untuned],
  ['all', all],
])
  console.log(
    `${name.padStart(4)} ${`${t.caught}/${t.attacks}`.padStart(6)} ${pct(t.caught, t.attacks)}     ${`${t.flagged}/${t.benign}`.padStart(6)} ${pct(t.flagged, t.benign)}`,
  );
