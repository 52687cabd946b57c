import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Candidate, dedupeByRule, resolveOverlaps, strongerFirst } from './overlaps.js';

const severities = ['low', 'medium', 'high', 'critical'] as const;
const candidate = fc
  .record({
    id: fc.constantFrom('email', 'phone', 'us_ssn', 'credit_card'),
    severity: fc.constantFrom(...severities),
    start: fc.integer({ min: 0, max: 60 }),
    length: fc.integer({ min: 0, max: 20 }),
    validated: fc.boolean(),
    confidence: fc.constantFrom(0.5, 0.6, 0.95, 1),
  })
  .map(({ length, ...c }): Candidate => ({ ...c, end: c.start + length }));

/** The choice spelled out: best first, a finding kept when none of its characters is already taken. */
function referenceResolve(findings: readonly Candidate[]): Candidate[] {
  const ranked = [...findings].sort(strongerFirst);
  const taken = new Set<number>();
  const kept: Candidate[] = [];
  for (const f of ranked) {
    let free = true;
    for (let i = f.start; i < f.end; i++) if (taken.has(i)) free = false;
    if (!free) continue;
    for (let i = f.start; i < Math.max(f.start + 1, f.end); i++) taken.add(i);
    kept.push(f);
  }
  return kept;
}

/** Per rule, spans starting before the furthest end kept so far (in start order) are dropped. */
function referenceDedupe(findings: readonly Candidate[]): Candidate[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  for (const f of sorted) {
    const reach = Math.max(Number.NEGATIVE_INFINITY, ...out.filter((k) => k.id === f.id).map((k) => k.end));
    if (f.start < reach) continue;
    out.push(f);
  }
  return out;
}

const byOffsets = (xs: readonly Candidate[]): Candidate[] =>
  [...xs].sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));

describe('overlapping findings', () => {
  it('keep the best of each span, for a handful of findings and for many', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 40 }), (findings) => {
        expect(resolveOverlaps([...findings])).toEqual(referenceResolve(findings));
      }),
      { numRuns: 1500 },
    );
  });

  it('keep one finding per rule and span, whatever the order they came in', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 40 }), (findings) => {
        expect(byOffsets(dedupeByRule([...findings]))).toEqual(byOffsets(referenceDedupe(findings)));
      }),
      { numRuns: 1500 },
    );
  });

  it('keep a finding of an empty span and drop one inside a kept span', () => {
    const at = (start: number, end: number, confidence: number): Candidate => ({
      id: 'phone',
      severity: 'medium',
      start,
      end,
      validated: false,
      confidence,
    });
    const kept = resolveOverlaps([at(0, 10, 1), at(5, 5, 0.9), at(3, 6, 0.8), at(10, 12, 0.7)]);
    expect(kept.map((f) => [f.start, f.end])).toEqual([
      [0, 10],
      [5, 5],
      [10, 12],
    ]);
  });
});
