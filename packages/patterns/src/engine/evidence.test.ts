import { describe, expect, it } from 'vitest';
import { createScanner } from '../scanner.js';
import { type Evidence, injectionScore } from './evidence.js';

const sign = (id: string, start: number, end: number, weight = 0.45): Evidence => ({
  id,
  start,
  end,
  weight,
});

describe('the injection score', () => {
  it('combines distinct rules as independent evidence, each rule once at its highest weight', () => {
    expect(injectionScore([])).toBe(0);
    expect(injectionScore([sign('a', 0, 10, 0.9)])).toBe(0.9);
    expect(injectionScore([sign('a', 0, 10, 0.9), sign('a', 40, 50, 0.9)])).toBe(0.9);
    expect(injectionScore([sign('a', 0, 10, 0.9), sign('b', 0, 10, 0.6)])).toBe(0.96);
  });

  it('counts two weak signs when they rest on different words, one when they read the same phrase', () => {
    expect(injectionScore([sign('a', 0, 20), sign('b', 40, 60)])).toBe(0.698);
    expect(injectionScore([sign('a', 0, 20), sign('b', 0, 20)])).toBe(0.45);
    expect(injectionScore([sign('a', 0, 20), sign('b', 4, 22, 0.3)])).toBe(0.45);
    // A short sign inside a long clause is still its own evidence.
    expect(injectionScore([sign('a', 0, 80), sign('b', 30, 46)])).toBe(0.698);
  });

  it('leaves a shared phrase to the rule not seen elsewhere, and keeps decoded findings apart', () => {
    // a is alone at 100-120, so the phrase a and b share counts for b.
    expect(injectionScore([sign('a', 0, 20), sign('b', 0, 20), sign('a', 100, 120)])).toBe(0.698);
    const decoded: Evidence[] = [
      { ...sign('a', 0, 200), decodedFrom: 'base64' },
      { ...sign('b', 0, 200), decodedFrom: 'base64' },
    ];
    expect(injectionScore(decoded)).toBe(0.698);
  });

  it('no longer flags a benign phrase two weak rules both read', () => {
    // "no ethical guidelines" is a no-filters phrase to one rule and a no-rules phrase to another.
    const text = 'In the first chapter the android has no ethical guidelines; by the end it writes its own.';
    const result = createScanner().scan(text, { kinds: ['injection'] });
    expect(result.findings.map((f) => f.id).sort()).toEqual(['no_limits_weak', 'no_restrictions']);
    expect(result.injection.score).toBe(0.45);
    expect(result.injection.flagged).toBe(false);
  });
});
