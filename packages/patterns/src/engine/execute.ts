/**
 * Runs a compiled database over one normalised text: one Aho-Corasick pass finds every anchor of every
 * view (plain, leet-folded, ROT13), digit runs gate the numeric PII rules, and each triggered regex runs
 * only on merged windows around its own hits. Windows of one rule never overlap, so a rule's regex
 * reads each character at most once per start position it tries: time stays linear in the input.
 */
import { rot13 } from './codec.js';
import type { CompiledDatabase, CompiledRule, ViewIndex } from './compile.js';
import type { NormalizedText } from './normalize.js';

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
  readonly data: boolean;
  /** Also look for injection hidden by ROT13 (needs `injection`). */
  readonly rot13: boolean;
}

/** Raw matches per view. */
export interface ExecuteResult {
  readonly injection: RawMatch[];
  readonly rot13: RawMatch[];
  readonly data: RawMatch[];
  /** The text has a run of 16+ base64/hex characters or a '%': worth looking for encoded segments. */
  readonly maybeEncoded: boolean;
}

// Up to this length a triggered regex runs over the whole text: windows would cost more than they save.
const SMALL = 1024;
// Caps the matches one rule can report on one text (a 1 MB input repeating one attack).
const MAX_MATCHES_PER_RULE = 5000;
const DIGIT_RUN = /\d(?:[ \-./:]?\d){0,40}/g;
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

interface Hits {
  readonly primary: Uint8Array;
  readonly also: Uint8Array;
  /** Per slot, merged windows as flat [start, end, start, end...]; unused for small texts. */
  readonly windows: (number[] | undefined)[];
  readonly touched: number[];
}

function addWindow(hits: Hits, slot: number, start: number, end: number): void {
  const list = hits.windows[slot];
  if (list === undefined) {
    hits.windows[slot] = [start, end];
    return;
  }
  const last = list.length - 1;
  if (start <= list[last]!) {
    if (end > list[last]!) list[last] = end;
    if (start < list[last - 1]!) list[last - 1] = Math.max(start, list[last - 3] ?? 0);
  } else list.push(start, end);
}

/** One automaton pass over `text`, keeping triggers of the slots in `mask`; true if a long base64 run or '%' was seen. */
function collect(db: CompiledDatabase, text: string, hits: Hits, small: boolean, mask: Uint8Array): boolean {
  const { automaton, triggerStart, triggers, literalLength, dataOffset, rot13Offset } = db.table;
  const { columns, delta, width, outputStart, outputs } = automaton;
  const n = text.length;
  let row = 0;
  let run = 0;
  let encoded = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && BASE64_CHAR[c] === 1) {
      if (++run >= ENCODED_RUN) encoded = true;
    } else {
      run = 0;
      if (c === 37) encoded = true;
    }
    let to = delta[row + columns[c]!]!;
    if (to < 0) {
      to = -to;
      const state = to / width;
      for (let k = outputStart[state]!, ke = outputStart[state + 1]!; k < ke; k++) {
        const lit = outputs[k]!;
        for (let t = triggerStart[lit]!, te = triggerStart[lit + 1]!; t < te; t++) {
          const code = triggers[t]!;
          const slot = code >> 1;
          if (mask[slot] === 0) continue;
          if ((code & 1) === 1) {
            hits.also[slot] = 1;
            continue;
          }
          if (hits.primary[slot] === 0) {
            hits.primary[slot] = 1;
            hits.touched.push(slot);
          }
          if (!small) {
            const rule =
              slot < dataOffset
                ? db.injection.rules[slot]!
                : slot < rot13Offset
                  ? db.data.rules[slot - dataOffset]!
                  : db.injection.rules[slot - rot13Offset]!;
            const end = i + 1;
            addWindow(
              hits,
              slot,
              Math.max(0, end - literalLength[lit]! - rule.radius),
              Math.min(n, end + rule.radius),
            );
          }
        }
      }
    }
    row = to;
  }
  return encoded;
}

function collectDigits(view: ViewIndex, offset: number, text: string, hits: Hits, small: boolean): void {
  if (view.digitRules.length === 0) return;
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m !== null; m = DIGIT_RUN.exec(text)) {
    const run = m[0];
    if (run.length < view.minDigits) continue;
    let digits = 0;
    for (let i = 0; i < run.length; i++) {
      const c = run.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
    }
    for (const r of view.digitRules) {
      const rule = view.rules[r]!;
      if (digits < rule.minDigits) continue;
      const slot = offset + r;
      if (hits.primary[slot] === 0) {
        hits.primary[slot] = 1;
        hits.touched.push(slot);
      }
      if (!small) {
        const s = Math.max(0, m.index - rule.radius);
        addWindow(hits, slot, s, Math.min(text.length, m.index + run.length + rule.radius));
      }
    }
  }
}

function runRule(
  rule: CompiledRule,
  text: string,
  windows: readonly number[] | undefined,
  out: RawMatch[],
): void {
  const re = rule.regex;
  const g = rule.def.group;
  let count = 0;
  const spans = windows ?? [0, text.length];
  for (let w = 0; w < spans.length && count < MAX_MATCHES_PER_RULE; w += 2) {
    const ws = spans[w]!;
    const we = spans[w + 1]!;
    const sub = ws === 0 && we === text.length ? text : text.slice(ws, we);
    re.lastIndex = 0;
    for (let m = re.exec(sub); m !== null && count < MAX_MATCHES_PER_RULE; m = re.exec(sub)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      let start = m.index;
      let value = m[0];
      if (g !== undefined && g > 0) {
        const part = m[g];
        if (part === undefined) continue;
        // Without the `d` flag, locate the group inside the match; groups are chosen to be unambiguous.
        const at = m[0].lastIndexOf(part);
        start = m.index + Math.max(0, at);
        value = part;
      }
      out.push({ rule, start: ws + start, end: ws + start + value.length, value });
      count++;
    }
  }
}

/** Runs the requested views of `db` over `norm`. */
export function executeDatabase(
  db: CompiledDatabase,
  norm: NormalizedText,
  req: ExecuteRequest,
): ExecuteResult {
  const { dataOffset, rot13Offset, slots, masks } = db.table;
  const small = norm.text.length <= SMALL;
  db.table.primary.fill(0);
  db.table.also.fill(0);
  const hits: Hits = {
    primary: db.table.primary,
    also: db.table.also,
    windows: small ? [] : new Array<number[] | undefined>(slots),
    touched: [],
  };
  const folded = norm.folded !== norm.lower;
  const bits = (req.injection && !folded ? 1 : 0) | (req.data ? 2 : 0) | (req.injection && req.rot13 ? 4 : 0);
  const maybeEncoded = collect(db, norm.lower, hits, small, masks[bits]!);
  if (req.injection && folded) collect(db, norm.folded, hits, small, masks[1]!);
  if (req.data) collectDigits(db.data, dataOffset, norm.text, hits, small);

  const result: ExecuteResult = { injection: [], rot13: [], data: [], maybeEncoded };
  let rotated: string | undefined;
  for (const slot of hits.touched) {
    const windows = small ? undefined : hits.windows[slot];
    if (slot < dataOffset) {
      const rule = db.injection.rules[slot]!;
      if (rule.also.length === 0 || hits.also[slot] === 1)
        runRule(rule, norm.folded, windows, result.injection);
    } else if (slot < rot13Offset) {
      const rule = db.data.rules[slot - dataOffset]!;
      if (rule.also.length === 0 || hits.also[slot] === 1) runRule(rule, norm.text, windows, result.data);
    } else {
      const rule = db.injection.rules[slot - rot13Offset]!;
      if (rule.also.length > 0 && hits.also[slot] === 0) continue;
      rotated ??= rot13(norm.lower);
      runRule(rule, rotated, windows, result.rot13);
    }
  }
  if (req.injection)
    for (const r of db.injection.alwaysRules)
      runRule(db.injection.rules[r]!, norm.folded, undefined, result.injection);
  if (req.data)
    for (const r of db.data.alwaysRules) runRule(db.data.rules[r]!, norm.text, undefined, result.data);
  return result;
}
