/**
 * The scratch state of one scan: which rules' literals occurred (and which kinds of them), where their
 * matches can start, the windows their regexes need, and the shapes of the text the automaton pass
 * measured. It lives in the compiled database's preallocated arrays; scans never interleave.
 */
import type { CompiledDatabase } from './compile.js';
import type { TextShapes } from './prechecks.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Per-scan state filled by the automaton and digit-run passes and read when rules run. */
export interface Hits extends Mutable<TextShapes> {
  /** Per slot: trigger kinds seen (bits 1 << kind). */
  readonly seen: Uint8Array;
  /** Per slot: possible match starts from leading literals (see CompiledRule.leading)... */
  readonly starts: Int32Array[];
  /** ...of which the first this many are this scan's. */
  readonly startCount: Int32Array;
  /** Per slot, merged windows as flat [start, end, start, end...]; unused for small texts. */
  readonly windows: (number[] | undefined)[];
  /** Bit per slot: seen at all this scan (a bitmap, read back in slot order without sorting). */
  readonly touched: Int32Array;
  /** Longest run of ASCII letters and digits seen by the automaton pass. */
  longestAlnum: number;
  /** Longest run of base64-alphabet (token) characters. */
  longestToken: number;
  /** ASCII digits in the text. */
  digits: number;
  /** ASCII letters in the text. */
  letters: number;
  /** Longest row of ASCII digits (no separators) in the text up to `stretchFrom`... */
  digitStretch: number;
  /** ...from where the rest is still to be read (see digitStretchAtLeast). */
  stretchFrom: number;
  /** The view the automaton pass read holds characters outside ASCII (see TriggerTable.otherLiterals). */
  otherScripts: boolean;
}

/** Fresh scan state over the database's scratch arrays (small texts keep no windows). */
export function newHits(db: CompiledDatabase, small: boolean): Hits {
  const { seen, starts, startCount, touched, slots } = db.table;
  if (!small) db.table.covered.fill(0);
  return {
    seen,
    starts,
    startCount,
    windows: small ? [] : new Array<number[] | undefined>(slots),
    touched,
    longestAlnum: 0,
    longestToken: 0,
    digits: 0,
    letters: 0,
    digitStretch: 0,
    stretchFrom: 0,
    otherScripts: false,
    markRun: 0,
    spacedWords: 0,
    hexPairSeparators: 0,
    hexQuadDots: 0,
  };
}

/** True when the text has runs (and letters) as long as every match of a rule with these minimums needs. */
export const hasRuns = (
  hits: Hits,
  rule: { readonly alnumRun: number; readonly tokenRun: number; readonly letters: number },
): boolean =>
  rule.alnumRun <= hits.longestAlnum && rule.tokenRun <= hits.longestToken && rule.letters <= hits.letters;

// Past a density of recorded starts a rule runs over the whole text once instead (a flood of one
// trigger word). A failed sticky run costs 0.2-0.5 us; a global search 8-12 ns a character for an
// injection rule's alternations, far less where V8 can skip to a literal: one start per 64 characters
// sits between the two break-even points. Measured on a megabyte of every rule's examples (some
// rules get 14,000 starts, where a flat limit of 1,024 had sent 73 rules over the whole megabyte each:
// 660 -> 330 ms) and the mix ("ignore" every 48 characters: 54.7 -> 49.6 ms against one per 32).
// Read once MIN_STARTS are in; at most MAX_STARTS, since a slot's starts stay allocated for the next
// scans.
const MIN_STARTS = 1024;
const MAX_STARTS = 65_536;
const CHARS_PER_START = 64;
// A rule whose windows come this densely (one per this many characters or closer) runs over the whole
// text instead: one regex pass costs less than thousands of tiny ones.
const DENSE_GAP = 128;
const DENSE_MIN_WINDOWS = 64;
/** Windows covering over half the text read so far: one whole-text pass will be cheaper. */
function mostlyCovered(list: readonly number[]): boolean {
  let covered = 0;
  for (let i = 0; i < list.length; i += 2) covered += list[i + 1]! - list[i]!;
  return covered * 2 >= list[list.length - 1]!;
}

/** Sentinel window list: run the rule over the whole text. */
export const WHOLE: number[] = [];

/** Adds a window for a slot, merging it with the last one; dense windows become one whole-text run. */
export function addWindow(
  hits: Hits,
  slot: number,
  start: number,
  end: number,
  n: number,
  covered: Int32Array,
): void {
  const list = hits.windows[slot];
  if (list === undefined) {
    hits.windows[slot] = [start, end];
    return;
  }
  if (list === WHOLE) return;
  const last = list.length - 1;
  if (start <= list[last]!) {
    if (end > list[last]!) list[last] = end;
    if (start < list[last - 1]!) list[last - 1] = Math.max(start, list[last - 3] ?? 0);
  } else list.push(start, end);
  const count = list.length / 2;
  if (
    // One window grown over half the text by hits merging into it (a flood of digit runs), or many.
    list[list.length - 1]! - list[list.length - 2]! > n >> 1 ||
    (count >= DENSE_MIN_WINDOWS &&
      (count * DENSE_GAP >= n || (count % DENSE_MIN_WINDOWS === 0 && mostlyCovered(list))))
  ) {
    hits.windows[slot] = WHOLE;
    covered[slot] = n + 1;
  }
}

/** Two slots' window lists merged into one, in order and without overlaps (WHOLE wins). */
export function mergeWindows(a: number[] | undefined, b: number[] | undefined): number[] | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a === WHOLE || b === WHOLE) return WHOLE;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const fromA = j >= b.length || (i < a.length && a[i]! <= b[j]!);
    const start = fromA ? a[i]! : b[j]!;
    const end = fromA ? a[i + 1]! : b[j + 1]!;
    if (fromA) i += 2;
    else j += 2;
    if (out.length > 0 && start <= out[out.length - 1]!)
      out[out.length - 1] = Math.max(out[out.length - 1]!, end);
    else out.push(start, end);
  }
  return out;
}

/** Marks a trigger kind of a slot as seen. */
export function markSeen(hits: Hits, slot: number, bit: number): void {
  const seen = hits.seen[slot]!;
  if (seen === 0) hits.touched[slot >> 5]! |= 1 << (slot & 31);
  hits.seen[slot] = seen | bit;
}

/** Records a possible match start of a slot's rule; past their density limit the rule runs on the whole text. */
export function addStart(hits: Hits, slot: number, start: number): void {
  const count = hits.startCount[slot]!;
  // Read at each power of two, whatever size an earlier scan left the slot's list at.
  if (count >= MIN_STARTS && (count & (count - 1)) === 0) {
    if (hits.windows[slot] === WHOLE) return;
    if (count * CHARS_PER_START > start || count >= MAX_STARTS) {
      hits.windows[slot] = WHOLE;
      return;
    }
  }
  let list = hits.starts[slot]!;
  if (count === list.length) {
    const grown = new Int32Array(count * 2);
    grown.set(list);
    hits.starts[slot] = list = grown;
  }
  list[count] = start;
  hits.startCount[slot] = count + 1;
}
