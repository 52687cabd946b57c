/**
 * Runs the rules of one view over a normalised text: prefilter, then each triggered regex on bounded
 * windows around its hits, so the cost of a regex depends on the window, never on the whole input.
 */
import type { CompiledRule, ViewIndex } from './compile.js';

/** A raw regex match of one rule, in normalised-text offsets. */
export interface RawMatch {
  readonly rule: CompiledRule;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

// Below this size a regex simply runs over the whole text: windows would cost more than they save.
const SMALL = 4096;
// Caps the matches one rule can report on one text (a 1 MB input repeating one attack).
const MAX_MATCHES_PER_RULE = 5000;
// Caps the characters one rule's regex examines on one text. Dense trigger words in a huge input would
// otherwise make every rule scan all of it; past this budget a rule stops (a documented recall trade-off
// on multi-hundred-kilobyte inputs, in exchange for bounded time on adversarial ones).
const MAX_CHARS_PER_RULE = 131_072;
const DIGIT_RUN = /\d(?:[ \-./:]?\d){0,40}/g;

type Window = [number, number];

function mergeWindows(points: readonly Window[]): Window[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  const out: Window[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else out.push([w[0], w[1]]);
  }
  return out;
}

/** Runs `view` over `text` (rule regexes) using `lower` for the literal prefilter. */
export function executeView(view: ViewIndex, text: string, lower: string): RawMatch[] {
  const small = text.length <= SMALL;
  const hits = new Map<number, Window[] | null>(); // rule index -> windows (null: whole text)
  if (view.prefilter) {
    const re = view.prefilter;
    re.lastIndex = 0;
    for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
      const rules = view.byLiteral.get(m[0]) ?? [];
      for (const r of rules) {
        if (small) hits.set(r, null);
        else {
          const list = hits.get(r) ?? [];
          const w = view.rules[r]!.window;
          if (list.length < 100_000)
            list.push([Math.max(0, m.index - w), Math.min(text.length, m.index + m[0].length + w)]);
          hits.set(r, list);
        }
      }
      re.lastIndex = m.index + 1; // overlapping literals ("act as" / "as if") both count
    }
  }
  if (view.digitRules.length > 0) {
    DIGIT_RUN.lastIndex = 0;
    for (let m = DIGIT_RUN.exec(text); m !== null; m = DIGIT_RUN.exec(text)) {
      let digits = 0;
      for (let i = 0; i < m[0].length; i++)
        if (m[0].charCodeAt(i) <= 57 && m[0].charCodeAt(i) >= 48) digits++;
      for (const r of view.digitRules) {
        const rule = view.rules[r]!;
        if (digits < rule.minDigits) continue;
        if (small) hits.set(r, null);
        else {
          const list = hits.get(r) ?? [];
          list.push([Math.max(0, m.index - 32), Math.min(text.length, m.index + m[0].length + 32)]);
          hits.set(r, list);
        }
      }
    }
  }
  for (const r of view.alwaysRules) hits.set(r, null);

  const out: RawMatch[] = [];
  for (const [r, windows] of hits) {
    const rule = view.rules[r]!;
    const spans: Window[] = windows === null ? [[0, text.length]] : mergeWindows(windows);
    let count = 0;
    let budget = MAX_CHARS_PER_RULE;
    for (const [ws, weFull] of spans) {
      if (budget <= 0) break;
      const we = Math.min(weFull, ws + budget);
      budget -= we - ws;
      const sub = ws === 0 && we === text.length ? text : text.slice(ws, we);
      const re = rule.regex;
      re.lastIndex = 0;
      for (let m = re.exec(sub); m !== null && count < MAX_MATCHES_PER_RULE; m = re.exec(sub)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        let start = m.index;
        let value = m[0];
        const g = rule.def.group;
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
  return out;
}
