import { describe, expect, it } from 'vitest';
import { placeIssues } from './issues-by-line.js';

describe('placeIssues', () => {
  it('groups issues by line and keeps unlocated ones apart', () => {
    const placed = placeIssues(
      [
        { message: 'a', location: { line: 3, column: 1 } },
        { message: 'b', location: { line: 3, column: 5 } },
        { message: 'c' },
        { message: 'd', location: { line: 0, column: 0 } },
      ],
      10,
    );
    expect([...placed.byLine.entries()].map(([l, i]) => [l, i.map((x) => x.message)])).toEqual([
      [3, ['a', 'b']],
    ]);
    expect(placed.general.map((x) => x.message)).toEqual(['c', 'd']);
  });

  it('moves a line past the end of the text to the last line', () => {
    const placed = placeIssues([{ message: 'eof', location: { line: 40, column: 1 } }], 5);
    expect(placed.byLine.get(5)?.[0]?.message).toBe('eof');
  });
});
