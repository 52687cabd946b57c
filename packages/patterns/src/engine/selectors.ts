/**
 * Bytes hidden in a run of Unicode variation selectors after a character ("emoji smuggling"): a real
 * emoji or ideograph takes one selector, where each selector of such a run carries one byte (VS1-VS16,
 * U+FE00-U+FE0F, for 0-15; VS17-VS256, U+E0100-U+E01EF, for 16-255). Normalising drops selectors as
 * invisible, so the runs are read from the text as sent and decoded for the scanner to read again.
 */
import type { DecipheredSegment, DecodeBudget } from './ciphers.js';
import { utf8Decode } from './codec.js';
import { isReadable } from './decode.js';

const SELECTOR_RUN = /(?:[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]){4,}/g;
// A flood of runs costs a few decodes, not one each.
const MAX_RUNS = 16;

/** The bytes a run of selectors carries (a supplementary selector is two UTF-16 units). */
function selectorBytes(run: string): Uint8Array {
  const bytes = new Uint8Array(run.length);
  let n = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    bytes[n++] = c === 0xdb40 ? run.charCodeAt(++i) - 0xdd00 + 16 : c - 0xfe00;
  }
  return bytes.subarray(0, n);
}

/** Runs of variation selectors in `source` whose bytes read as text (valid UTF-8, readable). */
export function selectorSegments(source: string, budget: DecodeBudget): DecipheredSegment[] {
  const out: DecipheredSegment[] = [];
  SELECTOR_RUN.lastIndex = 0;
  for (
    let m = SELECTOR_RUN.exec(source);
    m !== null && budget.left > 0 && out.length < MAX_RUNS;
    m = SELECTOR_RUN.exec(source)
  ) {
    budget.left -= m[0].length;
    const text = utf8Decode(selectorBytes(m[0]));
    if (text !== undefined && isReadable(text))
      out.push({ start: m.index, end: m.index + m[0].length, text, from: 'selectors' });
  }
  return out;
}
