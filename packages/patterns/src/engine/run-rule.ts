/**
 * Running one rule's regex where the passes say it can match: sticky at recorded starts, or globally
 * over windows (or the whole text), with a cap on the matches one rule reports on one text.
 */
import type { CompiledRule } from './compile.js';
import type { RawMatch } from './execute.js';
import { type Hits, WHOLE } from './hits.js';
import { nativeRegExp } from './native-regex.js';
import type { TextShapes } from './prechecks.js';

/** Pushes one regex match (or its chosen group); false when the match adds nothing (empty, no group). */
function pushMatch(rule: CompiledRule, m: RegExpExecArray, offset: number, out: RawMatch[]): boolean {
  if (m[0].length === 0) return false;
  const g = rule.group;
  let start = m.index;
  let value = m[0];
  if (g > 0) {
    const part = m[g];
    // An empty group is no finding: nothing of the text would be reported or masked.
    if (part === undefined || part.length === 0) return false;
    // Without the `d` flag (which costs every match), locate the group inside the match by its text;
    // where that text occurs twice ("1234-1234" of (\d{4})-\d{4}), ask V8 for the group's place.
    let at = m[0].lastIndexOf(part);
    if (at !== m[0].indexOf(part)) at = groupIndex(rule, m, g) - m.index;
    start = m.index + at;
    value = part;
  }
  out.push({ rule, start: offset + start, end: offset + start + value.length, value });
  return true;
}

/** Where group `g` of match `m` begins, from the same regex run again at the match with indices. */
function groupIndex(rule: CompiledRule, m: RegExpExecArray, g: number): number {
  rule.withIndices ??= nativeRegExp(rule.source, `${rule.flags.replace('g', '')}yd`);
  const re = rule.withIndices;
  re.lastIndex = m.index;
  return re.exec(m.input)?.indices?.[g]?.[0] ?? m.index + m[0].lastIndexOf(m[g]!);
}

// Each rule's regex, global or sticky, made on first use and kept on the rule: most rules never need
// one of the two in a process, and compiling the database stays cheap.
function stickyOf(rule: CompiledRule): RegExp {
  rule.sticky ??= nativeRegExp(rule.source, rule.flags.replace('g', 'y'));
  return rule.sticky;
}

/** The rule's global regex. */
export function globalOf(rule: CompiledRule): RegExp {
  rule.regex ??= nativeRegExp(rule.source, rule.flags);
  return rule.regex;
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
  length: number,
  out: RawMatch[],
): void {
  if (rule.precheck !== undefined && !rule.precheck(text, shapes)) return;
  const re = stickyOf(rule);
  const cap = rule.cap;
  // Hits arrive by end position; starts of literals of different lengths can come out of order.
  for (let i = 1; i < length; i++) {
    if (starts[i]! < starts[i - 1]!) {
      starts.subarray(0, length).sort();
      break;
    }
  }
  let reach = 0;
  let count = 0;
  for (let i = 0; i < length && count < cap; i++) {
    const at = starts[i]!;
    if (at < reach) continue;
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) continue;
    reach = at + Math.max(1, m[0].length);
    if (pushMatch(rule, m, 0, out)) count++;
  }
}

/** Runs a rule's global regex over its windows (or the whole text). */
export function runRule(
  rule: CompiledRule,
  text: string,
  shapes: TextShapes,
  windows: readonly number[] | undefined,
  out: RawMatch[],
): void {
  if (rule.precheck !== undefined && !rule.precheck(text, shapes)) return;
  const re = globalOf(rule);
  const cap = rule.cap;
  let count = 0;
  const spans = windows === undefined || windows === WHOLE ? [0, text.length] : windows;
  for (let w = 0; w < spans.length && count < cap; w += 2) {
    const ws = spans[w]!;
    const we = spans[w + 1]!;
    const sub = ws === 0 && we === text.length ? text : text.slice(ws, we);
    re.lastIndex = 0;
    for (let m = re.exec(sub); m !== null && count < cap; m = re.exec(sub)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      // A window's edges hide what lookarounds and quantifiers would see beyond them ("12345678" cut
      // from a longer number reads as a number of its own): a match within a radius of an edge that
      // cuts the text is kept as the whole text reads it at that place.
      const nearCut =
        (ws > 0 && m.index < rule.radius) ||
        (we < text.length && m.index + m[0].length > sub.length - rule.radius);
      if (!nearCut) {
        if (pushMatch(rule, m, ws, out)) count++;
        continue;
      }
      const full = stickyOf(rule);
      full.lastIndex = ws + m.index;
      const checked = full.exec(text);
      if (checked === null) {
        re.lastIndex = m.index + 1;
        continue;
      }
      if (pushMatch(rule, checked, 0, out)) count++;
      re.lastIndex = Math.max(m.index + 1, checked.index + checked[0].length - ws);
    }
  }
}

/** Runs one triggered rule where its hits say it can match: at recorded starts or in windows. */
export function runTriggered(
  rule: CompiledRule,
  text: string,
  hits: Hits,
  slot: number,
  small: boolean,
  out: RawMatch[],
): void {
  const windows = small ? undefined : hits.windows[slot];
  const count = hits.startCount[slot]!;
  // The slot's own list and its length: a subarray view per call would cost an allocation.
  if (count > 0 && windows !== WHOLE) runAtStarts(rule, text, hits, hits.starts[slot]!, count, out);
  else runRule(rule, text, hits, windows, out);
}
