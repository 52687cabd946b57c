/**
 * The digit-run pass: numeric PII rules (SSNs, cards, national ids) have no literal to anchor on, so
 * runs of digits (through single separators) gate them and place their windows; rows of digits (no
 * separator) gate the rules that need several in a row.
 */
import { isDigitCode } from './char-codes.js';
import type { ViewIndex } from './compile.js';
import { addWindow, type Hits, markSeen } from './hits.js';
import { TRIGGER_WINDOW } from './trigger-table.js';

const WINDOW_BIT = 1 << TRIGGER_WINDOW;
const NEXT_DIGIT = /[0-9]/g;
const NON_DIGIT = /[^0-9]/g;
// ' ', '-', '.', '/', ':' (NaN, past the end, is none of them).
const isRunSeparator = (c: number): boolean => c === 32 || c === 45 || c === 46 || c === 47 || c === 58;
// Digits in one run at most (a longer number is read as consecutive runs).
const MAX_RUN_DIGITS = 41;

const isWordCode = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

// Characters read by hand before the search for the next digit goes native: digits a few characters
// apart (hex, ids, dates) cost a regex call each otherwise, and V8's search wins on longer gaps.
const NEAR = 8;

/** Offset of the first ASCII digit at or after `from`, or -1. */
function nextDigit(text: string, from: number): number {
  const near = Math.min(text.length, from + NEAR);
  for (let i = from; i < near; i++) if (isDigitCode(text.charCodeAt(i))) return i;
  if (near === text.length) return -1;
  NEXT_DIGIT.lastIndex = near;
  return NEXT_DIGIT.test(text) ? NEXT_DIGIT.lastIndex - 1 : -1;
}

// Digits in each group of the run being read (groups are split by single separators).
const groupSizes = new Int32Array(MAX_RUN_DIGITS + 1);

/**
 * Digit counts of whole groups, as 64 bits in two halves: bit n stands for a stretch of whole groups
 * holding n digits. Rules whose matches are whole numbers (see numberDigits) need such a stretch,
 * ending at a group end in the run that triggers them, of a count in their range.
 */
class GroupCounts {
  /** Counts of the stretches that end where the groups read so far end (and start at a valid start). */
  endingLow = 0;
  endingHigh = 0;
  /** Counts of the stretches ending at a valid group end of the current run. */
  low = 0;
  high = 0;

  /** Starts a run: it continues the stretch of digit groups before it, or begins a new one. */
  startRun(continues: boolean): void {
    if (!continues) {
      this.endingLow = 0;
      this.endingHigh = 0;
    }
    this.low = 0;
    this.high = 0;
  }

  /**
   * Adds a group of `size` digits: every stretch ending before it grows by `size`, and the group alone
   * is one when a match may start at it. `ends`: a match may end with it.
   */
  add(size: number, startsHere: boolean, ends: boolean): void {
    let low = this.endingLow;
    let high = this.endingHigh;
    if (size >= 64) {
      low = 0;
      high = 0;
    } else if (size >= 32) {
      high = low << (size - 32);
      low = 0;
    } else {
      high = (high << size) | (low >>> (32 - size));
      low <<= size;
    }
    if (startsHere) {
      if (size < 32) low |= 1 << size;
      else if (size < 64) high |= 1 << (size - 32);
    }
    this.endingLow = low;
    this.endingHigh = high;
    if (ends) {
      this.low |= low;
      this.high |= high;
    }
  }
}

/** Marks the digit-gated rules in `wanted` whose digit runs occur in `text`. */
export function collectDigits(
  view: ViewIndex,
  offset: number,
  text: string,
  hits: Hits,
  small: boolean,
  covered: Int32Array,
  wanted: readonly number[],
): void {
  // Too few digits in the whole text for any rule: no run can qualify. Rows of digits are then left
  // to be read on demand (digitStretchAtLeast), but for texts with at most one digit.
  if (wanted.length === 0 || hits.digits < view.rules[wanted[0]!]!.minDigits) {
    if (hits.digits <= 1) {
      hits.digitStretch = hits.digits;
      hits.stretchFrom = text.length;
    }
    return;
  }
  // Rules still wanting runs, by minDigits; one leaves once triggered (small text) or whole-text.
  // Rules needing more digits than the whole text holds never trigger: leaving them out lets the
  // pass stop as soon as the others have.
  let feasible = 0;
  while (feasible < wanted.length && view.rules[wanted[feasible]!]!.minDigits <= hits.digits) feasible++;
  const active = wanted.slice(0, feasible);
  // Active rules that may take a continued run: when none is left, such runs are skipped at once.
  // Active rules for whole numbers: when none is left, digit groups need no counting.
  let open = 0;
  let wholeNumbers = 0;
  for (const r of active) {
    if (!view.rules[r]!.digitStart) open++;
    if (view.rules[r]!.digitCounts !== undefined) wholeNumbers++;
  }
  const n = text.length;
  const counts = new GroupCounts();
  let stoppedAtCap = false;
  // Longest row of digits without a separator, measured on the way (see digitStretchAtLeast).
  let longestRow = 0;
  let row = 0;
  let i = 0;
  while (i < n && active.length > 0) {
    // The next digit, then its run read by hand: `\d(?:[ \-./:]?\d){0,40}`.
    const start = nextDigit(text, i);
    if (start < 0) {
      i = n;
      break;
    }
    // A run that starts where the last one stopped at its cap continues that one's row.
    const resumed = start === i && start > 0;
    row = resumed ? row + 1 : 1;
    let digits = 1;
    let end = start + 1;
    let continued = false;
    let groups = 0;
    let group = 1;
    while (digits < MAX_RUN_DIGITS && end < n) {
      const c = text.charCodeAt(end);
      if (isDigitCode(c)) {
        end++;
        row++;
        group++;
      } else if (isRunSeparator(c) && isDigitCode(text.charCodeAt(end + 1))) {
        end += 2;
        if (row > longestRow) longestRow = row;
        row = 1;
        groupSizes[groups++] = group;
        group = 1;
      } else break;
      digits++;
    }
    groupSizes[groups++] = group;
    const before = start > 0 ? text.charCodeAt(start - 1) : 32;
    if (digits === end - start && isWordCode(before)) {
      // A run of bare digits right after a letter or digit (a long number cut in chunks, an id like
      // "ab123") cannot hold the start of a rule whose match must begin a digit run after a non-word
      // character; the rest of its stretch of digits is such runs too, so it is read as one (their
      // windows would merge anyway) by V8's native search: a flood of digits costs one search.
      // The run stopped at a non-digit unless it stopped at its cap: then the stretch goes on.
      let stretchEnd = end;
      if (isDigitCode(text.charCodeAt(end))) {
        NON_DIGIT.lastIndex = end;
        stretchEnd = NON_DIGIT.test(text) ? NON_DIGIT.lastIndex - 1 : n;
      }
      row += stretchEnd - end;
      end = stretchEnd;
      digits = end - start;
      continued = true;
      groupSizes[0] = digits;
    }
    if (row > longestRow) longestRow = row;
    // A run goes on the stretch of groups before it when that one stopped at the cap: in the middle of
    // a group (then it finishes that group), or before a separator.
    const continues = stoppedAtCap && (resumed || (start === i + 1 && isRunSeparator(text.charCodeAt(i))));
    if (wholeNumbers > 0) {
      counts.startRun(continues);
      const endsRun = !isWordCode(text.charCodeAt(end));
      for (let g = 0; g < groups; g++) {
        const ends = g < groups - 1 || endsRun;
        if (g === 0 && resumed) counts.add(groupSizes[0]!, false, ends);
        else counts.add(groupSizes[g]!, g > 0 || continues || !isWordCode(before), ends);
      }
    }
    stoppedAtCap = digits >= MAX_RUN_DIGITS;
    i = end;
    // The digits a rule may need here: a run that goes on a stretch may complete a longer number.
    const reach = continues ? MAX_RUN_DIGITS : digits;
    if (reach < view.rules[active[0]!]!.minDigits) continue;
    if (continued && open === 0 && !continues) continue;
    let done = 0;
    for (let k = 0; k < active.length; k++) {
      const r = active[k]!;
      const rule = view.rules[r]!;
      if (reach < rule.minDigits) break; // sorted by minDigits
      // A rule for whole numbers needs a stretch of whole groups of its size to end in this run (which
      // may finish one begun before the cap); other digit-run rules cannot start in a continued run.
      const need = rule.digitCounts;
      if (need !== undefined) {
        if ((counts.low & need.low) === 0 && (counts.high & need.high) === 0) continue;
      } else if (continued && rule.digitStart) continue;
      const slot = offset + r;
      markSeen(hits, slot, WINDOW_BIT);
      if (small) {
        active[k] = -1;
        done++;
      } else if (end + rule.radius > covered[slot]!) {
        const we = Math.min(text.length, end + 2 * rule.radius);
        covered[slot] = we;
        addWindow(hits, slot, Math.max(0, start - rule.radius), we, n, covered);
        if (covered[slot]! > text.length) {
          active[k] = -1;
          done++;
        }
      }
    }
    if (done > 0) {
      let w = 0;
      open = 0;
      wholeNumbers = 0;
      for (const r of active) {
        if (r < 0) continue;
        active[w++] = r;
        if (!view.rules[r]!.digitStart) open++;
        if (view.rules[r]!.digitCounts !== undefined) wholeNumbers++;
      }
      active.length = w;
    }
  }
  hits.digitStretch = Math.max(hits.digitStretch, longestRow);
  // Stopped early: the rest (from the last run's end) is read on demand.
  hits.stretchFrom = i;
}

/** Digits in a row ending right before `end`. */
function digitsBefore(text: string, end: number): number {
  let i = end;
  while (i > 0 && isDigitCode(text.charCodeAt(i - 1))) i--;
  return end - i;
}

/**
 * True when `text` holds `need` ASCII digits in a row. The digit-run pass measures rows while it
 * reads runs; when it stopped early (every rule it gates had triggered), the rest of the text is read
 * here, row by row with V8's native search, and only as far as a row that long.
 */
export function digitStretchAtLeast(hits: Hits, need: number, text: string): boolean {
  const n = text.length;
  let best = hits.digitStretch;
  let i = hits.stretchFrom;
  while (best < need && i < n) {
    const start = nextDigit(text, i);
    if (start < 0) {
      i = n;
      break;
    }
    NON_DIGIT.lastIndex = start;
    const end = NON_DIGIT.test(text) ? NON_DIGIT.lastIndex - 1 : n;
    // A row the pass stopped inside continues from before `stretchFrom`.
    const row = end - start + (start === hits.stretchFrom ? digitsBefore(text, start) : 0);
    if (row > best) best = row;
    i = end;
  }
  hits.digitStretch = best;
  hits.stretchFrom = i;
  return need <= best;
}
