import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mdCell } from './markdown-escape.js';

// GFM splits a table row at every pipe not escaped by a backslash, and `\\` is an escaped backslash:
// a pipe is inside the cell only when an odd number of backslashes precede it.
function unescapedPipes(cell: string): number {
  let count = 0;
  for (const match of cell.matchAll(/(\\*)\|/g)) if ((match[1] ?? '').length % 2 === 0) count++;
  return count;
}

describe('mdCell', () => {
  it('keeps a backslash before a pipe from ending the cell (agent output cannot inject markdown or HTML)', () => {
    const evil = 'a\\|<img src=x onerror=alert(1)>|[x](javascript:alert(1))';
    expect(unescapedPipes(mdCell(evil))).toBe(0);
    expect(unescapedPipes(mdCell('\\\\\\|x|'))).toBe(0);
  });

  it('never leaves an unescaped pipe, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('\\', '|', '`', 'a', ' ', '<') }), (text) => {
        expect(unescapedPipes(mdCell(text))).toBe(0);
      }),
    );
  });
});
