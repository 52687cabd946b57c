/**
 * Finds encoded segments (base64, hex, percent-encoding) whose decoded form is readable text, so that
 * "aWdub3JlIGFsbCBwcmV2aW91cyBpbnN0cnVjdGlvbnM=" is scanned as the instruction it hides.
 */
import type { DecodedFrom } from '../types.js';
import { base64ToBytes, hexToBytes, utf8Decode } from './codec.js';

/** One decoded segment; offsets are into the text it was found in. */
export interface DecodedSegment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly from: DecodedFrom;
}

const HEX = /(?:\\x|0x)?[0-9a-f]{2}(?:[ :,]?(?:\\x|0x)?[0-9a-f]{2}){7,4096}/gi;
const BASE64 = /[a-z0-9+/_-]{16,65536}={0,2}/gi;
const PERCENT = /(?:[^\s%]{0,40}%[0-9a-f]{2}){3,4096}[^\s%]{0,40}/gi;
// Bounds the work an adversarial input can cause: decoding is a bonus pass, not the main scan.
const MAX_SEGMENTS = 64;

/** True when decoded bytes read as natural text rather than binary noise. */
export function isReadable(text: string): boolean {
  if (text.length < 4) return false;
  let printable = 0;
  let letters = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c !== 127 && (c < 0x80 || c >= 0xa0))) printable++;
    if (/\p{L}/u.test(ch)) letters++;
  }
  const total = [...text].length;
  return printable / total >= 0.95 && letters / total >= 0.5;
}

/** Decoded segments of `text`, at most MAX_SEGMENTS, longest-first priority by position. */
export function findEncodedSegments(text: string): DecodedSegment[] {
  const out: DecodedSegment[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number): boolean => taken.some(([a, b]) => s < b && e > a);
  const add = (start: number, end: number, decoded: string | undefined, from: DecodedFrom): void => {
    if (decoded === undefined || !isReadable(decoded) || overlaps(start, end)) return;
    taken.push([start, end]);
    out.push({ start, end, text: decoded, from });
  };
  if (/[0-9a-f]{16}/i.test(text)) {
    for (const m of text.matchAll(HEX)) {
      if (out.length >= MAX_SEGMENTS) break;
      const bytes = hexToBytes(m[0]);
      add(m.index, m.index + m[0].length, bytes ? utf8Decode(bytes) : undefined, 'hex');
    }
  }
  if (/[a-z0-9+/]{16}/i.test(text)) {
    for (const m of text.matchAll(BASE64)) {
      if (out.length >= MAX_SEGMENTS) break;
      const s = m[0];
      // Words and identifiers are valid base64 too; real payloads mix cases and digits.
      if (!/[A-Z]/.test(s) || !/[a-z]/.test(s) || overlaps(m.index, m.index + s.length)) continue;
      const bytes = base64ToBytes(s);
      add(m.index, m.index + s.length, bytes ? utf8Decode(bytes) : undefined, 'base64');
    }
  }
  if (text.includes('%')) {
    for (const m of text.matchAll(PERCENT)) {
      if (out.length >= MAX_SEGMENTS) break;
      let decoded: string | undefined;
      try {
        decoded = decodeURIComponent(m[0].replace(/\+/g, ' '));
      } catch {
        decoded = undefined;
      }
      add(m.index, m.index + m[0].length, decoded, 'url');
    }
  }
  return out;
}
