/** Byte/text conversions without TextEncoder, atob or Buffer, so the package needs no platform typings. */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) t[B64.charCodeAt(i)] = i;
  t[45] = 62; // '-' (base64url)
  t[95] = 63; // '_' (base64url)
  return t;
})();

/** Decodes standard or URL-safe base64; undefined if a character is outside the alphabet. */
export function base64ToBytes(value: string): Uint8Array | undefined {
  // Padding dropped by hand: a regex replace here cost as much as decoding a short candidate.
  let length = value.length;
  while (length > 0 && value.charCodeAt(length - 1) === 61) length--;
  const out = new Uint8Array(Math.floor((length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (let i = 0; i < length; i++) {
    const c = value.charCodeAt(i);
    const v = c < 128 ? B64_INDEX[c]! : -1;
    if (v < 0) return undefined;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, j);
}

const HEX_VALUE = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < 16; i++) {
    t['0123456789abcdef'.charCodeAt(i)] = i;
    t['0123456789ABCDEF'.charCodeAt(i)] = i;
  }
  return t;
})();

/** Decodes hex pairs ("69676e", "69 67 6e", "\\x69\\x67", "0x69 0x67"). */
export function hexToBytes(value: string): Uint8Array | undefined {
  const hex = /[\\\s:,xX-]/.test(value) ? value.replace(/\\[xX]|0[xX]|[\s:,-]/g, '') : value;
  if (hex.length % 2 !== 0) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const a = hex.charCodeAt(i * 2);
    const b = hex.charCodeAt(i * 2 + 1);
    const hi = a < 128 ? HEX_VALUE[a]! : -1;
    const lo = b < 128 ? HEX_VALUE[b]! : -1;
    if (hi < 0 || lo < 0) return undefined;
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** Strict UTF-8 decoding; undefined on malformed input. */
export function utf8Decode(bytes: Uint8Array): string | undefined {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    let cp: number;
    let n: number;
    if (b < 0x80) {
      cp = b;
      n = 0;
    } else if (b >= 0xc2 && b < 0xe0) {
      cp = b & 0x1f;
      n = 1;
    } else if (b >= 0xe0 && b < 0xf0) {
      cp = b & 0x0f;
      n = 2;
    } else if (b >= 0xf0 && b < 0xf5) {
      cp = b & 0x07;
      n = 3;
    } else return undefined;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are malformed too (the last made
    // String.fromCodePoint throw on random base64 such as "9KS9juqXMepeTK23").
    if (n === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) return undefined;
    if (n === 3 && (cp < 0x10000 || cp > 0x10ffff)) return undefined;
    out += String.fromCodePoint(cp);
    i += n + 1;
  }
  return out;
}

/** UTF-8 encoding of a string. */
export function utf8Encode(value: string): Uint8Array {
  const out: number[] = [];
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}

const FROM_CODES_CHUNK = 8192;
// Any regex run makes V8 flatten its subject.
const FLATTEN = /^/;

/**
 * A string from the first `length` UTF-16 code units: `apply` takes the typed array as is, where spreading
 * it iterates, in chunks that stay under engines' argument limits. A longer string comes out flat: joined
 * chunks make a rope, which optimised code reads with charCodeAt by walking the rope at every character
 * (a loop over a megabyte took 8 ms against 1.8 on the flat copy), and which the first regex would
 * flatten anyway.
 */
export function fromCodes(codes: Uint16Array, length = codes.length): string {
  let s = '';
  for (let i = 0; i < length; i += FROM_CODES_CHUNK)
    s += String.fromCharCode.apply(
      null,
      codes.subarray(i, Math.min(length, i + FROM_CODES_CHUNK)) as unknown as number[],
    );
  if (length > FROM_CODES_CHUNK) FLATTEN.test(s);
  return s;
}

// Up to this many units, the buffer below is kept for the next text; a larger one is allocated apart.
const MAX_KEPT_UNITS = 1 << 22;
let units = new Uint16Array(0);

/**
 * A buffer of at least `n` UTF-16 units (not cleared) for building a string that `fromCodes` reads out
 * before anything else asks for one. One buffer serves every text: a fresh megabyte-sized array is
 * fresh memory that the system hands over page by page, at a cost measured here at 6 ms per two
 * megabytes, on every scan.
 */
export function unitBuffer(n: number): Uint16Array {
  if (n > MAX_KEPT_UNITS) return new Uint16Array(n);
  if (units.length < n) units = new Uint16Array(Math.max(n, Math.min(MAX_KEPT_UNITS, units.length * 2)));
  return units;
}

const ROT13 = (() => {
  const t = new Uint16Array(128);
  for (let c = 0; c < 128; c++) {
    if (c >= 65 && c <= 90) t[c] = ((c - 65 + 13) % 26) + 65;
    else if (c >= 97 && c <= 122) t[c] = ((c - 97 + 13) % 26) + 97;
    else t[c] = c;
  }
  return t;
})();

/** ROT13 of the ASCII letters (other characters unchanged; same length). */
export function rot13(value: string): string {
  const out = new Uint16Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    out[i] = c < 128 ? ROT13[c]! : c;
  }
  return fromCodes(out);
}
