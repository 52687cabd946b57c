import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson.js';

describe('wilsonInterval', () => {
  it('matches published 95% intervals', () => {
    const half = wilsonInterval(5, 10);
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    const all = wilsonInterval(10, 10);
    expect(all.low).toBeCloseTo(0.7225, 4);
    expect(all.high).toBe(1);
    const one = wilsonInterval(1, 1);
    expect(one.low).toBeCloseTo(0.2065, 4);
  });

  it('narrows as trials grow and honours z', () => {
    const small = wilsonInterval(50, 100);
    const large = wilsonInterval(5000, 10000);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    const z99 = wilsonInterval(50, 100, 2.576);
    expect(z99.high - z99.low).toBeGreaterThan(small.high - small.low);
  });

  it('returns the whole range for no trials and clamps bad counts', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
    expect(wilsonInterval(3, -1)).toEqual({ low: 0, high: 1 });
    expect(wilsonInterval(12, 10).high).toBe(1);
    expect(wilsonInterval(-2, 10).low).toBe(0);
  });
});
