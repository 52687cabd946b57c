/** Check rules for identifiers of Asia, Africa and Oceania. */
import { digitsOf, isRepeated, isValidDate, luhn, verhoeff, weightedSum } from './checksums.js';

/** Turkish TC Kimlik No: eleven digits, two check digits. */
export function trTcKimlik(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || d[0] === 0) return false;
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const d10 = (((odd * 7 - even) % 10) + 10) % 10;
  const d11 = d.slice(0, 10).reduce((a, b) => a + b, 0) % 10;
  return d10 === d[9] && d11 === d[10];
}

/** South African ID: YYMMDD date, citizenship digit 0-2, Luhn over 13 digits. */
export function zaId(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 13) return false;
  if (!isValidDate(2000 + d[0]! * 10 + d[1]!, d[2]! * 10 + d[3]!, d[4]! * 10 + d[5]!)) return false;
  if (d[10]! > 2) return false;
  return luhn(d);
}

/** Korean RRN: date and century/gender digit 1-4; the check digit exists only before October 2020. */
export function krRrn(value: string): boolean | undefined {
  const m = /^(\d{6})-?(\d{7})$/.exec(value.trim());
  if (!m) return false;
  const d = digitsOf(value);
  const g = d[6]!;
  if (g < 1 || g > 4 || isRepeated(d)) return false;
  const century = g <= 2 ? 1900 : 2000;
  if (!isValidDate(century + d[0]! * 10 + d[1]!, d[2]! * 10 + d[3]!, d[4]! * 10 + d[5]!)) return false;
  const check = (11 - (weightedSum(d, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11)) % 10;
  return check === d[12] ? true : undefined;
}

const MY_PLACES = /^(?:0[1-9]|1[0-6]|2[1-9]|[3-5]\d|6[0-8]|7[1-24-9]|8[2-9]|9[0-3]|9[89])$/;

/** Malaysian NRIC (MyKad): a real birth date and a known place-of-birth code. */
export function myNric(value: string): boolean | undefined {
  const d = digitsOf(value);
  if (d.length !== 12) return false;
  if (!isValidDate(2000, d[2]! * 10 + d[3]!, d[4]! * 10 + d[5]!)) return false;
  return MY_PLACES.test(`${d[6]}${d[7]}`) ? undefined : false;
}

/** Indian Aadhaar: twelve digits, first 2-9, Verhoeff check. */
export function inAadhaar(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 12 || d[0]! < 2 || isRepeated(d)) return false;
  const seps = value.replace(/\d/g, '');
  if (seps.length > 0 && new Set(seps).size > 1) return false;
  return verhoeff(d);
}

/** Indian PAN: holder-type letter in the fourth position. */
export function inPan(value: string): boolean | undefined {
  return /^[A-Z]{3}[ABCFGHLJPT][A-Z]\d{4}[A-Z]$/i.test(value) ? undefined : false;
}

/** Australian TFN: weighted mod 11 (8 or 9 digits). */
export function auTfn(value: string): boolean {
  const d = digitsOf(value);
  if (isRepeated(d)) return false;
  if (d.length === 9) return weightedSum(d, [1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 === 0;
  if (d.length === 8) return weightedSum(d, [10, 7, 8, 4, 6, 3, 5, 1]) % 11 === 0;
  return false;
}

/** Australian ABN: subtract 1 from the first digit, weighted sum mod 89. */
export function auAbn(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || d[0] === 0) return false;
  const w = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
  let sum = (d[0]! - 1) * w[0]!;
  for (let i = 1; i < 11; i++) sum += d[i]! * w[i]!;
  return sum % 89 === 0;
}

/** Australian Medicare number: first digit 2-6, weighted check in the ninth position. */
export function auMedicare(value: string): boolean {
  const d = digitsOf(value);
  if ((d.length !== 10 && d.length !== 11) || d[0]! < 2 || d[0]! > 6) return false;
  return weightedSum(d, [1, 3, 7, 9, 1, 3, 7, 9]) % 10 === d[8];
}

/** Chinese resident identity card: 17 digits and an ISO 7064 MOD 11-2 check character. */
export function cnResidentId(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const d = digitsOf(v.slice(0, 17));
  if (!isValidDate(Number(v.slice(6, 10)), Number(v.slice(10, 12)), Number(v.slice(12, 14)))) return false;
  const sum = weightedSum(d, [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);
  return '10X98765432'[sum % 11] === v[17];
}

/** Singapore NRIC/FIN: prefix letter, seven digits, weighted mod-11 check letter. */
export function sgNric(value: string): boolean {
  const v = value.toUpperCase();
  const m = /^([STFGM])(\d{7})([A-Z])$/.exec(v);
  if (!m) return false;
  const d = digitsOf(m[2]!);
  let sum = weightedSum(d, [2, 7, 6, 5, 4, 3, 2]);
  const p = m[1]!;
  if (p === 'T' || p === 'G') sum += 4;
  if (p === 'M') sum += 3;
  const r = sum % 11;
  const table = p === 'S' || p === 'T' ? 'JZIHGFEDCBA' : p === 'M' ? 'KLJNPQRTUWX' : 'XWUTRQPNMLK';
  return table[p === 'M' ? 10 - r : r] === m[3];
}

/**
 * Japanese Individual Number (My Number): twelve digits, the last a check digit over the other eleven
 * (weights 2-7, then 2-6, from the right; a remainder of 0 or 1 gives 0).
 */
export function jpMyNumber(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 12 || isRepeated(d)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += d[11 - n]! * (n <= 6 ? n + 1 : n - 5);
  const rest = sum % 11;
  return (rest <= 1 ? 0 : 11 - rest) === d[11];
}

/** Thai national ID: thirteen digits, the first 1-8, the last a mod-11 check digit (weights 13 to 2). */
export function thNationalId(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 13 || d[0] === 0 || d[0] === 9) return false;
  const sum = weightedSum(d, [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return (11 - (sum % 11)) % 10 === d[12];
}

/**
 * Indonesian NIK: sixteen digits, a province code 11-94 and a birth date (DDMMYY, day + 40 for women);
 * there is no check digit, so a well-formed number is only plausible.
 */
export function idNik(value: string): boolean | undefined {
  const d = digitsOf(value);
  if (d.length !== 16) return false;
  const province = d[0]! * 10 + d[1]!;
  if (province < 11 || province > 94) return false;
  let day = d[6]! * 10 + d[7]!;
  if (day > 40) day -= 40;
  if (!isValidDate(2000, d[8]! * 10 + d[9]!, day)) return false;
  return d[12]! * 1000 + d[13]! * 100 + d[14]! * 10 + d[15]! === 0 ? false : undefined;
}
