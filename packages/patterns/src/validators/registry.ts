/**
 * Named validators a pattern file can refer to. A validator returns true when a checksum confirms the
 * value, false to drop the candidate, and undefined when the value is plausible but has no checksum.
 */
import { base64ToBytes, utf8Decode } from '../engine/codec.js';
import { digitsOf, isRepeated, isValidDate, luhn } from './checksums.js';
import { bitcoinAddress, ethereumAddress } from './crypto-address.js';
import { isHighEntropySecret, isPlausibleBarePassword, isPlausiblePassword } from './entropy.js';
import * as am from './ids-americas.js';
import * as eu from './ids-europe.js';
import * as world from './ids-world.js';
import { passportMrz } from './mrz.js';
import { isIpv4, isIpv6 } from './network.js';
import { ukPostcode } from './postcodes.js';

/** A validator's verdict: confirmed (true), rejected (false) or plausible without checksum (undefined). */
export type ValidatorResult = boolean | undefined;

/** A named check applied to a candidate's matched text. */
export type Validator = (value: string) => ValidatorResult;

/** Parses "YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY" or "DD.MM.YYYY" as a plausible past date. */
function dateOfBirth(value: string): ValidatorResult {
  const n = value
    .split(/[^\d]+/)
    .filter(Boolean)
    .map(Number);
  if (n.length !== 3) return undefined; // month names: the regex already constrained it
  const [a, b, c] = n as [number, number, number];
  const ok = (y: number, m: number, d: number): boolean => y >= 1900 && y <= 2100 && isValidDate(y, m, d);
  if (a > 999) return ok(a, b, c) ? undefined : false;
  const y = c < 100 ? 1900 + c : c;
  return ok(y, b, a) || ok(y, a, b) ? undefined : false;
}

// One coordinate with a hemisphere: degrees, then minutes and seconds if written ("48°51'29.6\"N").
const HEMISPHERE_COORDINATE = /(\d+(?:\.\d+)?)°(?:\s?(\d+(?:\.\d+)?)['′](?:\s?(\d+(?:\.\d+)?))?)?/g;

/** Degrees of each coordinate of a pair written with hemispheres; undefined when a part is out of range. */
function hemisphereDegrees(value: string): number[] | undefined {
  const out: number[] = [];
  for (const m of value.matchAll(HEMISPHERE_COORDINATE)) {
    const minutes = Number(m[2] ?? 0);
    const seconds = Number(m[3] ?? 0);
    if (minutes >= 60 || seconds >= 60) return undefined;
    out.push(Number(m[1]) + minutes / 60 + seconds / 3600);
  }
  return out.length === 2 ? out : undefined;
}

function gps(value: string): ValidatorResult {
  const [lat, lon] = value.includes('°')
    ? (hemisphereDegrees(value) ?? [])
    : value.split(/[,\s]+/).map(Number);
  if (lat === undefined || lon === undefined || Number.isNaN(lat) || Number.isNaN(lon)) return false;
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? undefined : false;
}

function jwt(value: string): ValidatorResult {
  const head = value.split('.')[0] ?? '';
  try {
    const bytes = base64ToBytes(head);
    const json = bytes ? utf8Decode(bytes) : undefined;
    if (json === undefined || !/"(?:alg|typ|kid)"/.test(json)) return false;
    // A real header is a complete JSON object; a cut or hand-made one is a fixture.
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null;
  } catch {
    return false;
  }
}

// PEM and OpenSSH blocks whose body is too short to hold a key ("anything", empty) are fixtures.
function pemBody(value: string): ValidatorResult {
  const body = value.replace(/-----(?:BEGIN|END)[^-]*-----/g, '').replace(/[^A-Za-z0-9+/=]/g, '');
  return body.length >= 16 ? undefined : false;
}

// Dialling formats that are phone numbers on their face: +country or 00 prefix, an (area) code, or the
// North American 3-3-4 shape with one separator kind.
const PHONE_FORMAT = /^(?:\+|00)\d|^\(\d{2,4}\)|^(?:1[ .-])?\d{3}([.-])\d{3}\1\d{4}(?!\d)/;

// NANP 3-3-4 ("401-023-2138"): an exchange code never starts with 0 or 1, so such a value is another
// kind of number (a tax id, an account) in phone shape.
const NANP_SHAPE = /^(?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}([.-]))[01]\d{2}[.-]\d{4}$/;

// The shortest subscriber numbers in use have six digits; fewer is a version, a price or part of an
// address ("1.20" of "192.168.1.20").
const PHONE_MIN_DIGITS = 6;

// Four dotted groups of at most 255 are an IPv4 address (the ipv4 rule reports it), not a phone number.
const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const isDottedQuad = (value: string): boolean =>
  DOTTED_QUAD.exec(value)
    ?.slice(1)
    .every((part) => Number(part) <= 255) ?? false;

// A number written the way E.164 stores it, +country and the rest unseparated ("+447911123456", or
// "+91 4155550132"): eight to fifteen digits, the most any number plan uses. One ending in five zeros is
// a quantity with a sign ("+12000000 visits"), not a line.
const E164 = /^\+\d{1,3}[ .-]?\d+$/;
const ROUND = /0{5}$/;

// +1 is the North American plan: ten digits after it, area and exchange codes starting with 2-9. Written
// unseparated it is exactly that long; a separated match may run on into a neighbouring number, whose
// digits are not the phone's.
const EXTENSION = /\s?(?:x|ext\.?|extension)\s?\d+$/i;
function isNanp(value: string, digits: readonly number[], unseparated: boolean): boolean {
  const line = EXTENSION.test(value) ? digitsOf(value.replace(EXTENSION, '')) : digits;
  const lengthFits = unseparated ? line.length === 11 : line.length >= 11;
  return lengthFits && line[1]! >= 2 && line[4]! >= 2;
}

function phoneNumber(value: string): ValidatorResult {
  const digits = digitsOf(value);
  if (digits.length < PHONE_MIN_DIGITS || isDottedQuad(value)) return false;
  if (notRepeatedDigits(value) === false) return false;
  if (NANP_SHAPE.test(value)) return false;
  const unseparated = E164.test(value);
  if (value.startsWith('+1') && !isNanp(value, digits, unseparated)) return false;
  if (unseparated && (digits.length < 8 || digits.length > 15 || ROUND.test(value))) return false;
  return PHONE_FORMAT.test(value) ? true : undefined;
}

// Broadcast and all-zero addresses name no device; one address uses one separator throughout.
function macAddress(value: string): ValidatorResult {
  const lower = value.toLowerCase();
  if (
    /^[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}$/.test(lower) &&
    !/^[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}$/.test(lower)
  ) {
    return false;
  }
  const hex = lower.replace(/[^0-9a-f]/g, '');
  return hex === '000000000000' || hex === 'ffffffffffff' ? false : undefined;
}

function notRepeatedDigits(value: string): ValidatorResult {
  const d = digitsOf(value);
  return d.length > 0 && isRepeated(d) ? false : undefined;
}

const validators: Readonly<Record<string, Validator>> = {
  luhn: (v) => luhn(digitsOf(v)),
  credit_card: am.creditCard,
  imei: am.imei,
  iban: eu.iban,
  us_ssn: am.usSsn,
  us_itin: am.usItin,
  us_ein: am.usEin,
  us_aba_routing: am.usAbaRouting,
  us_dea: am.usDea,
  us_npi: am.usNpi,
  ca_sin: am.caSin,
  mx_curp: am.mxCurp,
  cl_rut: am.clRut,
  ar_cuit: am.arCuit,
  br_cpf: am.brCpf,
  uk_nhs: eu.ukNhs,
  uk_nino: eu.ukNino,
  uk_postcode: ukPostcode,
  es_nif: eu.esNif,
  es_nie: eu.esNie,
  it_fiscal_code: eu.itFiscalCode,
  nl_bsn: eu.nlBsn,
  pl_pesel: eu.plPesel,
  se_personnummer: eu.sePersonnummer,
  no_fodselsnummer: eu.noFodselsnummer,
  fi_hetu: eu.fiHetu,
  dk_cpr: eu.dkCpr,
  fr_nir: eu.frNir,
  de_tax_id: eu.deTaxId,
  eu_vat: eu.euVat,
  de_svnr: eu.deSvnr,
  cz_birth_number: eu.czBirthNumber,
  tr_tc_kimlik: world.trTcKimlik,
  za_id: world.zaId,
  kr_rrn: world.krRrn,
  my_nric: world.myNric,
  in_aadhaar: world.inAadhaar,
  in_pan: world.inPan,
  au_tfn: world.auTfn,
  au_abn: world.auAbn,
  au_medicare: world.auMedicare,
  cn_resident_id: world.cnResidentId,
  sg_nric: world.sgNric,
  jp_my_number: world.jpMyNumber,
  th_national_id: world.thNationalId,
  id_nik: world.idNik,
  bitcoin_address: bitcoinAddress,
  ethereum_address: ethereumAddress,
  passport_mrz: passportMrz,
  ipv4: (v) => (isIpv4(v) ? undefined : false),
  ipv6: (v) => (isIpv6(v) ? undefined : false),
  high_entropy: (v) => (isHighEntropySecret(v) ? undefined : false),
  password_value: (v) => (isPlausiblePassword(v) ? undefined : false),
  password_bare: (v) => (isPlausibleBarePassword(v) ? undefined : false),
  date_of_birth: dateOfBirth,
  gps_coordinates: gps,
  jwt,
  pem_body: pemBody,
  phone_number: phoneNumber,
  mac_address: macAddress,
  not_repeated: notRepeatedDigits,
};

/** Looks up a validator by the name a pattern file uses. */
export function getValidator(name: string): Validator | undefined {
  return Object.hasOwn(validators, name) ? validators[name] : undefined;
}

/** Names of all built-in validators, for error messages and docs. */
export function validatorNames(): readonly string[] {
  return Object.keys(validators);
}
