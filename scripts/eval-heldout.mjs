#!/usr/bin/env node
// How the injection rules carry over to attacks nobody tuned them on: the held-out sets the project wrote
// on 2026-11-28 (packages/patterns/eval/heldout-2026-11-28.jsonl), each before looking at what the engine
// made of it. Sets 1-7 then had rules written against their misses; no rule that was kept was written
// against sets 8-11 (8-10 shaped two tries that were reverted, see the README), so they, and sets written
// later, measure the general case. Prints attacks and benign prompts flagged, per set and in all.
// Usage: npm run eval:heldout   (builds packages/patterns first)
import { readFileSync } from 'node:fs';
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
const UNTUNED_FROM = 8;
const bySet = tallyLabelled(rows, flagged, (row) => row.set);
const untuned = tallyLabelled(
  rows.filter((row) => row.set >= UNTUNED_FROM),
  flagged,
  () => '8-11',
);
const all = tallyLabelled(rows, flagged, () => 'all');

const pct = (n, d) => `${((100 * n) / d).toFixed(0)}%`.padStart(4);
const line = (name, t, note = '') =>
  `${name.padStart(4)} ${`${t.caught}/${t.attacks}`.padStart(6)} ${pct(t.caught, t.attacks)}     ${`${t.flagged}/${t.benign}`.padStart(6)} ${pct(t.flagged, t.benign)}${note}`;
console.log(' set attacks flagged       benign flagged');
for (const [set, t] of Object.entries(bySet).sort((a, b) => Number(a[0]) - Number(b[0])))
  console.log(line(set, t, Number(set) >= UNTUNED_FROM ? '  (no kept rule written against it)' : ''));
console.log(line('8-11', untuned['8-11']));
console.log(line('all', all.all));
