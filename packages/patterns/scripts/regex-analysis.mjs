#!/usr/bin/env node
// Regenerates src/data/regex-analysis.json, the compiler's analysis of every shipped pattern's regex, and
// src/data/context-forms.json, the normalised forms of their non-ASCII context words: so a fresh process
// compiles the built-in database without deriving anchors or building the normaliser's Unicode tables.
// Usage (from the repository root): npx tsc -b packages/patterns && node packages/patterns/scripts/regex-analysis.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/', import.meta.url);
const { builtinDatabase } = await import(new URL('builtin.js', dist).href);
const { flagsOf, parsePatternDatabase } = await import(new URL('database.js', dist).href);
const { expandMacros } = await import(new URL('engine/macros.js', dist).href);
const { freshContextForm, needsStoredForm } = await import(new URL('engine/context-forms.js', dist).href);
const { parseRegexSource } = await import(new URL('engine/regex-ast.js', dist).href);
const { ANALYSIS_VERSION, analysisKey, computeAnalysis, storeAnalysis } = await import(
  new URL('engine/analysis.js', dist).href
);

const entries = {};
// Rules on the text as sent (view: source) are gated by nothing, so their analysis is not worth storing
// (and their literals can be lone surrogates, which some JSON readers reject).
for (const def of parsePatternDatabase(builtinDatabase()).patterns.filter((p) => p.view === undefined)) {
  const source = expandMacros(def.regex);
  const flags = flagsOf(def);
  entries[analysisKey(source, flags)] = storeAnalysis(
    computeAnalysis(source, flags, parseRegexSource(source)),
  );
}
const out = fileURLToPath(new URL('../src/data/regex-analysis.json', import.meta.url));
writeFileSync(out, `${JSON.stringify({ version: ANALYSIS_VERSION, entries })}\n`);
console.log(`${Object.keys(entries).length} analyses -> ${out}`);

const forms = {};
for (const def of parsePatternDatabase(builtinDatabase()).patterns)
  for (const word of def.context ?? []) if (needsStoredForm(word)) forms[word] = freshContextForm(word);
const formsOut = fileURLToPath(new URL('../src/data/context-forms.json', import.meta.url));
writeFileSync(formsOut, `${JSON.stringify(forms, Object.keys(forms).sort(), 2)}\n`);
console.log(`${Object.keys(forms).length} context forms -> ${formsOut}`);
