/**
 * Text normalisation with a map back to original offsets. Attackers hide instructions behind look-alike
 * letters, invisible characters, Unicode tag characters and leetspeak; PII hides behind full-width
 * digits. We match on a canonical view and report offsets into what the user actually sent.
 */
import {
  canonical,
  FULL,
  isSpellingMark,
  isVoicingMark,
  oneForOneCode,
  SCRIPT_OF,
  voicedKana,
} from './canonical.js';
import { isAsciiSpace } from './char-codes.js';
import { fromCodes, unitBuffer } from './codec.js';
import { foldHomoglyphUnits, LATIN_OF } from './homoglyphs.js';
import { foldLeet } from './leet.js';

/** A canonical view of a text plus, for each of its UTF-16 units, the offset in the original. */
export interface NormalizedText {
  /** The original text. */
  readonly source: string;
  /** NFKC-like, invisible characters removed, tags decoded, homoglyphs folded, whitespace collapsed. */
  readonly text: string;
  /** `text` lowercased (same length). */
  readonly lower: string;
  /** `lower` with leetspeak folded (same length); used for injection rules only. */
  readonly folded: string;
  /** Where `folded` differs from `lower`: start and end of each changed stretch, in order. */
  readonly foldedSpans: readonly number[];
  /** `map[i]` is the original offset of `text[i]`; `map[text.length]` is the original length. */
  readonly map: Int32Array;
  /**
   * Set when every offset i of `text` is offset i + shift of `source`: nothing was dropped but whitespace
   * at the start (shift) and at the end. The map is then never needed.
   */
  readonly shift: number | undefined;
  /** True when `source` holds only printable ASCII and ASCII whitespace (normalising then only collapses whitespace). */
  readonly plainAscii: boolean;
}

// Anything outside printable ASCII and ASCII whitespace needs the full path (NFKC, invisibles, homoglyphs).
const NOT_PLAIN_ASCII = /[^\t-\r -~]/;
// Whitespace that collapsing changes: a tab or newline, two spaces in a row, or space at either end.
// One native search answers what three searches and a loop did.
const CHANGING_SPACE = /[\t-\r]| {2}|^ | $/;
// The runs collapsing rewrites: single spaces between words (nearly all of them) are left alone.
const SPACE_RUN = /[\t-\r][\t-\r ]*| [\t-\r ]+/g;

/** True when collapsing whitespace would change `s`. */
function whitespaceChanges(s: string): boolean {
  return CHANGING_SPACE.test(s);
}
// Whitespace that collapsing drops inside a text whose ends normalizeText has trimmed: a run of two.
// Without one, collapsing only turns lone tabs and newlines into spaces, and every offset stays where it
// was, shifted by what the trim dropped (CSV rows, logs).
const DROPPED_SPACE = /[\t-\r ][\t-\r ]/;
const CONTROL_SPACE = /[\t-\r]/g;

const FOLDED_SPANS: number[] = [];
const NO_SPANS: readonly number[] = [];

// A class with a lazy getter: one hidden class for every view, and the offset map (needed only to
// report findings) is built for few texts.
class Views implements NormalizedText {
  readonly lower: string;
  readonly folded: string;
  readonly foldedSpans: readonly number[];
  #map: Int32Array | undefined;
  readonly #build: () => Int32Array;
  constructor(
    readonly source: string,
    readonly text: string,
    build: () => Int32Array,
    readonly shift: number | undefined,
    readonly plainAscii: boolean,
  ) {
    this.lower = lowerSameLength(text);
    FOLDED_SPANS.length = 0;
    this.folded = foldLeet(this.lower, FOLDED_SPANS);
    // Copied only for the few texts folding changes: no array per text otherwise.
    this.foldedSpans = this.folded === this.lower ? NO_SPANS : FOLDED_SPANS.slice();
    this.#build = build;
  }
  get map(): Int32Array {
    this.#map ??= this.#build();
    return this.#map;
  }
}

function views(source: string, text: string, buildMap: () => Int32Array, shift?: number): NormalizedText {
  return new Views(source, text, buildMap, shift, false);
}

/** Views of a text of plain ASCII (see NormalizedText.plainAscii). */
function asciiViews(
  source: string,
  text: string,
  buildMap: () => Int32Array,
  shift?: number,
): NormalizedText {
  return new Views(source, text, buildMap, shift, true);
}

/** The map of a text whose offsets are those of a source of `sourceLength` units, shifted by `shift`. */
function shiftedMap(length: number, shift: number, sourceLength: number): Int32Array {
  const map = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) map[i] = i + shift;
  map[length] = sourceLength;
  return map;
}

// Whitespace runs to one space, ends trimmed, in one pass: a regex replace with a match per newline
// churns the garbage collector on large documents.
function collapseAscii(input: string): string {
  if (input.length < 65_536) return input.replace(SPACE_RUN, ' ').trim();
  const out = new Uint16Array(input.length);
  let len = 0;
  let prevSpace = true;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (isAsciiSpace(c)) {
      if (prevSpace) continue;
      prevSpace = true;
      out[len++] = 32;
    } else {
      prevSpace = false;
      out[len++] = c;
    }
  }
  if (len > 0 && out[len - 1] === 32) len--;
  return fromCodes(out, len);
}

// Offsets of an ASCII text whose whitespace runs collapse to one space (leading and trailing dropped).
function collapsedMap(input: string, length: number): Int32Array {
  const map = new Int32Array(length + 1);
  let len = 0;
  let prevSpace = true;
  for (let i = 0; i < input.length && len < length; i++) {
    const c = input.charCodeAt(i);
    if (isAsciiSpace(c)) {
      if (prevSpace) continue;
      prevSpace = true;
    } else prevSpace = false;
    map[len++] = i;
  }
  map[length] = input.length;
  return map;
}

/** Normalises `input` into matching views that share one offset map. */
export function normalizeText(input: string): NormalizedText {
  // ASCII whitespace at either end is dropped, which only shifts offsets: a document or a log that ends
  // in a newline keeps the paths below, and needs no offset map (a megabyte's map is 4 MB to fill).
  let from = 0;
  let to = input.length;
  while (from < to && isAsciiSpace(input.charCodeAt(from))) from++;
  while (to > from && isAsciiSpace(input.charCodeAt(to - 1))) to--;
  const core = from === 0 && to === input.length ? input : input.slice(from, to);
  const buildMap = () => shiftedMap(to - from, from, input.length);
  // Fast path: plain ASCII needs no NFKC, invisible-character or homoglyph work (most real traffic).
  if (!NOT_PLAIN_ASCII.test(core)) {
    if (!whitespaceChanges(core)) return asciiViews(input, core, buildMap, from);
    if (!DROPPED_SPACE.test(core)) return asciiViews(input, core.replace(CONTROL_SPACE, ' '), buildMap, from);
    const text = collapseAscii(input);
    return asciiViews(input, text, () => collapsedMap(input, text.length));
  }
  return normalizeOneForOne(input, core, from) ?? normalizeFull(input);
}

/**
 * Middle path for text whose special characters (curly quotes, accents, CJK) each canonicalise to
 * exactly one character: replace them in place, so that offsets only shift by the whitespace trimmed
 * off `source` to give `input`.
 */
function normalizeOneForOne(source: string, input: string, shift: number): NormalizedText | undefined {
  if (DROPPED_SPACE.test(input)) return undefined;
  const n = input.length;
  // Written only from the first character that changes: most non-ASCII text stays as it is.
  let out: Uint16Array | undefined;
  let lookAlike = 0;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    let code = c;
    // Printable ASCII stays; a lone tab or newline (runs were ruled out above) reads as a space.
    if (c >= 9 && c <= 13) code = 32;
    else if (c >= 127 || c < 32) {
      code = oneForOneCode(c);
      if (code === FULL) return undefined;
      // A spelling mark on a base of another script is dropped, and a kana voicing mark composes with its
      // kana ("ﾌﾟ" and "フ" + U+309A read "プ"): the full path does both.
      if (
        isSpellingMark(code) &&
        (i === 0 || SCRIPT_OF[input.charCodeAt(i - 1)] !== SCRIPT_OF[code] || isVoicingMark(code))
      )
        return undefined;
      lookAlike |= LATIN_OF[code]!;
    }
    if (out !== undefined) out[i] = code;
    else if (code !== c) {
      out = unitBuffer(n);
      for (let k = 0; k < i; k++) out[k] = input.charCodeAt(k);
      out[i] = code;
    }
  }
  let changed = out !== undefined;
  if (lookAlike !== 0) {
    if (out === undefined) {
      out = unitBuffer(n);
      for (let k = 0; k < n; k++) out[k] = input.charCodeAt(k);
    }
    if (foldHomoglyphUnits(out, n)) changed = true;
  }
  const text = changed ? fromCodes(out!, n) : input;
  if (whitespaceChanges(text)) return undefined; // a special space next to a space: full path
  return views(source, text, () => shiftedMap(n, shift, source.length), shift);
}

/**
 * The full path's output: canonical units and, per unit, its offset in the original. The units go to the
 * shared unit buffer, which can be longer than this text needs, so the map's length bounds the room.
 */
class CanonicalWriter {
  out: Uint16Array;
  map: Int32Array;
  len = 0;
  /** Drops leading whitespace as well as runs. */
  prevSpace = true;
  /** Bits of LATIN_OF over what was written: non-zero when some look-alike letter is in the text. */
  lookAlike = 0;

  constructor(n: number) {
    this.out = unitBuffer(n + 16);
    this.map = new Int32Array(n + 17);
  }

  emit(code: number, at: number): void {
    if (code === 32) {
      if (this.prevSpace) return;
      this.prevSpace = true;
    } else this.prevSpace = false;
    // The map bounds the room: the shared unit buffer can be longer than this text needs.
    if (this.len + 1 >= this.map.length - 1) this.grow();
    this.out[this.len] = code;
    this.map[this.len++] = at;
  }

  /**
   * A spelling mark stays only after a base (or mark) of its own script; a kana voicing mark composes
   * with the kana before it, which keeps that kana's offset.
   */
  emitCanonical(code: number, at: number): void {
    if (isSpellingMark(code)) {
      const len = this.len;
      if (len === 0 || SCRIPT_OF[this.out[len - 1]!] !== SCRIPT_OF[code]) return;
      const voiced = voicedKana(this.out[len - 1]!, code);
      if (voiced !== 0) {
        this.out[len - 1] = voiced;
        return;
      }
    }
    this.lookAlike |= LATIN_OF[code]!;
    this.emit(code, at);
  }

  private grow(): void {
    const room = (this.map.length - 1) * 2;
    const out = new Uint16Array(room);
    out.set(this.out.subarray(0, this.len));
    this.out = out;
    const map = new Int32Array(room + 1);
    map.set(this.map);
    this.map = map;
  }
}

/** The full path, which every faster path above must agree with (normalize.test.ts checks they do). */
export function normalizeFull(input: string): NormalizedText {
  const n = input.length;
  const w = new CanonicalWriter(n);
  for (let i = 0; i < n; ) {
    const c = input.charCodeAt(i);
    if (c < 0x80) {
      if (isAsciiSpace(c)) w.emit(32, i);
      else if (c > 32 && c !== 127) w.emit(c, i);
      i++;
      continue;
    }
    // Most characters canonicalise to one: the one-for-one table answers without the cache's map.
    const one = oneForOneCode(c);
    if (one !== FULL) {
      w.emitCanonical(one, i);
      i++;
      continue;
    }
    const cp = input.codePointAt(i)!;
    const canon = canonical(cp);
    for (let k = 0; k < canon.length; k++) w.emitCanonical(canon.charCodeAt(k), i);
    i += cp > 0xffff ? 2 : 1;
  }
  let len = w.len;
  if (len > 0 && w.out[len - 1] === 32) len--;
  w.map[len] = n;
  if (w.lookAlike !== 0) foldHomoglyphUnits(w.out, len);
  const text = fromCodes(w.out, len);
  const offsets = w.map.subarray(0, len + 1);
  return views(input, text, () => offsets);
}

function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  // A few characters (e.g. U+0130) lowercase to two units; keep offsets aligned by lowering one by one.
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Maps a span of the normalised text back to the original text (end exclusive). */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): [number, number] {
  // Shifted views hold no surrogate pairs (those take the full path), so offsets carry over as they are.
  if (norm.shift !== undefined) return [start + norm.shift, Math.max(start, end) + norm.shift];
  const s = norm.map[start] ?? 0;
  if (end <= start) return [s, s];
  const last = norm.map[end - 1] ?? s;
  const width = (norm.source.codePointAt(last) ?? 0) > 0xffff ? 2 : 1;
  return [s, Math.max(s, last + width)];
}
