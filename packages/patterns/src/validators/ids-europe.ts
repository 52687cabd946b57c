/** Check rules for European national identifiers. */

import ibanLengths from '../data/iban-lengths.json' with { type: 'json' };
import { digitsOf, iso7064Mod11_10, isRepeated, isValidDate, luhn, mod97, weightedSum } from './checksums.js';

const IBAN_LENGTHS: Readonly<Record<string, number>> = ibanLengths;

/** IBAN: per-country length and ISO 7064 mod 97-10. */
export function iban(value: string): boolean {
  const v = value.replace(/[\s-]/g, '').toUpperCase();
  const len = IBAN_LENGTHS[v.slice(0, 2)];
  if (len === undefined || v.length !== len || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(v)) return false;
  return mod97(v.slice(4) + v.slice(0, 4)) === 1;
}

/** UK NHS number: ten digits, mod 11 with weights 10..2. */
export function ukNhs(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 10 || isRepeated(d)) return false;
  const r = 11 - (weightedSum(d, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  const check = r === 11 ? 0 : r;
  return check !== 10 && check === d[9];
}

/** UK National Insurance number prefix and suffix rules. */
export function ukNino(value: string): boolean | undefined {
  const v = value.replace(/\s/g, '').toUpperCase();
  const m = /^([A-CEGHJ-PR-TW-Z])([A-CEGHJ-NPR-TW-Z])\d{6}([A-D])$/.exec(v);
  if (!m) return false;
  if (['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(m[1]! + m[2]!)) return false;
  return undefined;
}

const NIF_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI/NIF: eight digits and the mod-23 letter. */
export function esNif(value: string): boolean {
  const m = /^(\d{8})-?([A-Z])$/i.exec(value.trim());
  return m ? NIF_LETTERS[Number(m[1]) % 23] === m[2]!.toUpperCase() : false;
}

/** Spanish NIE: X/Y/Z, seven digits and the mod-23 letter. */
export function esNie(value: string): boolean {
  const m = /^([XYZ])-?(\d{7})-?([A-Z])$/i.exec(value.trim());
  if (!m) return false;
  const n = Number(`${'XYZ'.indexOf(m[1]!.toUpperCase())}${m[2]}`);
  return NIF_LETTERS[n % 23] === m[3]!.toUpperCase();
}

const IT_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** Italian codice fiscale: 16 characters, check letter from odd/even position tables. */
export function itFiscalCode(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(v))
    return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = v.charCodeAt(i);
    const n = c >= 65 ? c - 65 : c - 48;
    // Positions are 1-based in the specification: index 0 is "odd".
    sum += i % 2 === 0 ? IT_ODD[n]! : n;
  }
  return String.fromCharCode(65 + (sum % 26)) === v[15];
}

/** Dutch BSN: nine digits passing the 11-proof. */
export function nlBsn(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 9 || isRepeated(d)) return false;
  const sum = weightedSum(d, [9, 8, 7, 6, 5, 4, 3, 2]) - d[8]!;
  return sum > 0 && sum % 11 === 0;
}

/** Polish PESEL: eleven digits, weights 1-3-7-9, encoded birth date. */
export function plPesel(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11) return false;
  const sum = weightedSum(d, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]);
  if ((10 - (sum % 10)) % 10 !== d[10]) return false;
  const month = (d[2]! * 10 + d[3]!) % 20;
  const day = d[4]! * 10 + d[5]!;
  return isValidDate(2000, month, day);
}

/** Swedish personnummer: date (day +60 for coordination numbers) and Luhn on the 10-digit form. */
export function sePersonnummer(value: string): boolean {
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})[-+]?(\d{4})$/.exec(value.trim());
  if (!m) return false;
  const year = Number(`${m[1] ?? '19'}${m[2]}`);
  let day = Number(m[4]);
  if (day > 60) day -= 60;
  if (!isValidDate(year, Number(m[3]), day)) return false;
  return luhn(digitsOf(`${m[2]}${m[3]}${m[4]}${m[5]}`));
}

/** Norwegian fodselsnummer: eleven digits with two mod-11 control digits. */
export function noFodselsnummer(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || isRepeated(d)) return false;
  const k = (weights: number[]): number => {
    const r = 11 - (weightedSum(d, weights) % 11);
    return r === 11 ? 0 : r;
  };
  const k1 = k([3, 7, 6, 1, 8, 9, 4, 5, 2]);
  const k2 = k([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  let day = d[0]! * 10 + d[1]!;
  if (day > 40) day -= 40; // D-numbers
  const month = ((d[2]! * 10 + d[3]!) % 40) % 20 || 0;
  return k1 === d[9] && k2 === d[10] && isValidDate(2000, month, day);
}

const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** Finnish HETU: DDMMYY, century sign, individual number and the mod-31 check character. */
export function fiHetu(value: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/i.exec(value.trim());
  if (!m) return false;
  if (!isValidDate(2000, Number(m[2]), Number(m[1]))) return false;
  return HETU_CHECK[Number(`${m[1]}${m[2]}${m[3]}${m[5]}`) % 31] === m[6]!.toUpperCase();
}

/**
 * German pension insurance number (Rentenversicherungs-/Sozialversicherungsnummer): area, birth date
 * DDMMYY, the birth name's initial, a serial and a check digit. The initial counts as its place in the
 * alphabet (two digits); each digit times 2,1,2,5,7,1,2,1,2,1,2,1 adds its digit sum, modulo 10.
 */
export function deSvnr(value: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})([A-Z])(\d{2})(\d)$/i.exec(value.replace(/\s/g, ''));
  if (!m) return false;
  if (!isValidDate(2000, Number(m[3]), Number(m[2]))) return false;
  const initial = m[5]!.toUpperCase().charCodeAt(0) - 64;
  const digits = digitsOf(`${m[1]}${m[2]}${m[3]}${m[4]}${String(initial).padStart(2, '0')}${m[6]}`);
  const weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const product = digits[i]! * weights[i]!;
    sum += Math.floor(product / 10) + (product % 10);
  }
  return sum % 10 === Number(m[7]);
}

/**
 * Czech and Slovak birth number (rodné číslo): YYMMDD, women's months plus 50 (plus 20 or 70 when a
 * day's numbers ran out, from 2004), then three digits before 1954 and four since, the ten-digit number
 * divisible by 11 (or its first nine giving 10 and the last digit 0). Undefined for the nine-digit form,
 * which has no check digit.
 */
export function czBirthNumber(value: string): boolean | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})\s?\/?\s?(\d{3,4})$/.exec(value.trim());
  if (!m) return false;
  const yy = Number(m[1]);
  const mm = Number(m[2]);
  const month = mm > 70 ? mm - 70 : mm > 50 ? mm - 50 : mm > 20 ? mm - 20 : mm;
  if (m[4]!.length === 3) return yy < 54 && isValidDate(1900 + yy, month, Number(m[3])) ? undefined : false;
  const year = yy < 54 ? 2000 + yy : 1900 + yy;
  if (mm > 20 && mm < 50 && year < 2004) return false;
  if (!isValidDate(year, month, Number(m[3]))) return false;
  const whole = `${m[1]}${m[2]}${m[3]}${m[4]}`;
  const rest = Number(whole.slice(0, 9)) % 11;
  return Number(whole) % 11 === 0 || (rest === 10 && whole.endsWith('0'));
}

/** Danish CPR: a real date; the mod-11 rule was dropped in 2007, so nothing more to check. */
export function dkCpr(value: string): boolean | undefined {
  const d = digitsOf(value);
  if (d.length !== 10) return false;
  return isValidDate(2000, d[2]! * 10 + d[3]!, d[0]! * 10 + d[1]!) ? undefined : false;
}

/** French NIR (INSEE): 13 digits (2A/2B for Corsica) and a 97-complement key. */
export function frNir(value: string): boolean {
  const v = value.replace(/\s/g, '').toUpperCase();
  if (!/^[12]\d{4}(?:\d{2}|2A|2B)\d{6}\d{2}$/.test(v)) return false;
  const body = v.slice(0, 13).replace('2A', '19').replace('2B', '18');
  const key = 97 - Number(BigInt(body) % 97n);
  return key === Number(v.slice(13));
}

/** German tax id (Steuer-IdNr): eleven digits, no leading zero, ISO 7064 MOD 11,10. */
export function deTaxId(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 11 || d[0] === 0) return false;
  if (isRepeated(d)) return false;
  return iso7064Mod11_10(d);
}

/** Dutch/Belgian/other EU VAT numbers: per-country checksum where one is published. */
export function euVat(value: string): boolean | undefined {
  const v = value.replace(/[\s.-]/g, '').toUpperCase();
  const cc = v.slice(0, 2);
  const body = v.slice(2);
  const d = digitsOf(body);
  switch (cc) {
    case 'DE':
      return /^\d{9}$/.test(body) && iso7064Mod11_10(d);
    case 'IT':
      return /^\d{11}$/.test(body) && luhn(d);
    case 'FR': {
      if (!/^[0-9A-Z]{2}\d{9}$/.test(body)) return false;
      if (!/^\d{2}/.test(body)) return undefined;
      const siren = Number(body.slice(2));
      return (12 + 3 * (siren % 97)) % 97 === Number(body.slice(0, 2));
    }
    case 'BE': {
      if (!/^[01]\d{9}$/.test(body)) return false;
      return 97 - (Number(body.slice(0, 8)) % 97) === Number(body.slice(8));
    }
    case 'NL': {
      const m = /^(\d{9})B\d{2}$/.exec(body);
      if (!m) return false;
      const dd = digitsOf(m[1]!);
      return weightedSum(dd, [9, 8, 7, 6, 5, 4, 3, 2]) % 11 === dd[8] || mod97(`NL${body}`) === 1;
    }
    case 'AT': {
      const m = /^U(\d{8})$/.exec(body);
      if (!m) return false;
      const dd = digitsOf(m[1]!);
      let s = 0;
      for (let i = 0; i < 7; i++) {
        const x = i % 2 === 1 ? dd[i]! * 2 : dd[i]!;
        s += Math.floor(x / 10) + (x % 10);
      }
      return (10 - ((s + 4) % 10)) % 10 === dd[7];
    }
    case 'PL':
      return /^\d{10}$/.test(body) && weightedSum(d, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 === d[9];
    case 'DK':
      return /^\d{8}$/.test(body) && weightedSum(d, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0;
    case 'FI': {
      if (!/^\d{8}$/.test(body)) return false;
      const r = weightedSum(d, [7, 9, 10, 5, 8, 4, 2]) % 11;
      return r !== 1 && (r === 0 ? 0 : 11 - r) === d[7];
    }
    case 'ES':
    case 'SE':
    case 'PT':
    case 'IE':
    case 'LU':
    case 'CZ':
    case 'SK':
    case 'HU':
    case 'RO':
    case 'BG':
    case 'HR':
    case 'SI':
    case 'EE':
    case 'LV':
    case 'LT':
    case 'CY':
    case 'MT':
    case 'EL':
      return /^[0-9A-Z]{8,12}$/.test(body) && /\d{6}/.test(body) ? undefined : false;
    default:
      return false;
  }
}
