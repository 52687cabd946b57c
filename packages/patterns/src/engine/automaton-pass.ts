/**
 * The automaton pass: one walk of the Aho-Corasick table of ASCII literals over a view (and a second,
 * of the other literals' table, over a view that holds other characters) that records, per rule, which
 * of its literal sets occurred, where its matches can start and which windows its regex needs, and
 * measures the text's runs and shapes (letters and digits, token characters, digits, separator marks,
 * one-letter words, MAC-like spacing) on the way.
 */
import { type Automaton, enterState } from './aho-corasick.js';
import { MAX_ANCHOR } from './anchors.js';
import type { CompiledDatabase } from './compile.js';
import { addStart, addWindow, type Hits, markSeen, mergeWindows, WHOLE } from './hits.js';
import { otherAutomatonOf, TRIGGER_START, TRIGGER_WINDOW } from './trigger-table.js';

// Characters of the base64 (and so hex) alphabet, for the encoded-run check inside the automaton pass.
const BASE64_CHAR = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    if (/[A-Za-z0-9+/_-]/.test(ch)) t[c] = 1;
  }
  return t;
})();
const ENCODED_RUN = 16;
// Digits in eight hex pairs of text (see EncodingHints.hexPairs).
const HEX_PAIR_DIGITS = 8;

// Per automaton: its columns for ASCII (bits 0-8) with flags for a base64 character (bit 15), a letter
// or digit (bit 14), a digit (bit 13), a separator mark (bit 12), a space (bit 11), ':' or '-' (bit 10)
// and '.' (bit 9): one small table in the hot loop.
const asciiTables = new WeakMap<object, Uint16Array>();
function asciiColumns(a: { readonly columns: Uint16Array }): Uint16Array {
  let t = asciiTables.get(a);
  if (t === undefined) {
    t = new Uint16Array(128);
    for (let c = 0; c < 128; c++) {
      const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      const digit = c >= 48 && c <= 57;
      const mark = '-=*#_~'.includes(String.fromCharCode(c));
      t[c] =
        a.columns[c]! |
        (BASE64_CHAR[c] === 1 ? 0x8000 : 0) |
        (alnum ? 0x4000 : 0) |
        (digit ? 0x2000 : 0) |
        (mark ? 0x1000 : 0) |
        (c === 32 ? 0x800 : 0) |
        (c === 58 || c === 45 ? 0x400 : 0) |
        (c === 46 ? 0x200 : 0);
    }
    asciiTables.set(a, t);
  }
  return t;
}

/**
 * Handles the literals that end at `end` (of `n`) in automaton state `to`. `pass` is the small-text pass
 * number (see `startPass`). Plain arguments, not an object: this runs at every hit of short texts.
 */
function literalsAt(
  db: CompiledDatabase,
  automaton: Automaton,
  hits: Hits,
  small: boolean,
  mask: Uint8Array,
  n: number,
  pass: number,
  to: number,
  end: number,
): void {
  const { triggerStart, triggers, radius, covered, literalDone, positional, literalLength } = db.table;
  const { outputStart, outputs } = automaton;
  for (let k = outputStart[to]!, ke = outputStart[to + 1]!; k < ke; k++) {
    const lit = outputs[k]!;
    if (small) {
      if (positional[lit] === 0) {
        if (literalDone[lit] === -pass) continue;
        literalDone[lit] = -pass;
      }
    } else if (end <= literalDone[lit]!) continue; // every rule of this literal is covered here
    let done = n + 1;
    for (let t = triggerStart[lit]!, te = triggerStart[lit + 1]!; t < te; t++) {
      const code = triggers[t]!;
      const slot = code >> 2;
      if (mask[slot] === 0) continue;
      const kind = code & 3;
      markSeen(hits, slot, 1 << kind);
      if (kind === TRIGGER_START) {
        addStart(hits, slot, end - literalLength[lit]!);
        // Every later start counts too, until the rule has fallen back to the whole text.
        if (!small && hits.windows[slot] !== WHOLE) done = 0;
        continue;
      }
      if (kind !== TRIGGER_WINDOW || small) continue;
      const r = radius[slot]!;
      if (end + r > covered[slot]!) {
        // Over-extend by one radius so the next hits of this rule fall inside without any work.
        const we = Math.min(n, end + 2 * r);
        covered[slot] = we;
        addWindow(hits, slot, Math.max(0, end - MAX_ANCHOR - r), we, n, covered);
      }
      done = Math.min(done, covered[slot]! - r);
    }
    if (!small) {
      // A literal's position goes from none to some at most once a pass: windows only ever grow
      // towards a whole-text run within one. The overflow check keeps a missed reset impossible.
      if (done > 0 && literalDone[lit]! <= 0) {
        const count = db.table.doneCount[0]!;
        if (count < db.table.doneLiterals.length) db.table.doneLiterals[count] = lit;
        db.table.doneCount[0] = count + 1;
      }
      literalDone[lit] = done;
    }
  }
}

/**
 * Starts a pass. Small texts need each literal once (no windows): a pass number marks literals already
 * handled. Large texts track, per literal, the position up to which its rules' windows already reach.
 * Literals that record match starts are handled at every occurrence, on a large text until each of
 * their rules has fallen back to a whole-text run.
 */
function startPass(db: CompiledDatabase, small: boolean): number {
  if (!small) {
    // Only the literals the last large pass gave a position: a fill of the whole array wrote 25 KB for
    // every text over SMALL characters, twice with leetspeak. (Marks of small passes are negative: they
    // never skip a hit.)
    const { literalDone, doneLiterals, doneCount } = db.table;
    const count = doneCount[0]!;
    if (count > doneLiterals.length) literalDone.fill(0);
    else for (let k = 0; k < count; k++) literalDone[doneLiterals[k]!] = 0;
    doneCount[0] = 0;
    return 0;
  }
  const pass = (db.table.pass[0]! % 0x3fffffff) + 1;
  db.table.pass[0] = pass;
  return pass;
}

/**
 * A pass that only records triggers, for a second view of a text (the leet-folded one) whose shapes
 * the first pass has measured: it holds no more digits than the first, and the letters it folded from
 * digits can only loosen the letters gate of PII and secret rules, never close it wrongly.
 *
 * With `changed` (start and end of each stretch where this view differs from the one the first pass
 * read with the same mask), only the literals that overlap a changed stretch are looked for: every
 * other occurrence is one the first pass has recorded already.
 */
export function collectTriggers(
  db: CompiledDatabase,
  text: string,
  hits: Hits,
  small: boolean,
  mask: Uint8Array,
  changed?: readonly number[],
): void {
  const pass = startPass(db, small);
  walkStretches(db, db.table.automaton, text, hits, small, mask, pass, changed);
  // Folding changes only ASCII: this view holds other characters where the first pass's did.
  if (db.table.otherIds.length > 0 && hits.otherScripts)
    walkStretches(db, otherAutomatonOf(db.table), text, hits, small, mask, pass, changed);
}

/**
 * Walks `automaton` over `text` (or, with `changed`, over the stretches around each change), recording
 * the triggers in `mask`. On a large text, the windows these slots already have are set aside: this walk
 * adds its own in order from the start of the text (windows are merged as they come, which needs them in
 * order), then both join.
 */
function walkStretches(
  db: CompiledDatabase,
  automaton: Automaton,
  text: string,
  hits: Hits,
  small: boolean,
  mask: Uint8Array,
  pass: number,
  changed: readonly number[] | undefined,
): void {
  const n = text.length;
  if (small) {
    walkTriggers(db, automaton, text, hits, small, mask, pass, 0, n);
    return;
  }
  const stretches = changed ?? [0, n];
  const { covered, slots } = db.table;
  const earlier = hits.windows.slice(0, slots);
  for (let slot = 0; slot < slots; slot++)
    if (mask[slot] === 1) {
      hits.windows[slot] = undefined;
      covered[slot] = 0;
    }
  // A literal overlapping [s, e) starts after s - longest and ends before e + longest.
  const reach = db.table.maxLiteral - 1;
  for (let k = 0; k < stretches.length; ) {
    const from = Math.max(0, stretches[k]! - reach);
    let to = Math.min(n, stretches[k + 1]! + reach);
    // Stretches closer than a literal's reach are walked as one.
    for (k += 2; k < stretches.length && stretches[k]! - reach <= to; k += 2)
      to = Math.min(n, stretches[k + 1]! + reach);
    walkTriggers(db, automaton, text, hits, small, mask, pass, from, to);
  }
  for (let slot = 0; slot < slots; slot++)
    if (mask[slot] === 1) hits.windows[slot] = mergeWindows(earlier[slot], hits.windows[slot]);
}

/** Walks `automaton` over text[from, to), from the start state, recording the triggers in `mask`. */
function walkTriggers(
  db: CompiledDatabase,
  automaton: Automaton,
  text: string,
  hits: Hits,
  small: boolean,
  mask: Uint8Array,
  pass: number,
  from: number,
  to: number,
): void {
  const { columns, delta, width } = automaton;
  const n = text.length;
  let state = 0;
  for (let i = from; i < to; i++) {
    const cell = state * width + columns[text.charCodeAt(i)]!;
    let next = delta[cell]!;
    if (next < 0) {
      next = -next;
      enterState(automaton, cell, next);
      literalsAt(db, automaton, hits, small, mask, n, pass, next, i + 1);
    }
    state = next;
  }
}

/** One automaton pass over `text`, keeping triggers of the slots in `mask`; returns the encoding bits. */
export function collect(
  db: CompiledDatabase,
  text: string,
  hits: Hits,
  small: boolean,
  mask: Uint8Array,
): number {
  const pass = startPass(db, small);
  const { automaton } = db.table;
  const { columns, delta, width } = automaton;
  const n = text.length;
  const ascii = asciiColumns(automaton);
  let state = 0;
  let run = 0;
  let alnum = 0;
  let longest = 0;
  let longestRun = 0;
  let digits = 0;
  let alnums = 0;
  let marks = 0;
  let markRun = 0;
  let spaced = 0;
  let spacedWords = 0;
  let every3 = 0;
  let lastSeparator = -8;
  let hexPairSeparators = 0;
  let every5 = 0;
  let lastDot = -8;
  let hexQuadDots = 0;
  let other = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let col: number;
    if (c < 128) {
      const v = ascii[c]!;
      col = v & 0x1ff;
      // Run lengths kept with masks rather than branches: whether a character continues a run is
      // unpredictable in text, and each misprediction costs more than this arithmetic.
      const isAlnum = (v >> 14) & 1;
      // A space right after a one-character word extends the run of such words; letters and digits
      // keep it; anything else ends it.
      const bump = (v >> 11) & 1 & (((alnum ^ 1) - 1) >>> 31);
      spaced = (spaced + bump) & (0 - (isAlnum | bump));
      if (spaced > spacedWords) spacedWords = spaced;
      alnum = (alnum + 1) & (0 - isAlnum);
      alnums += isAlnum;
      if (alnum > longest) longest = alnum;
      marks = (marks + 1) & (0 - ((v >> 12) & 1));
      if (marks > markRun) markRun = marks;
      if ((v & 0x600) !== 0) {
        // MAC address shapes: ':' or '-' every third character, '.' every fifth.
        if ((v & 0x400) !== 0) {
          every3 = i - lastSeparator === 3 ? every3 + 1 : 1;
          lastSeparator = i;
          if (every3 > hexPairSeparators) hexPairSeparators = every3;
        } else {
          every5 = i - lastDot === 5 ? every5 + 1 : 1;
          lastDot = i;
          if (every5 > hexQuadDots) hexQuadDots = every5;
        }
      }
      run = (run + 1) & (0 - (v >>> 15));
      if (run > longestRun) longestRun = run;
      digits += (v >> 13) & 1;
    } else {
      col = columns[c]!;
      other = 1;
      run = 0;
      alnum = 0;
      marks = 0;
      spaced = 0;
    }
    const cell = state * width + col;
    let to = delta[cell]!;
    if (to < 0) {
      to = -to;
      enterState(automaton, cell, to);
      literalsAt(db, automaton, hits, small, mask, n, pass, to, i + 1);
    }
    state = to;
  }
  // The literals of other scripts, for a text that holds characters outside ASCII.
  hits.otherScripts = other === 1;
  if (hits.otherScripts && db.table.otherIds.length > 0)
    walkStretches(db, otherAutomatonOf(db.table), text, hits, small, mask, pass, undefined);
  hits.longestAlnum = Math.max(hits.longestAlnum, longest);
  hits.longestToken = Math.max(hits.longestToken, longestRun);
  hits.digits = Math.max(hits.digits, digits);
  hits.letters = Math.max(hits.letters, alnums - digits);
  hits.markRun = Math.max(hits.markRun, markRun);
  hits.spacedWords = Math.max(hits.spacedWords, spacedWords);
  hits.hexPairSeparators = Math.max(hits.hexPairSeparators, hexPairSeparators);
  hits.hexQuadDots = Math.max(hits.hexQuadDots, hexQuadDots);
  return (
    (longestRun >= ENCODED_RUN ? 1 : 0) |
    (text.includes('%') || text.includes('&') || text.includes('\\') ? 2 : 0) |
    (digits >= HEX_PAIR_DIGITS ? 4 : 0)
  );
}
