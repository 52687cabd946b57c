import { describe, expect, it } from 'vitest';
import { builtinDatabase } from '../builtin.js';
import table from '../data/regex-analysis.json' with { type: 'json' };
import { flagsOf } from '../database.js';
import {
  ANALYSIS_VERSION,
  analysisKey,
  computeAnalysis,
  loadAnalysis,
  regexAnalysis,
  storeAnalysis,
} from './analysis.js';
import { expandMacros } from './macros.js';
import { parseRegexSource } from './regex-ast.js';

const REGENERATE = 'npx tsc -b packages/patterns && node packages/patterns/scripts/regex-analysis.mjs';

describe('stored regex analysis', () => {
  it('holds a fresh analysis of every shipped regex (else run the generator)', () => {
    expect(table.version, REGENERATE).toBe(ANALYSIS_VERSION);
    const entries = table.entries as Record<string, unknown>;
    // Rules on the text as sent are gated by nothing: their analysis is computed, not stored.
    for (const def of builtinDatabase().patterns.filter((p) => p.view === undefined)) {
      const source = expandMacros(def.regex);
      const flags = flagsOf(def);
      const fresh = storeAnalysis(computeAnalysis(source, flags, parseRegexSource(source)));
      expect(entries[analysisKey(source, flags)], `${def.id}: ${REGENERATE}`).toEqual(fresh);
    }
  });

  it('computes regexes it has not stored, and keys by source and flags', () => {
    const a = regexAnalysis('\\bzebra (?:crossing|stripes)\\b', 'gi', () =>
      parseRegexSource('\\bzebra (?:crossing|stripes)\\b'),
    );
    // Kept as the compiler uses them: cut to eight characters.
    expect(a.anchors.literals).toEqual(['zebra cr', 'zebra st']);
    expect(analysisKey('abc', 'g')).not.toBe(analysisKey('abc', 'gi'));
    expect(analysisKey('abc', 'g')).not.toBe(analysisKey('abd', 'g'));
    // The key is the source itself: two sources of the same length never share an entry.
    expect(analysisKey('a(b)', 'g')).not.toBe(analysisKey('a(c)', 'g'));
  });

  it('stores an unbounded lookaround and reads it back as unbounded (JSON has no Infinity)', () => {
    const source = 'instructions(?! to [a-z]+)';
    const fresh = computeAnalysis(source, 'gi', parseRegexSource(source));
    expect(fresh.anchors.lookaround).toBe(Number.POSITIVE_INFINITY);
    const roundTrip = loadAnalysis(JSON.parse(JSON.stringify(storeAnalysis(fresh))));
    expect(roundTrip.anchors.lookaround).toBe(Number.POSITIVE_INFINITY);
    expect(roundTrip).toEqual(fresh);
  });

  it('survives a regex the parser rejects (no anchors, unbounded reach)', () => {
    const a = regexAnalysis('(?<name>x)\\k<name>y', 'g', () => undefined);
    expect(a.minDigitRun).toBe(0);
    expect(a.digitStartOnly).toBe(false);
  });
});
