/**
 * Runs a compiled database over one normalised text: one Aho-Corasick pass finds every anchor of every
 * view (plain, leet-folded, ROT13), digit runs gate the numeric PII rules, and each triggered regex runs
 * only on merged windows around its own hits. Windows of one rule never overlap, so a rule's regex
 * reads each character at most once per start position it tries: time stays linear in the input.
 */
import { rot13 } from './codec.js';
import {
  type CompiledDatabase,
  type CompiledRule,
  MAX_ANCHOR,
  TRIGGER_START,
  TRIGGER_WINDOW,
  type ViewIndex,
} from './compile.js';
import type { NormalizedText } from './normalize.js';
import type { TextShapes } from './prechecks.js';

/** A raw regex match of one rule, in normalised-text offsets. */
export interface RawMatch {
  readonly rule: CompiledRule;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** Which views to run. */
export interface ExecuteRequest {
  readonly injection: boolean;
  readonly pii: boolean;
  readonly secret: boolean;
  /** Also look for injection hidden by ROT13 (needs `injection`). */
  readonly rot13: boolean;
}

/** Raw matches per view. */
export interface ExecuteResult {
  readonly injection: RawMatch[];
  readonly rot13: RawMatch[];
  readonly data: RawMatch[];
  /** Bit 1: a run of 16+ base64/hex characters; bit 2: a '%'. Zero: no encoded segment is possible. */
  readonly maybeEncoded: number;
}

// Up to this length a triggered regex runs over the whole text: windows would cost more than they save.
const SMALL = 256;
// Caps the matches one rule can report on one text (a 1 MB input repeating one attack). PII and secrets
// keep a high cap because redaction must mask every one; an injection rule's 256th hit adds nothing.
const MAX_MATCHES_PER_RULE = 5000;
const MAX_INJECTION_MATCHES_PER_RULE = 256;
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

interface Hits extends TextShapes {
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
  /** See TextShapes. */
  markRun: number;
  spacedWords: number;
  hexPairSeparators: number;
  hexQuadDots: number;
}

// Beyond this many recorded starts a rule runs over the whole text (a flood of one trigger word).
const MAX_STARTS = 1024;
const WINDOW_BIT = 1 << TRIGGER_WINDOW;

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
const WHOLE: number[] = [];

function addWindow(
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
    count >= DENSE_MIN_WINDOWS &&
    (count * DENSE_GAP >= n || (count % DENSE_MIN_WINDOWS === 0 && mostlyCovered(list)))
  ) {
    hits.windows[slot] = WHOLE;
    covered[slot] = n + 1;
  }
}

function markSeen(hits: Hits, slot: number, bit: number): void {
  const seen = hits.seen[slot]!;
  if (seen === 0) hits.touched[slot >> 5]! |= 1 << (slot & 31);
  hits.seen[slot] = seen | bit;
}

/** Records a possible match start of a slot's rule; past MAX_STARTS the rule runs on the whole text. */
function addStart(hits: Hits, slot: number, start: number): void {
  const count = hits.startCount[slot]!;
  let list = hits.starts[slot]!;
  if (count === list.length) {
    if (count >= MAX_STARTS) {
      hits.windows[slot] = WHOLE;
      return;
    }
    const grown = new Int32Array(count * 2);
    grown.set(list);
    hits.starts[slot] = list = grown;
  }
  list[count] = start;
  hits.startCount[slot] = count + 1;
}

/** One automaton pass over `text`, keeping triggers of the slots in `mask`; returns the encoding bits. */
function collect(db: CompiledDatabase, text: string, hits: Hits, small: boolean, mask: Uint8Array): number {
  const { automaton, triggerStart, triggers, radius, covered, literalDone, positional, literalLength } =
    db.table;
  const { columns, delta, width, outputStart, outputs } = automaton;
  const { seen, touched } = hits;
  const n = text.length;
  // Small texts need each literal once (no windows): a pass number marks literals already handled.
  // Large texts track, per literal, the position up to which its rules' windows already reach.
  // Literals that record match starts are handled at every occurrence, on a large text until each of
  // their rules has fallen back to a whole-text run.
  let pass = 0;
  if (small) {
    pass = (db.table.pass[0]! % 0x3fffffff) + 1;
    db.table.pass[0] = pass;
  }
  if (!small) literalDone.fill(0);
  const ascii = asciiColumns(automaton);
  let state = 0;
  let run = 0;
  let alnum = 0;
  let longest = 0;
  let longestRun = 0;
  let digits = 0;
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
      run = 0;
      alnum = 0;
      marks = 0;
      spaced = 0;
    }
    let to = delta[state * width + col]!;
    if (to < 0) {
      to = -to;
      const end = i + 1;
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
          const was = seen[slot]!;
          if (was === 0) touched[slot >> 5]! |= 1 << (slot & 31);
          seen[slot] = was | (1 << kind);
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
        if (!small) literalDone[lit] = done;
      }
    }
    state = to;
  }
  hits.longestAlnum = Math.max(hits.longestAlnum, longest);
  hits.longestToken = Math.max(hits.longestToken, longestRun);
  // A second pass (the leet-folded view) holds no more digits than the first.
  hits.digits = Math.max(hits.digits, digits);
  hits.markRun = Math.max(hits.markRun, markRun);
  hits.spacedWords = Math.max(hits.spacedWords, spacedWords);
  hits.hexPairSeparators = Math.max(hits.hexPairSeparators, hexPairSeparators);
  hits.hexQuadDots = Math.max(hits.hexQuadDots, hexQuadDots);
  return (longestRun >= ENCODED_RUN ? 1 : 0) | (text.includes('%') ? 2 : 0);
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const NEXT_DIGIT = /[0-9]/g;
// ' ', '-', '.', '/', ':' (NaN, past the end, is none of them).
const isRunSeparator = (c: number): boolean => c === 32 || c === 45 || c === 46 || c === 47 || c === 58;
// Digits in one run at most (a longer number is read as consecutive runs).
const MAX_RUN_DIGITS = 41;

const isWordCode = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

function collectDigits(
  view: ViewIndex,
  offset: number,
  text: string,
  hits: Hits,
  small: boolean,
  covered: Int32Array,
  wanted: readonly number[],
): void {
  // Too few digits in the whole text for any rule: no run can qualify.
  if (wanted.length === 0 || hits.digits < view.rules[wanted[0]!]!.minDigits) return;
  // Rules still wanting runs, by minDigits; one leaves once triggered (small text) or whole-text.
  const active = wanted.slice();
  // Active rules that may take a continued run: when none is left, such runs are skipped at once.
  let open = 0;
  for (const r of active) if (!view.rules[r]!.digitStart) open++;
  const n = text.length;
  for (let i = 0; i < n && active.length > 0; ) {
    // The next digit, found by V8's native search (a loop over every character here costs several
    // times more), then its run read by hand: `\d(?:[ \-./:]?\d){0,40}`.
    NEXT_DIGIT.lastIndex = i;
    if (!NEXT_DIGIT.test(text)) break;
    const start = NEXT_DIGIT.lastIndex - 1;
    let digits = 1;
    let end = start + 1;
    while (digits < MAX_RUN_DIGITS && end < n) {
      const c = text.charCodeAt(end);
      if (isDigitCode(c)) end++;
      else if (isRunSeparator(c) && isDigitCode(text.charCodeAt(end + 1))) end += 2;
      else break;
      digits++;
    }
    i = end;
    const length = end - start;
    if (length < view.rules[active[0]!]!.minDigits) continue;
    // A run of bare digits right after a letter or digit (a long number cut in chunks, an id like
    // "ab123") cannot hold the start of a rule whose match must begin a digit run after a non-word.
    const before = start > 0 ? text.charCodeAt(start - 1) : 32;
    const continued = digits === length && isWordCode(before);
    if (continued && open === 0) continue;
    let done = 0;
    for (let k = 0; k < active.length; k++) {
      const r = active[k]!;
      const rule = view.rules[r]!;
      if (digits < rule.minDigits) break; // sorted by minDigits
      if (continued && rule.digitStart) continue;
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
      for (const r of active) {
        if (r < 0) continue;
        active[w++] = r;
        if (!view.rules[r]!.digitStart) open++;
      }
      active.length = w;
    }
  }
}

/** Pushes one regex match (or its chosen group); false when the match adds nothing (empty, no group). */
function pushMatch(rule: CompiledRule, m: RegExpExecArray, offset: number, out: RawMatch[]): boolean {
  if (m[0].length === 0) return false;
  const g = rule.def.group;
  let start = m.index;
  let value = m[0];
  if (g !== undefined && g > 0) {
    const part = m[g];
    if (part === undefined) return false;
    // Without the `d` flag, locate the group inside the match; groups are chosen to be unambiguous.
    const at = m[0].lastIndexOf(part);
    start = m.index + Math.max(0, at);
    value = part;
  }
  out.push({ rule, start: offset + start, end: offset + start + value.length, value });
  return true;
}

const capOf = (rule: CompiledRule): number =>
  rule.def.kind === 'injection' ? MAX_INJECTION_MATCHES_PER_RULE : MAX_MATCHES_PER_RULE;

// Each rule's regex with the sticky flag for the global one, made on first use: most rules never need it
// in a process, and compiling the database stays cheap.
const stickyRegexes = new WeakMap<CompiledRule, RegExp>();
function stickyOf(rule: CompiledRule): RegExp {
  let re = stickyRegexes.get(rule);
  if (re === undefined) {
    re = new RegExp(rule.regex.source, rule.regex.flags.replace('g', 'y'));
    stickyRegexes.set(rule, re);
  }
  return re;
}

/**
 * Runs a rule's sticky regex at each recorded start, in order, skipping starts inside a match: the
 * same matches a global search finds, since every match begins at one of these starts.
 */
function runAtStarts(
  rule: CompiledRule,
  text: string,
  shapes: TextShapes,
  starts: Int32Array,
  out: RawMatch[],
): void {
  if (rule.precheck !== undefined && !rule.precheck(text, shapes)) return;
  const re = stickyOf(rule);
  const cap = capOf(rule);
  // Hits arrive by end position; starts of literals of different lengths can come out of order.
  for (let i = 1; i < starts.length; i++) {
    if (starts[i]! < starts[i - 1]!) {
      starts.sort();
      break;
    }
  }
  let reach = 0;
  let count = 0;
  for (let i = 0; i < starts.length && count < cap; i++) {
    const at = starts[i]!;
    if (at < reach) continue;
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) continue;
    reach = at + Math.max(1, m[0].length);
    if (pushMatch(rule, m, 0, out)) count++;
  }
}

function runRule(
  rule: CompiledRule,
  text: string,
  shapes: TextShapes,
  windows: readonly number[] | undefined,
  out: RawMatch[],
): void {
  if (rule.precheck !== undefined && !rule.precheck(text, shapes)) return;
  const re = rule.regex;
  const cap = capOf(rule);
  let count = 0;
  const spans = windows === undefined || windows === WHOLE ? [0, text.length] : windows;
  for (let w = 0; w < spans.length && count < cap; w += 2) {
    const ws = spans[w]!;
    const we = spans[w + 1]!;
    const sub = ws === 0 && we === text.length ? text : text.slice(ws, we);
    re.lastIndex = 0;
    for (let m = re.exec(sub); m !== null && count < cap; m = re.exec(sub)) {
      if (m[0].length === 0) re.lastIndex++;
      else if (pushMatch(rule, m, ws, out)) count++;
    }
  }
}

/** Runs one triggered rule where its hits say it can match: at recorded starts or in windows. */
function runTriggered(
  rule: CompiledRule,
  text: string,
  hits: Hits,
  slot: number,
  small: boolean,
  out: RawMatch[],
): void {
  const windows = small ? undefined : hits.windows[slot];
  const count = hits.startCount[slot]!;
  if (count > 0 && windows !== WHOLE)
    runAtStarts(rule, text, hits, hits.starts[slot]!.subarray(0, count), out);
  else runRule(rule, text, hits, windows, out);
}

/** Runs the requested views of `db` over `norm`. */
export function executeDatabase(
  db: CompiledDatabase,
  norm: NormalizedText,
  req: ExecuteRequest,
): ExecuteResult {
  const { dataOffset, rot13Offset, slots, masks, required } = db.table;
  const small = norm.text.length <= SMALL;
  if (!small) db.table.covered.fill(0);
  const hits: Hits = {
    seen: db.table.seen,
    starts: db.table.starts,
    startCount: db.table.startCount,
    windows: small ? [] : new Array<number[] | undefined>(slots),
    touched: db.table.touched,
    longestAlnum: 0,
    longestToken: 0,
    digits: 0,
    markRun: 0,
    spacedWords: 0,
    hexPairSeparators: 0,
    hexQuadDots: 0,
  };
  const folded = norm.folded !== norm.lower;
  const dataBits = (req.pii ? 2 : 0) | (req.secret ? 4 : 0);
  const bits = (req.injection && !folded ? 1 : 0) | dataBits | (req.injection && req.rot13 ? 8 : 0);
  const maybeEncoded = collect(db, norm.lower, hits, small, masks[bits]!);
  if (req.injection && folded) collect(db, norm.folded, hits, small, masks[1]!);
  const dataMask = masks[dataBits]!;
  if (dataBits !== 0) {
    const wanted = db.table.digitRules[dataBits]!;
    collectDigits(db.data, dataOffset, norm.text, hits, small, db.table.covered, wanted);
  }

  const result: ExecuteResult = { injection: [], rot13: [], data: [], maybeEncoded };
  let rotated: string | undefined;
  // Database order (the bitmap's), so that ties between overlapping findings resolve the same way on
  // every text. Each slot's scratch state is reset once its rule has run.
  const words = hits.touched;
  for (let w = 0; w < words.length; w++) {
    let bits = words[w]!;
    if (bits === 0) continue;
    words[w] = 0;
    while (bits !== 0) {
      const low = bits & -bits;
      bits ^= low;
      const slot = (w << 5) + 31 - Math.clz32(low);
      const need = required[slot]!;
      // A rule runs only when every gate set occurred.
      if ((hits.seen[slot]! & need) === need) {
        if (slot < dataOffset) {
          runTriggered(db.injection.rules[slot]!, norm.folded, hits, slot, small, result.injection);
        } else if (slot < rot13Offset) {
          const rule = db.data.rules[slot - dataOffset]!;
          // No run of letters and digits (or token characters) as long as every match needs.
          if (rule.alnumRun <= hits.longestAlnum && rule.tokenRun <= hits.longestToken)
            runTriggered(rule, norm.text, hits, slot, small, result.data);
        } else {
          const rule = db.injection.rules[slot - rot13Offset]!;
          rotated ??= rot13(norm.lower);
          runRule(rule, rotated, hits, small ? undefined : hits.windows[slot], result.rot13);
        }
      }
      hits.seen[slot] = 0;
      hits.startCount[slot] = 0;
    }
  }
  if (req.injection)
    for (const r of db.injection.alwaysRules)
      runRule(db.injection.rules[r]!, norm.folded, hits, undefined, result.injection);
  for (const r of db.data.alwaysRules) {
    const rule = db.data.rules[r]!;
    if (
      dataMask[dataOffset + r] === 1 &&
      rule.alnumRun <= hits.longestAlnum &&
      rule.tokenRun <= hits.longestToken
    )
      runRule(rule, norm.text, hits, undefined, result.data);
  }
  return result;
}
