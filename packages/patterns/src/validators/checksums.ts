/** Generic check-digit algorithms shared by many national identifiers. */
import { isDigitCode } from '../engine/char-codes.js';

/** The decimal digits of `value`, ignoring separators. */
export function digitsOf(value: string): readonly number[] {
  // Counted first and allocated at their number: growing by push allocates a 17-slot store for the first
  // digit, and a megabyte of candidates (a flood of eight-digit groups) is a hundred thousand calls.
  let count = 0;
  for (let i = 0; i < value.length; i++) if (isDigitCode(value.charCodeAt(i))) count++;
  const out = new Array<number>(count);
  for (let i = 0, k = 0; k < count; i++) {
    const c = value.charCodeAt(i);
    if (isDigitCode(c)) out[k++] = c - 48;
  }
  return out;
}

/** Luhn mod 10 over the digits (cards, IMEI, CA SIN, NPI, ZA ID). */
export function luhn(digits: readonly number[]): boolean {
  if (digits.length < 2) return false;
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits[i]!;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
] as const;
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
] as const;

/** Verhoeff dihedral check (Aadhaar). */
export function verhoeff(digits: readonly number[]): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits[digits.length - 1 - i]!;
    c = VERHOEFF_D[c]![VERHOEFF_P[i % 8]![d]!]!;
  }
  return c === 0;
}

/** Weighted sum of digits with `weights` (aligned from the left). */
export function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * weights[i]!;
  return sum;
}

/** ISO 7064 mod 97-10 remainder of an alphanumeric string (letters count as 10..35). */
export function mod97(value: string): number {
  let rem = 0;
  for (const ch of value.toUpperCase()) {
    const code = ch.charCodeAt(0);
    const v = code >= 65 && code <= 90 ? code - 55 : code - 48;
    if (v < 0 || v > 35) continue;
    rem = v > 9 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem;
}

/** ISO 7064 MOD 11,10 (German tax id, German VAT). */
export function iso7064Mod11_10(digits: readonly number[]): boolean {
  let product = 10;
  for (let i = 0; i < digits.length - 1; i++) {
    let sum = (digits[i]! + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  let check = 11 - product;
  if (check === 10) check = 0;
  return check === digits[digits.length - 1];
}

/**
 * True when every digit is the same ("000000000"), or every digit but the last ("1111111112": a check
 * digit computed over a repeated body): placeholders and test values, not real numbers.
 */
export function isRepeated(digits: readonly number[]): boolean {
  // The body before a check digit: every digit but the last, or all of them when there are two or fewer.
  const body = digits.length > 2 ? digits.length - 1 : digits.length;
  for (let i = 1; i < body; i++) if (digits[i] !== digits[0]) return false;
  return true;
}

/** A valid calendar date (month 1-12, day within month; leap years honoured). */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return day <= days[month - 1]!;
}
