/** Check rules for identifiers of the Americas (US, Canada, Mexico, Brazil, Chile, Argentina). */
import { digitsOf, isRepeated, luhn, weightedSum } from './checksums.js';

// Published sample numbers (Woolworth's wallet card, SSA advertising) that are not anyone's SSN.
const SAMPLE_SSNS = new Set([78051120, 219099999, 457555462, 123456789]);

/** US SSN structural rules: no 000/666/9xx area, no 00 group, no 0000 serial, no known sample. */
export function usSsn(value: string): boolean | undefined {
  // In numbers, not strings: a CSV of a hundred thousand rows asks this of every row.
  const d = digitsOf(value);
  if (d.length !== 9) return false;
  const area = d[0]! * 100 + d[1]! * 10 + d[2]!;
  if (area === 0 || area === 666 || area >= 900) return false;
  if (d[3]! * 10 + d[4]! === 0 || d[5]! * 1000 + d[6]! * 100 + d[7]! * 10 + d[8]! === 0) return false;
  let number = 0;
  for (let i = 0; i < 9; i++) number = number * 10 + d[i]!;
  if (SAMPLE_SSNS.has(number) || isRepeated(d)) return false;
  // Mixed separators ("693-09.4444") are not how anyone writes an SSN.
  let separator = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (separator === -1) separator = c;
    else if (c !== separator) return false;
  }
  return undefined;
}

/** US ITIN: 9xx with group 50-65, 70-88, 90-92 or 94-99. */
export function usItin(value: string): boolean | undefined {
  const d = digitsOf(value);
  if (d.length !== 9 || d[0] !== 9) return false;
  const g = d[3]! * 10 + d[4]!;
  const ok = (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
  return ok ? undefined : false;
}

const EIN_PREFIXES = new Set(
  '01 02 03 04 05 06 10 11 12 13 14 15 16 20 21 22 23 24 25 26 27 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 71 72 73 74 75 76 77 80 81 82 83 84 85 86 87 88 90 91 92 93 94 95 98 99'.split(
    ' ',
  ),
);

/** US EIN: a campus prefix the IRS assigns. */
export function usEin(value: string): boolean | undefined {
  const d = digitsOf(value);
  if (d.length !== 9 || isRepeated(d)) return false;
  return EIN_PREFIXES.has(`${d[0]}${d[1]}`) ? undefined : false;
}

/** ABA routing number: weights 3-7-1 and a Federal Reserve prefix. */
export function usAbaRouting(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9 || isRepeated(d)) return false;
  const p = d[0]! * 10 + d[1]!;
  if (!(p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p === 80)) return false;
  return weightedSum(d, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 === 0;
}

/** DEA registration number: two letters and seven digits with a weighted check digit. */
export function usDea(value: string): boolean {
  const m = /^([A-Za-z])([A-Za-z9])(\d{7})$/.exec(value.replace(/[\s-]/g, ''));
  if (!m) return false;
  if (!'ABCDEFGHJKLMPRSTUX'.includes(m[1]!.toUpperCase())) return false;
  const d = digitsOf(m[3]!);
  const sum = d[0]! + d[2]! + d[4]! + 2 * (d[1]! + d[3]! + d[5]!);
  return sum % 10 === d[6];
}

/** NPI: Luhn over the number prefixed with 80840; starts with 1 or 2. */
export function usNpi(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 10 || (d[0] !== 1 && d[0] !== 2) || isRepeated(d)) return false;
  return luhn([8, 0, 8, 4, 0, ...d]);
}

/** Canadian SIN: nine digits, Luhn, first digit not 0 or 8; separators consistent. */
export function caSin(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9 || d[0] === 0 || d[0] === 8 || isRepeated(d)) return false;
  const seps = value.replace(/\d/g, '');
  if (seps.length > 0 && new Set(seps).size > 1) return false;
  return luhn(d);
}

const CURP_CHARS = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';

/** Mexican CURP: 18 characters with a weighted mod-10 check digit. */
export function mxCurp(value: string): boolean {
  const v = value.toUpperCase();
  if (v.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const n = CURP_CHARS.indexOf(v[i]!);
    if (n < 0) return false;
    sum += n * (18 - i);
  }
  return (10 - (sum % 10)) % 10 === Number(v[17]);
}

/** Brazilian CPF: eleven digits with two mod-11 check digits. */
export function brCpf(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || isRepeated(d)) return false;
  const check = (n: number): number => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += d[i]! * (n + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  return check(9) === d[9] && check(10) === d[10];
}

/** Credit card: Luhn over 13-19 digits. */
export function creditCard(value: string): boolean {
  const d = digitsOf(value);
  if (d.length < 13 || d.length > 19 || isRepeated(d) || !luhn(d)) return false;
  // Issuer prefixes: no network issues cards starting with 0; 13 digits are only old Visa (4...) and
  // 1... only UATP (15); other 13-digit Luhn-valid numbers are national ids (Thai ID) by chance.
  if (d[0] === 0) return false;
  if (d.length === 13 && d[0] !== 4) return false;
  return d[0] !== 1 || d.length === 15;
}

/** IMEI: 15 digits with Luhn. */
export function imei(value: string): boolean {
  const d = digitsOf(value);
  return d.length === 15 && !isRepeated(d) && luhn(d);
}

/** Chilean RUT/RUN: a body of 7-8 digits and a mod-11 check character (0-9 or K), weights 2-7 from the right. */
export function clRut(value: string): boolean {
  const m = /^(\d{1,2}\.?\d{3}\.?\d{3})-?([\dkK])$/.exec(value.trim());
  if (!m) return false;
  const body = digitsOf(m[1]!);
  if (body.length < 7 || isRepeated(body)) return false;
  let sum = 0;
  for (let i = body.length - 1, w = 2; i >= 0; i--, w = w === 7 ? 2 : w + 1) sum += body[i]! * w;
  const check = 11 - (sum % 11);
  const expected = check === 11 ? '0' : check === 10 ? 'k' : String(check);
  return m[2]!.toLowerCase() === expected;
}

/** Argentine CUIT/CUIL: a type prefix (20, 23, 24, 27, 30, 33, 34) and a mod-11 check digit. */
export function arCuit(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || ![20, 23, 24, 27, 30, 33, 34].includes(d[0]! * 10 + d[1]!)) return false;
  const rest = weightedSum(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  return check !== 10 && check === d[10];
}
