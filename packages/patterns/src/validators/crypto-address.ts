/** Cryptocurrency address checks: Base58Check and Bech32/Bech32m (Bitcoin), EIP-55 (Ethereum). */
import { utf8Encode } from '../engine/codec.js';
import { keccak256 } from './keccak.js';
import { sha256 } from './sha256.js';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Decodes Base58 text to bytes, or undefined on an invalid character. */
export function base58Decode(value: string): Uint8Array | undefined {
  let n = 0n;
  for (const ch of value) {
    const v = B58.indexOf(ch);
    if (v < 0) return undefined;
    n = n * 58n + BigInt(v);
  }
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  for (const ch of value) {
    if (ch !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

/** Base58Check: the last four bytes are the double SHA-256 of the rest. */
export function base58Check(value: string): boolean {
  const bytes = base58Decode(value);
  if (!bytes || bytes.length < 5) return false;
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
  if (!base58Check(value)) return false;
  const b = base58Decode(value)!;
  return b.length === 25 && (b[0] === 0x00 || b[0] === 0x05);
}

/** Ethereum address: EIP-55 mixed-case checksum; all-lower/upper has no checksum to verify. */
export function ethereumAddress(value: string): boolean | undefined {
  const hex = value.slice(2);
  if (!/^0x[0-9a-fA-F]{40}$/.test(value)) return false;
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return /^0+$/.test(hex) ? false : undefined;
  const hash = keccak256(utf8Encode(hex.toLowerCase()));
  for (let i = 0; i < 40; i++) {
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    const ch = hex[i]!;
    if (/[a-f]/i.test(ch) && nibble >= 8 !== (ch === ch.toUpperCase())) return false;
  }
  return true;
}
