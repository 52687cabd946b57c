/** Cryptocurrency address checks: Base58Check and Bech32/Bech32m (Bitcoin), EIP-55 (Ethereum). */
import { utf8Encode } from '../engine/codec.js';
import { keccak256 } from './keccak.js';
import { sha256 } from './sha256.js';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

// Base58 digit of each ASCII code, -1 for characters outside the alphabet.
const B58_DIGIT = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < B58.length; i++) t[B58.charCodeAt(i)] = i;
  return t;
})();

/**
 * Decodes Base58 text to bytes, or undefined on an invalid character. Bytes are built by multiplying
 * a byte array by 58 per digit: addresses are a few dozen characters, and BigInt arithmetic made this
 * the costliest part of a Bitcoin address check.
 */
export function base58Decode(value: string): Uint8Array | undefined {
  // log(58) / log(256) < 0.733: enough bytes for any value of this many digits.
  const size = Math.ceil(value.length * 0.733) + 1;
  const bytes = new Uint8Array(size);
  let used = 0; // bytes at the end of the array holding the value so far
  let zeros = 0;
  while (zeros < value.length && value.charCodeAt(zeros) === 49) zeros++; // leading '1's are zero bytes
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let carry = c < 128 ? B58_DIGIT[c]! : -1;
    if (carry < 0) return undefined;
    let k = 0;
    for (let j = size - 1; j >= 0 && (carry !== 0 || k < used); j--, k++) {
      carry += 58 * bytes[j]!;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    used = k;
  }
  const out = new Uint8Array(zeros + used);
  out.set(bytes.subarray(size - used), zeros);
  return out;
}

/** Base58Check: the last four bytes are the double SHA-256 of the rest. */
function hasBase58Checksum(bytes: Uint8Array): boolean {
  if (bytes.length < 5) return false;
  const payload = bytes.subarray(0, bytes.length - 4);
  const sum = sha256(sha256(payload));
  for (let i = 0; i < 4; i++) if (sum[i] !== bytes[bytes.length - 4 + i]) return false;
  return true;
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i]!;
  }
  return chk >>> 0;
}

/** Bech32 (BIP-173) or Bech32m (BIP-350) segwit address with its checksum and witness version. */
export function bech32Address(value: string): boolean {
  if (value !== value.toLowerCase() && value !== value.toUpperCase()) return false;
  const v = value.toLowerCase();
  const pos = v.lastIndexOf('1');
  if (pos < 1 || pos + 7 > v.length || v.length > 90) return false;
  const hrp = v.slice(0, pos);
  const data: number[] = [];
  for (const ch of v.slice(pos + 1)) {
    const d = BECH32.indexOf(ch);
    if (d < 0) return false;
    data.push(d);
  }
  const expanded: number[] = [];
  for (const ch of hrp) expanded.push(ch.charCodeAt(0) >> 5);
  expanded.push(0);
  for (const ch of hrp) expanded.push(ch.charCodeAt(0) & 31);
  const check = polymod([...expanded, ...data]);
  const witnessVersion = data[0] ?? -1;
  return witnessVersion === 0 ? check === 1 : check === 0x2bc830a3;
}

/** Bitcoin address: legacy Base58Check (version 0x00 or 0x05) or segwit Bech32. */
export function bitcoinAddress(value: string): boolean {
  if (/^(?:bc|tb)1/i.test(value)) return bech32Address(value);
  const b = base58Decode(value);
  return b !== undefined && b.length === 25 && (b[0] === 0x00 || b[0] === 0x05) && hasBase58Checksum(b);
}

/** Ethereum address: EIP-55 mixed-case checksum; all-lower/upper has no checksum to verify. */
export function ethereumAddress(value: string): boolean | undefined {
  const hex = value.slice(2);
  if (!/^0x[0-9a-fA-F]{40}$/.test(value)) return false;
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return /^0+$/.test(hex) ? false : undefined;
  const hash = keccak256(utf8Encode(hex.toLowerCase()));
  for (let i = 0; i < 40; i++) {
    const c = hex.charCodeAt(i);
    if (c < 65) continue; // a digit has no case to check
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    if (nibble >= 8 !== c < 97) return false; // a letter is upper case exactly where the nibble is 8+
  }
  return true;
}
