/**
 * One scan: normalise, run the injection view and the data view, score PII candidates by context and
 * checksum (as Presidio does: a nine-digit number is nothing until "SSN" is near it or a checksum holds),
 * decode hidden segments, and map everything back to original offsets.
 */
import {
  type DecodedFrom,
  type Finding,
  type PatternKind,
  patternKinds,
  type ScanOptions,
  type ScanResult,
  severityRank,
} from '../types.js';
import { isPlaceholderSecret } from '../validators/placeholder.js';
import { a1z26Segments } from './a1z26.js';
import { base32Segments } from './base32.js';
import { CIPHER_BITS, type DecipheredSegment, signedCipherSegments, spacedWordSegments } from './ciphers.js';
import type { CompiledDatabase, CompiledRule } from './compile.js';
import { decimalSegments } from './decimal.js';
import { type DecodedSegment, findEncodedSegments } from './decode.js';
import { escapeRegex } from './escape-regex.js';
import { injectionScore } from './evidence.js';
import { executeDatabase, type RawMatch } from './execute.js';
import { markupSegments } from './markup.js';
import { nativeRegExp } from './native-regex.js';
import { natoSegments } from './nato.js';
import { type NormalizedText, normalizeText, toOriginalSpan } from './normalize.js';
import { dedupeByRule, NO_CONTEXT, resolveOverlaps } from './overlaps.js';
import { quotedPrintableSegments } from './quoted-printable.js';
import { selectorSegments } from './selectors.js';
import { labelledNonPersonal } from './value-labels.js';

const ALL_KINDS_SET: ReadonlySet<PatternKind> = new Set(patternKinds);
// Ciphers that change letters only: digits and punctuation read the same deciphered.
const LETTER_CIPHERS: ReadonlySet<DecodedFrom> = new Set(['atbash', 'rot13', 'runes', 'braille']);
const MAX_DEPTH = 2;
// Characters of spaced-out runs read per text (a flood of "a a a" must not be read whole).
const SPACED_WORDS_BUDGET = 16_384;
// Characters of runs of variation selectors read per text (each one a byte to decode).
const HIDDEN_TEXT_BUDGET = 16_384;
// Characters of runs of NATO code words read per text (a flood of them must not be read whole).
const NATO_BUDGET = 16_384;
const NO_SEGMENTS: readonly DecipheredSegment[] = [];
const CONTEXT_BEFORE = 48;
const CONTEXT_AFTER = 32;

interface Mutable {
  kind: PatternKind;
  id: string;
  category: string;
  severity: Finding['severity'];
  start: number;
  end: number;
  validated: boolean;
  confidence: number;
  /** See Candidate.contextGap; NO_CONTEXT when no context word is near. */
  contextGap: number;
  decodedFrom?: DecodedFrom;
  weight: number;
}

// A context word counts where a word starts: "account" inside "gserviceaccount" labels nothing. Only for
// words of scripts that separate words with spaces (Latin, Greek, Cyrillic: below U+0590): Chinese,
// Japanese and Thai write "身份证" right after the word before it.
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACED_SCRIPTS_END = 0x0590;
const startsWord = (lower: string, at: number, word: string): boolean =>
  at === 0 || word.charCodeAt(0) >= SPACED_SCRIPTS_END || !WORD_CHAR.test(lower[at - 1]!);

/**
 * How near the nearest of `words` (where a word starts) is to [start, end): the characters between them
 * for a word within CONTEXT_BEFORE before the span (0 when one touches or overlaps it), CONTEXT_BEFORE
 * plus the characters between for one within CONTEXT_AFTER after it, NO_CONTEXT when none is there. A
 * label comes before its value far more often than after it: "passport number 912803456 and my
 * driver's license ..." reads as a passport number although "driver" is fewer characters away.
 */
function contextGap(lower: string, start: number, end: number, rule: CompiledRule): number {
  if (rule.context.length === 0) return NO_CONTEXT;
  const from = Math.max(0, start - CONTEXT_BEFORE);
  // Searched within the slice: a search of the whole text for a word that is not near would read a
  // megabyte once per finding.
  const around = lower.slice(from, Math.min(lower.length, end + CONTEXT_AFTER));
  // All words in one search (a CSV of phone numbers asks this for every row). At each place it finds
  // the longest word that starts there, the one nearest to a span after it; every place is tried.
  rule.contextSearch ??= contextSearchOf(rule.context);
  const search = rule.contextSearch;
  search.lastIndex = 0;
  let gap = NO_CONTEXT;
  for (let m = search.exec(around); m !== null && gap > 0; m = search.exec(around)) {
    const at = from + m.index;
    const length = m[0].length;
    search.lastIndex = m.index + 1;
    if (!startsWord(lower, at, m[0])) continue;
    // Before the span, inside or across it (0), or after it.
    const g = at + length <= start ? start - at - length : at >= end ? CONTEXT_BEFORE + at - end : 0;
    if (g < gap) gap = g;
  }
  return gap;
}

const contextSearchOf = (words: readonly string[]): RegExp =>
  nativeRegExp(
    [...words]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegex)
      .join('|'),
    'g',
  );

function dataFinding(m: RawMatch, norm: NormalizedText, minConfidence: number): Mutable | undefined {
  const rule = m.rule;
  let confidence = rule.confidence;
  let validated = false;
  // The rule's own validator first: it rejects most of a flood of near misses sooner than the
  // placeholder check reads them.
  if (rule.validator) {
    const verdict = rule.validator(m.value);
    if (verdict === false) return undefined;
    if (verdict === true) {
      validated = true;
      confidence = Math.min(1, confidence + 0.4);
    }
  }
  if (rule.kind === 'secret' && !rule.keepPlaceholders && isPlaceholderSecret(m.value)) return undefined;
  const gap = contextGap(norm.lower, m.start, m.end, rule);
  if (gap !== NO_CONTEXT) confidence = Math.min(1, confidence + 0.35);
  else if ((rule.contextRequired || rule.weakShape?.test(m.value)) && !validated) return undefined;
  // Below the caller's bar now is below it for good (nothing later raises a confidence), and it could
  // only lose an overlap to a stronger finding: dropped here, a megabyte of near misses ("1111-2222"
  // without a phone word near) costs no findings to place, rank and filter out.
  if (confidence < minConfidence) return undefined;
  // A checksum passes one random number in ten: "ts": 1701234567 is a time and "id": 301729083 a
  // record, not an NPI or a SIN.
  if (gap === NO_CONTEXT && rule.kind === 'pii' && labelledNonPersonal(norm.text, m.start, m.end, m.value))
    return undefined;
  const [start, end] = toOriginalSpan(norm, m.start, m.end);
  return {
    kind: rule.kind,
    id: rule.id,
    category: rule.category,
    severity: rule.severity,
    start,
    end,
    validated,
    confidence,
    contextGap: gap,
    weight: 0,
  };
}

function injectionFinding(m: RawMatch, norm: NormalizedText): Mutable {
  const [start, end] = toOriginalSpan(norm, m.start, m.end);
  return injectionFindingAt(m.rule, start, end);
}

function injectionFindingAt(rule: CompiledRule, start: number, end: number): Mutable {
  return {
    kind: 'injection',
    id: rule.id,
    category: rule.category,
    severity: rule.severity,
    start,
    end,
    validated: false,
    confidence: rule.weight,
    contextGap: NO_CONTEXT,
    weight: rule.weight,
  };
}

function scanText(
  db: CompiledDatabase,
  text: string,
  kinds: ReadonlySet<PatternKind>,
  decode: boolean,
  depth: number,
  overlapping: boolean,
  minConfidence: number,
): Mutable[] {
  const norm = normalizeText(text);
  const out: Mutable[] = [];
  const injection = kinds.has('injection');
  const wantsData = kinds.has('pii') || kinds.has('secret');
  const raw = executeDatabase(db, norm, {
    injection,
    pii: kinds.has('pii'),
    secret: kinds.has('secret'),
    ciphers: injection && decode,
  });
  // Indexed loops over the findings here and below: this function runs once for a megabyte, before V8
  // optimises it, and a for-of there allocated an iterator result per element (6 MB for a CSV).
  for (let i = 0; i < raw.injection.length; i++) out.push(injectionFinding(raw.injection[i]!, norm));
  for (let i = 0; i < raw.source.length; i++) {
    const m = raw.source[i]!;
    out.push(injectionFindingAt(m.rule, m.start, m.end));
  }
  if (wantsData) {
    const data: Mutable[] = [];
    for (let i = 0; i < raw.data.length; i++) {
      const m = raw.data[i]!;
      if (!kinds.has(m.rule.kind)) continue;
      const f = dataFinding(m, norm, minConfidence);
      if (f) data.push(f);
    }
    // One by one: a spread of a megabyte's findings (over 100,000) overflows the call stack.
    const kept = overlapping ? data : resolveOverlaps(data);
    for (let i = 0; i < kept.length; i++) out.push(kept[i]!);
  }
  if (!decode || depth >= MAX_DEPTH) return out;
  // Bytes hidden in variation selectors, read from the text as sent (normalising drops selectors).
  const hidden = norm.plainAscii ? NO_SEGMENTS : selectorSegments(norm.source, { left: HIDDEN_TEXT_BUDGET });
  // Markup, A1Z26 and quoted-printable check for their own signs first ("></"; "/" between digits after
  // a "-"; soft breaks, or the encoding's name that the automaton pass saw); decimal codes and base32
  // look only in texts with eight digits or a run of 16 token characters (the automaton pass counts
  // both), then at one character in 30 or 16; NATO code words only where the automaton pass saw one.
  const bits = raw.maybeEncoded;
  const hints = {
    runs: (bits & 1) === 1,
    escapes: (bits & 2) === 2,
    hexPairs: (bits & 4) === 4,
    morse: (raw.ciphers & CIPHER_BITS.morse) !== 0,
    spaced: (raw.ciphers & CIPHER_BITS.spaced) !== 0,
  };
  const spotted = [
    ...markupSegments(norm.text),
    ...a1z26Segments(norm.text),
    ...(hints.hexPairs ? decimalSegments(norm.text) : NO_SEGMENTS),
    ...(hints.runs ? base32Segments(norm.text) : NO_SEGMENTS),
    ...inOriginal(quotedPrintableSegments(norm.source, (raw.ciphers & CIPHER_BITS.quotedPrintable) !== 0)),
    ...inOriginal(
      raw.ciphers & CIPHER_BITS.nato ? natoSegments(norm.source, { left: NATO_BUDGET }) : NO_SEGMENTS,
    ),
  ];
  if (bits !== 0 || raw.ciphers !== 0 || hidden.length > 0 || spotted.length > 0) {
    const segments: DecodedSegment[] = [
      ...findEncodedSegments(norm.text, hints),
      ...signedCipherSegments(norm.text, norm.lower, raw.ciphers),
      ...inOriginal(
        raw.ciphers & CIPHER_BITS.spacedWords
          ? spacedWordSegments(norm.source, { left: SPACED_WORDS_BUDGET })
          : NO_SEGMENTS,
      ),
      ...inOriginal(hidden),
      ...spotted,
    ];
    // Nothing hidden after all (most texts the hints let through): no need to index the findings below.
    if (segments.length === 0) return out;
    // The findings of the text as written, indexed on the first inner finding (see FoundIndex): most
    // segments of a dense text hold none.
    let found: FoundIndex | undefined;
    for (const seg of segments) {
      const innerFindings = scanText(db, seg.text, kinds, decode, depth + 1, overlapping, minConfidence);
      if (innerFindings.length === 0) continue;
      found ??= indexFound(out);
      const [start, end] = seg.inOriginal ? [seg.start, seg.end] : toOriginalSpan(norm, seg.start, seg.end);
      const inToken = insideSecret(found.secrets, start, end);
      const lettersOnly = LETTER_CIPHERS.has(seg.from);
      for (const inner of innerFindings) {
        if (inToken && inner.kind === 'pii') continue;
        if (lettersOnly && inner.kind !== 'injection' && found.ids.has(inner.id)) continue;
        const [s, e] = seg.map ? innerSpan(norm, seg.start, seg.map, inner) : [start, end];
        const placed = { ...inner, start: s, end: e, decodedFrom: inner.decodedFrom ?? seg.from };
        if (placed.kind !== 'injection' && found.spans.has(spanKey(placed))) continue;
        out.push(placed);
      }
    }
  }
  return out;
}

/** Segments found in the text as sent, not in the normalised one (see DecodedSegment.inOriginal). */
const inOriginal = (segments: readonly DecipheredSegment[]): DecodedSegment[] =>
  segments.map((seg) => ({ ...seg, inOriginal: true }));

const spanKey = (f: Mutable): string => `${f.id}:${f.start}:${f.end}`;

/** What decoded segments are checked against: the PII and secret findings of the text as written. */
interface FoundIndex {
  /**
   * Their spans (see spanKey): a decoded segment that holds one unchanged (an access key id between the
   * %2F of a presigned URL) reports it a second time otherwise.
   */
  readonly spans: ReadonlySet<string>;
  /**
   * Their rules: a letter cipher's stretch yields again every card or SSN of the text as written, and
   * placed over the whole stretch such a finding would mask all of it.
   */
  readonly ids: ReadonlySet<string>;
  /** The secrets apart: a dense text holds thousands of findings, and each segment asks. */
  readonly secrets: readonly Mutable[];
}

function indexFound(findings: readonly Mutable[]): FoundIndex {
  const spans = new Set<string>();
  const ids = new Set<string>();
  const secrets: Mutable[] = [];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (f.kind === 'injection') continue;
    spans.add(spanKey(f));
    ids.add(f.id);
    if (f.kind === 'secret') secrets.push(f);
  }
  return { spans, ids, secrets };
}

/** Where a finding inside a mapped segment is written in the original text. */
function innerSpan(
  norm: NormalizedText,
  segmentStart: number,
  map: NonNullable<DecodedSegment['map']>,
  inner: Mutable,
): [number, number] {
  const top = map.starts.length - 1;
  const first = Math.min(inner.start, top);
  const last = Math.min(Math.max(inner.start, inner.end - 1), top);
  return toOriginalSpan(norm, segmentStart + map.starts[first]!, segmentStart + map.ends[last]!);
}

/**
 * True when one of the secrets found in the text covers [start, end). What decodes from inside a token
 * (the numbers in a JWT's claims, the user id a Discord token starts with) is part of that token, which
 * is reported and masked whole: read as PII it is a checksum lottery ("a card number", "an NHS number").
 */
function insideSecret(secrets: readonly Mutable[], start: number, end: number): boolean {
  return secrets.some((f) => f.start <= start && end <= f.end);
}

/** The public shape of a finding: its fields in a fixed order, without the scoring weight. */
function toFinding(f: Mutable): Finding {
  const base = {
    kind: f.kind,
    id: f.id,
    category: f.category,
    severity: f.severity,
    start: f.start,
    end: f.end,
    validated: f.validated,
    confidence: f.confidence,
  };
  return f.decodedFrom === undefined ? base : { ...base, decodedFrom: f.decodedFrom };
}

/**
 * Scans `text` with a compiled database. Overlapping PII and secret candidates are reduced to the best
 * of each span, unless `overlapping` (redaction): then every confident one is kept, so that a weaker
 * rule's longer span is masked too rather than left half visible.
 */
export function scanWith(
  db: CompiledDatabase,
  text: string,
  options: ScanOptions = {},
  overlapping = false,
): ScanResult {
  const kinds = options.kinds === undefined ? ALL_KINDS_SET : new Set(options.kinds);
  const minRank = options.minSeverity === undefined ? 0 : severityRank[options.minSeverity];
  const minConfidence = options.minConfidence ?? 0.5;
  const raw = scanText(db, text, kinds, options.decode !== false, 0, overlapping, minConfidence);
  // Most texts yield a handful of findings: one pass splits them, and the sorts and maps below only
  // run when there is something to order.
  let injection: Mutable[] = [];
  const data: Mutable[] = [];
  for (let i = 0; i < raw.length; i++) {
    const f = raw[i]!;
    if (f.kind === 'injection') injection.push(f);
    else if (f.confidence >= minConfidence && severityRank[f.severity] >= minRank) data.push(f);
  }
  if (injection.length > 1) injection = dedupeByRule(injection);
  const score = injectionScore(injection);
  const findings: Finding[] = [];
  for (const f of injection) if (severityRank[f.severity] >= minRank) findings.push(toFinding(f));
  for (let i = 0; i < data.length; i++) findings.push(toFinding(data[i]!));
  if (findings.length > 1) findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { injection: { flagged: score >= (options.threshold ?? 0.5), score }, findings };
}
