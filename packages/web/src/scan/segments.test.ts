import { describe, expect, it } from 'vitest';
import { toSegments } from './segments.js';

describe('toSegments', () => {
  it('covers the text exactly and marks overlapping findings', () => {
    const text = 'abcdefghij';
    const a = { id: 'a', start: 2, end: 6 };
    const b = { id: 'b', start: 4, end: 8 };
    const segments = toSegments(text, [a, b]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.map((s) => [s.text, s.covering.map((f) => f.id).join('')])).toEqual([
      ['ab', ''],
      ['cd', 'a'],
      ['ef', 'ab'],
      ['gh', 'b'],
      ['ij', ''],
    ]);
  });

  it('clamps out-of-range offsets and drops empty or inverted findings', () => {
    const segments = toSegments('hello', [
      { start: -5, end: 2 },
      { start: 3, end: 99 },
      { start: 4, end: 4 },
      { start: 4, end: 1 },
      { start: Number.NaN, end: 1 },
    ]);
    expect(segments.map((s) => [s.text, s.covering.length])).toEqual([
      ['h', 2],
      ['e', 1],
      ['l', 0],
      ['lo', 1],
    ]);
  });

  it('handles empty text', () => {
    expect(toSegments('', [{ start: 0, end: 3 }])).toEqual([]);
  });
});
