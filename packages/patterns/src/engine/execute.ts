/**
 * Runs a compiled database over one normalised text: one Aho-Corasick pass finds every anchor of every
 * view (plain, leet-folded; automaton-pass.ts) and the signs of ciphers, digit runs gate the numeric PII
 * rules (digit-runs.ts), and each triggered rule whose gate sets all occurred runs its regex at its recorded
 * starts or on merged windows around its hits (run-rule.ts). Windows of one rule never overlap, so a
 * rule's regex reads each character at most once per start position it tries: time stays linear.
 */
import { collect, collectTriggers } from './automaton-pass.js';
import { CIPHER_BITS, SPACED_WORDS_SIGN } from './ciphers.js';
import type { CompiledDatabase, CompiledRule } from './compile.js';
import { collectDigits, digitStretchAtLeast } from './digit-runs.js';
import { type Hits, hasRuns, newHits } from './hits.js';
import type { NormalizedText } from './normalize.js';
import { runRule, runTriggered } from './run-rule.js';

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
  /** Also look for signs of ciphers that hide an injection (needs `injection`; see ciphers.ts). */
  readonly ciphers: boolean;
}

/** Raw matches per view. */
export interface ExecuteResult {
  readonly injection: RawMatch[];
  readonly data: RawMatch[];
  /** Matches of the rules on the text as sent (CompiledDatabase.source), in its offsets. */
  readonly source: RawMatch[];
  /**
   * Bit 1: a run of 16+ base64/hex characters; bit 2: a '%', '&' or '\\' (escapes); bit 4: eight or
   * more digits (hex in separated pairs). Zero: no encoded segment is possible.
   */
  readonly maybeEncoded: number;
  /** CIPHER_BITS of the ciphers whose signs the text holds (with the `ciphers` request only). */
  ciphers: number;
}

// Up to this length a triggered regex runs over the whole text: windows would cost more than they save.
const SMALL = 256;

/**
 * False when the text has no run of letters and digits (or token characters, or digits in a row) as long
 * as every match of a PII or secret rule needs: its regex cannot match.
 */
const shapesAllow = (hits: Hits, rule: CompiledRule, text: string): boolean =>
  hasRuns(hits, rule) && digitStretchAtLeast(hits, rule.digitStretch, text);

/** Runs the requested views of `db` over `norm`. */
export function executeDatabase(
  db: CompiledDatabase,
  norm: NormalizedText,
  req: ExecuteRequest,
): ExecuteResult {
  const { dataOffset, signOffset, masks, required } = db.table;
  const small = norm.text.length <= SMALL;
  const hits = newHits(db, small);
  const folded = norm.folded !== norm.lower;
  // A short text with leetspeak is walked twice whole, the injection rules on the folded view only. A
  // long one gives the injection rules the plain view's hits too (extra hits only cost a regex run
  // that finds nothing), and the folded view is walked only around what folding changed.
  const injectionOnPlain = req.injection && (!folded || !small);
  const dataBits = (req.pii ? 2 : 0) | (req.secret ? 4 : 0);
  const bits = (injectionOnPlain ? 1 : 0) | dataBits | (req.injection && req.ciphers ? 8 : 0);
  const maybeEncoded = collect(db, norm.lower, hits, small, masks[bits]!);
  if (req.injection && folded)
    collectTriggers(db, norm.folded, hits, small, masks[1]!, small ? undefined : norm.foldedSpans);
  const dataMask = masks[dataBits]!;
  if (dataBits !== 0) {
    const wanted = db.table.digitRules[dataBits]!;
    collectDigits(db.data, dataOffset, norm.text, hits, small, db.table.covered, wanted);
  }

  const result: ExecuteResult = { injection: [], data: [], source: [], maybeEncoded, ciphers: 0 };
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
        } else if (slot < signOffset) {
          const rule = db.data.rules[slot - dataOffset]!;
          if (shapesAllow(hits, rule, norm.text))
            runTriggered(rule, norm.text, hits, slot, small, result.data);
        } else {
          result.ciphers |= 1 << (slot - signOffset);
        }
      }
      hits.seen[slot] = 0;
      hits.startCount[slot] = 0;
    }
  }
  if (req.ciphers && hits.spacedWords >= SPACED_WORDS_SIGN) result.ciphers |= CIPHER_BITS.spacedWords;
  if (req.injection)
    for (const r of db.injection.alwaysRules)
      runRule(db.injection.rules[r]!, norm.folded, hits, undefined, result.injection);
  // On plain ASCII, the text as sent differs from the normalised view only in its whitespace.
  if (req.injection && !norm.plainAscii)
    for (const rule of db.source) runRule(rule, norm.source, hits, undefined, result.source);
  for (const r of db.data.alwaysRules) {
    const rule = db.data.rules[r]!;
    if (dataMask[dataOffset + r] === 1 && shapesAllow(hits, rule, norm.text))
      runRule(rule, norm.text, hits, undefined, result.data);
  }
  return result;
}
