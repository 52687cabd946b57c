/**
 * Finds encoded segments (base64, hex, percent-encoding) whose decoded form is readable text, so that
 * "aWdub3JlIGFsbCBwcmV2aW91cyBpbnN0cnVjdGlvbnM=" is scanned as the instruction it hides.
 */
import type { DecodedFrom } from '../types.js';
import { isAsciiLetterCode, isAsciiSpace, isDigitCode } from './char-codes.js';
import { binarySegments, type DecodeBudget, morseSegments, spacedSegments } from './ciphers.js';
import { base64ToBytes, hexToBytes, utf8Decode } from './codec.js';
import { decodeMapped, escapeNotations, lastEscapeEnd, type MappedText } from './escapes.js';

/** One decoded segment; offsets are into the text it was found in. */
export interface DecodedSegment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly from: DecodedFrom;
  /**
   * For escape notations, per character of `text` its span in the segment (see MappedText): what is
   * found inside is placed where it is written. Without it, a finding covers the whole segment.
   */
  readonly map?: Omit<MappedText, 'text'>;
  /** Offsets into the original text rather than the normalised one (see spacedWordSegments). */
  readonly inOriginal?: boolean;
}

// Cases spelled out rather than the `i` flag: V8 runs these several times faster without case folding.
const HEX = /(?:\\[xX]|0[xX])?[0-9a-fA-F]{2}(?:[ :,]?(?:\\[xX]|0[xX])?[0-9a-fA-F]{2}){7,4096}/g;
const HEX_RUN = /[0-9a-fA-F]{16}/;
const HEX_ANYWHERE = new RegExp(HEX.source);
const MAX_BASE64_CANDIDATE = 65_536;
const BASE64 = new RegExp(`[a-zA-Z0-9+/_-]{16,${MAX_BASE64_CANDIDATE}}={0,2}`, 'g');
// The same runs, found only where one starts: without the lookbehind V8 retries from every character
// of every shorter token (two to three times the work on prose).
const BASE64_START = new RegExp(`(?<![a-zA-Z0-9+/_-])${BASE64.source}`, 'g');
const BASE64_RUN = /[a-zA-Z0-9+/]{16}/;
// Bounds the work an adversarial input can cause: decoding is a bonus pass, not the main scan.
const MAX_SEGMENTS = 64;
// Bounds the decode attempts (kept or not): 1 MB of "aaaa" is one long hex candidate after another.
const MAX_ATTEMPTS = 256;
// Bounds the characters decoded for one text per kind of encoding (kept or not; per kind, so that a flood
// of one cannot hide a payload of another), and those kept to scan again: a megabyte flood of HTML
// references or binary must cost a fraction of the scan, not several scans.
const DECODE_BUDGET = 65_536;
const KEPT_BUDGET = 32_768;

const LETTER = /\p{L}/u;
// Digits a mostly numeric decoded text needs to count as readable: the shortest numbers worth hiding
// (a PIN-length code is not; a phone number, card or national id is).
const MIN_DIGITS = 6;

/**
 * True when decoded bytes read as natural text rather than binary noise: printable, and half of it
 * letters, or half of it letters and digits with at least MIN_DIGITS digits. Encoded numbers are how
 * card numbers and phone numbers travel in URLs ("4111%201111%201111%201111") and how an attacker hides
 * them from a filter; noise is told apart by being unprintable or malformed UTF-8, which it nearly
 * always is.
 */
export function isReadable(text: string): boolean {
  if (text.length < 4) return false;
  // Code points, counted as we go; at most 5% of them may be unprintable, so stop at the first
  // excess (1 MB of "1111" decodes as hex to control bytes: one look should reject it).
  const limit = text.length * 0.05;
  let unprintable = 0;
  let letters = 0;
  let digits = 0;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = text.charCodeAt(i + 1); // NaN past the end
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + low - 0xdc00 + 0x10000;
        i++;
      }
    }
    total++;
    if (c < 0x80) {
      if (c === 9 || c === 10 || c === 13 || (c >= 32 && c !== 127)) {
        if (isAsciiLetterCode(c)) letters++;
        else if (isDigitCode(c)) digits++;
      } else if (++unprintable > limit) return false;
    } else if (c < 0xa0) {
      if (++unprintable > limit) return false;
    } else if (LETTER.test(String.fromCodePoint(c))) letters++;
  }
  if (unprintable > total * 0.05) return false;
  return letters / total >= 0.5 || (digits >= MIN_DIGITS && (letters + digits) / total >= 0.5);
}

// Long candidates are judged on their first bytes before being decoded whole (see rejectedByStart).
const PREFIX_CHARS = 512;

/**
 * True when the first bytes of a long candidate already rule it out: they are malformed UTF-8 (then
 * the whole is), or they hold more control bytes than isReadable allows in the whole segment (5% of
 * at most `maxBytes`, each control byte being one unprintable character). Exactly the segments
 * decoding would reject, found without decoding: 1 MB of "1111" or "aaaa" is 128 hex candidates.
 */
function rejectedByStart(bytes: Uint8Array | undefined, maxBytes: number): boolean {
  if (bytes === undefined) return false;
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b < 32 && b !== 9 && b !== 10 && b !== 13) || b === 127) control++;
  }
  if (control > maxBytes * 0.05) return true;
  // The cut may split the last character: drop up to three continuation bytes and their lead.
  let k = bytes.length;
  for (let j = 0; j < 3 && k > 0 && (bytes[k - 1]! & 0xc0) === 0x80; j++) k--;
  if (k > 0 && bytes[k - 1]! >= 0xc0) k--;
  return utf8Decode(bytes.subarray(0, k)) === undefined;
}

const HEX_SEPARATOR = /[ :,]/;
const BASE64_JOINER = /[-_/+]/;
// Characters of a word a candidate can swallow before the real segment (see decodeJoined).
const MAX_JOINED_WORD = 16;

/**
 * The text a candidate decodes to, if it is UTF-8: `toBytes` decodes it, `bytesPerChar` bounds the
 * bytes per character (1/2 for hex, 3/4 for base64). Long ones are judged by their start first.
 */
function decodeCandidate(
  s: string,
  toBytes: (value: string) => Uint8Array | undefined,
  bytesPerChar: number,
): string | undefined {
  if (s.length > PREFIX_CHARS) {
    // A head cut inside a hex pair (or a "\x") decodes from one character less.
    const head = s.slice(0, PREFIX_CHARS);
    if (rejectedByStart(toBytes(head) ?? toBytes(head.slice(0, -1)), s.length * bytesPerChar))
      return undefined;
  }
  const bytes = toBytes(s);
  return bytes ? utf8Decode(bytes) : undefined;
}

const decodeHex = (s: string): string | undefined => decodeCandidate(s, hexToBytes, 0.5);
const decodeBase64 = (s: string): string | undefined => decodeCandidate(s, base64ToBytes, 0.75);

/**
 * Decodes a candidate and, when that yields nothing readable, once more from after its first `joiner`:
 * the pattern can swallow the end of a word before the real segment ("de " of "decode 69676e...",
 * "payload-" of "payload-aWdub3Jl..."), which shifts every byte. Returns where the text starts in the
 * candidate, and the text.
 */
function decodeJoined(
  s: string,
  decode: (value: string) => string | undefined,
  joiner: RegExp,
): [number, string | undefined] {
  const decoded = decode(s);
  if (decoded !== undefined && isReadable(decoded)) return [0, decoded];
  const cut = s.search(joiner);
  if (cut <= 0 || cut > MAX_JOINED_WORD || s.length - cut <= 16) return [0, decoded];
  return [cut + 1, decode(s.slice(cut + 1))];
}

// The last line of wrapped base64 may be shorter than a run (and so not one of them); padded, as MIME
// and PEM are, it too holds whole groups of four.
const WRAPPED_TAIL = /[a-zA-Z0-9+/]{1,15}={0,2}(?![a-zA-Z0-9+/_=-])/y;

/** One block of wrapped base64: its span in the text and its lines joined. */
interface WrappedBlock {
  readonly start: number;
  readonly end: number;
  readonly joined: string;
}

/**
 * Two or more runs that continue each other across one whitespace character, with a short last line
 * if one follows: every line holds whole groups of four, and only the last may end in padding, as the
 * lines of wrapped base64 do.
 */
function wrappedBlocks(runs: readonly RegExpExecArray[], text: string): WrappedBlock[] {
  const blocks: WrappedBlock[] = [];
  let first = 0;
  for (let k = 1; k <= runs.length; k++) {
    const prev = runs[k - 1]!;
    const end = prev.index + prev[0].length;
    const opensLine =
      prev[0].length % 4 === 0 && !prev[0].endsWith('=') && isAsciiSpace(text.charCodeAt(end));
    if (opensLine && k < runs.length && runs[k]!.index === end + 1) continue;
    // One line and a short one is too common in prose ("SomeLongIdentifier then") to try.
    let tail: RegExpExecArray | null = null;
    if (opensLine && k - 1 > first) {
      WRAPPED_TAIL.lastIndex = end + 1;
      tail = WRAPPED_TAIL.exec(text);
      if (tail !== null && tail[0].length % 4 !== 0) tail = null;
    }
    if (k - 1 > first) {
      const lines = runs.slice(first, k).map((m) => m[0]);
      if (tail !== null) lines.push(tail[0]);
      blocks.push({
        start: runs[first]!.index,
        end: tail ? tail.index + tail[0].length : end,
        joined: lines.join(''),
      });
    }
    first = k;
  }
  return blocks;
}

/**
 * Every run of 16 or more base64-alphabet characters (with its padding), left to right: the matches
 * `BASE64` finds. A run longer than the maximum is cut there, and its rest, which follows a token
 * character, is found by `BASE64` itself.
 */
export function base64Runs(text: string): RegExpExecArray[] {
  const runs: RegExpExecArray[] = [];
  let re = BASE64_START;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    runs.push(m);
    const next = m[0].length >= MAX_BASE64_CANDIDATE && !m[0].endsWith('=') ? BASE64 : BASE64_START;
    next.lastIndex = re.lastIndex;
    re = next;
  }
  return runs;
}

/** Which kinds of segment a caller has already seen signs of (skips the corresponding searches). */
export interface EncodingHints {
  /** A run of at least 16 base64-alphabet characters (hex runs are such runs too). */
  readonly runs: boolean;
  /** A '%', '&' or '\\': percent-encoding, HTML references or \u escapes may be present. */
  readonly escapes: boolean;
  /**
   * At least eight digits: hex written in separated pairs ("49 67 6e", "49:67", "0x49 0x67") may be
   * present. Hex of text has a digit in every byte (0x20-0x7e), so eight pairs hold eight digits.
   */
  readonly hexPairs?: boolean;
  /** Signs of Morse code (see CIPHER_SIGNS). */
  readonly morse?: boolean;
  /** Signs of characters spaced out by a separator (see CIPHER_SIGNS). */
  readonly spaced?: boolean;
}

/** Decoded segments of `text`, at most MAX_SEGMENTS, longest-first priority by position. */
export function findEncodedSegments(
  text: string,
  hints: EncodingHints = { runs: true, escapes: true, hexPairs: true, morse: true, spaced: true },
): DecodedSegment[] {
  const out: DecodedSegment[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number): boolean => taken.some(([a, b]) => s < b && e > a);
  let attempts = 0;
  const budget: DecodeBudget = { left: DECODE_BUDGET };
  let kept = KEPT_BUDGET;
  const full = (): boolean =>
    out.length >= MAX_SEGMENTS || attempts++ >= MAX_ATTEMPTS || budget.left <= 0 || kept <= 0;
  /** Each kind of encoding gets its own attempts and budget: a flood of one cannot hide another. */
  const startKind = (): void => {
    attempts = 0;
    budget.left = DECODE_BUDGET;
  };
  /** Counts `raw` against the budget and returns it, for the decoder it is handed to. */
  const spend = (raw: string): string => {
    budget.left -= raw.length;
    return raw;
  };
  /** Keeps a readable segment that overlaps none kept so far; false when it was not kept. */
  const add = (
    start: number,
    end: number,
    decoded: string | MappedText | undefined,
    from: DecodedFrom,
  ): boolean => {
    if (decoded === undefined) return false;
    const mapped = typeof decoded === 'string' ? undefined : decoded;
    const text = mapped === undefined ? (decoded as string) : mapped.text;
    if (!isReadable(text) || overlaps(start, end)) return false;
    kept -= text.length;
    taken.push([start, end]);
    out.push(
      mapped === undefined
        ? { start, end, text, from }
        : { start, end, text, from, map: { starts: mapped.starts, ends: mapped.ends } },
    );
    return true;
  };
  // Eight digits or more may be binary; Morse and spaced-out text only where the automaton pass saw
  // their signs. First, as the strictest shapes: binary is hex digits too, and a hex reading of it is noise.
  const ciphered = [
    ...(hints.hexPairs === true ? binarySegments(text, budget) : []),
    ...(hints.morse === true ? morseSegments(text, budget) : []),
    ...(hints.spaced === true ? spacedSegments(text, budget) : []),
  ];
  // Already deciphered (within the budget): only the limits on what is kept apply.
  for (const seg of ciphered) {
    if (out.length >= MAX_SEGMENTS || kept <= 0) break;
    add(seg.start, seg.end, seg.text, seg.from);
  }
  // Every run of 16 hex or base64 characters lies inside one of these candidates (a run of the wider
  // alphabet): testing them, not the whole text, decides whether to look for each kind. One search
  // instead of three; runs cut at the candidates' maximum length fall back to the whole text.
  const runs = hints.runs ? base64Runs(text) : [];
  const cut = runs.some((m) => m[0].length >= MAX_BASE64_CANDIDATE);
  const hasRun = (re: RegExp): boolean =>
    runs.length > 0 && (cut ? re.test(text) : runs.some((m) => re.test(m[0])));
  // Hex in separated pairs has no long run: the pattern itself decides whether there is any.
  if (hasRun(HEX_RUN) || (hints.hexPairs === true && HEX_ANYWHERE.test(text))) {
    startKind();
    // exec loops rather than matchAll, which copies the regex on every call.
    HEX.lastIndex = 0;
    for (let m = HEX.exec(text); m !== null; m = HEX.exec(text)) {
      if (full()) break;
      if (overlaps(m.index, m.index + m[0].length)) continue;
      const [skip, decoded] = decodeJoined(spend(m[0]), decodeHex, HEX_SEPARATOR);
      add(m.index + skip, m.index + m[0].length, decoded, 'hex');
    }
  }
  if (hasRun(BASE64_RUN)) {
    startKind();
    // Base64 wrapped over lines (MIME's 76 characters, PEM's 64) decodes as one segment first, so a
    // phrase across a line break is read whole; its lines then overlap it and are skipped below.
    for (const block of wrappedBlocks(runs, text)) {
      if (full()) break;
      add(block.start, block.end, decodeBase64(spend(block.joined)), 'base64');
    }
    for (const m of runs) {
      if (full()) break;
      const s = m[0];
      // Words and identifiers are valid base64 too; real payloads mix cases and digits.
      if (!/[A-Z]/.test(s) || !/[a-z]/.test(s) || overlaps(m.index, m.index + s.length)) continue;
      const [skip, decoded] = decodeJoined(spend(s), decodeBase64, BASE64_JOINER);
      add(m.index + skip, m.index + s.length, decoded, 'base64');
    }
  }
  if (hints.escapes) {
    for (const notation of escapeNotations) {
      if (!text.includes(notation.stop)) continue;
      startKind();
      const { run, stop, from } = notation;
      // A run whose escapes all stay as written ("&bogus;") decodes to itself: nothing to scan again.
      const decode = (raw: string): MappedText | undefined => {
        const mapped = decodeMapped(spend(raw), notation);
        return mapped?.text === raw ? undefined : mapped;
      };
      run.lastIndex = 0;
      for (let m = run.exec(text); m !== null; m = run.exec(text)) {
        if (full()) break;
        const end = m.index + m[0].length;
        let start = m.index;
        while (
          start > 0 &&
          m.index - start < 40 &&
          text[start - 1] !== stop &&
          !isAsciiSpace(text.charCodeAt(start - 1))
        )
          start--;
        // The word before the first escape and the characters after the last are usually part of it
        // ("q=ignore%20all%20rules/now"). When they make the whole unreadable (symbols glued to an
        // encoded e-mail) or belong to a segment already decoded (base64 right before or after the
        // escapes), the escapes are tried without the word, then without what follows them.
        if (add(start, end, decode(text.slice(start, end)), from)) continue;
        if (start < m.index && add(m.index, end, decode(m[0]), from)) continue;
        const escapesEnd = m.index + lastEscapeEnd(m[0], notation);
        if (escapesEnd < end) add(m.index, escapesEnd, decode(text.slice(m.index, escapesEnd)), from);
      }
    }
  }
  return out;
}
