/**
 * Numbers that the text labels as something other than a person's identifier: `"ts": 1701234567`,
 * `"order_id": 301729083`, `"expiresAt": ...`, `checksum=4697361733`, `Order #565837024`, `took
 * 1701234567890 ms`. A national id's checksum passes one random number in ten or eleven, so machine
 * output (JSON logs, API responses, tool results an agent reads) is full of numbers that pass as an
 * NPI, an NHS number, a SIN or an Aadhaar number. Where the label says what the number is, and none
 * of the rule's own context words is near, the label wins. So does the place: a number in a URL's
 * path or query (`/u/130389858?s=200`), or an operand in code (`bitField & 117506048`,
 * `% 2147483648`, `uint32(2498761568)`), is no one's identifier; nor is a power of two or one less
 * than one (a machine constant). Runs such as 123456789 stay: test data uses them as sample ids.
 */

// The label right before the value: a word or key, then an optional "number"/"no."/"#", then up to a
// colon or equals sign, "is", quotes and spaces.
const LABEL_BEFORE =
  /(?:^|[^A-Za-z0-9_])([A-Za-z][A-Za-z0-9_]{0,40})(?:[ _-]?(?:number|num|no\.?|nr\.?))?["'`]?\s?(?:[:=#]|is|was)?\s?["'`]?#?$/;
// Labels of times, quantities and records (snake_case keys are read by their last part).
const NON_PERSONAL = new Set(
  (
    'ts time times timestamp epoch date datetime iat exp nbf when since until expires expiry expiration ' +
    'created updated modified deleted started ended finished completed seen took elapsed duration latency ' +
    'uptime millis nanos ms at on id ids uuid guid index idx seq sequence offset line row page count total ' +
    'size length len bytes width height port pid build version revision rev commit checksum crc hash ' +
    'serial sku qty quantity amount price cost cents score rank level step order invoice ticket case ' +
    'tracking transaction txn ref reference confirmation booking reservation item product job task ' +
    'request session batch lot part merge pr pull issue bug sha capacity blocks inode ino memory heap ' +
    'used free available limit max min'
  ).split(' '),
);
// A label naming the person's own identifier keeps the number whatever its last part says
// ("national_id", "tax_id", "patientId", "card_number", "patient ID").
const PERSONAL_STEM =
  /national|tax|citizen|person|resident|social|ssn|insur|patient|member|passport|licen[cs]e|voter|driver|nhs|npi|medicare|aadhaar|bsn|pesel|card|account|iban|bank|routing|phone|mobile|birth|dob/i;
// A unit of time or size right after the value.
const UNIT_AFTER =
  /^\s?(?:ms|msec|millis|milliseconds?|s|sec|secs|seconds?|us|ns|bytes?|b|kb|kib|mb|mib|gb|gib|tb|bits?)\b/i;
// Right before the value: a URL path or query (`/`, `=` glued to it), or a code operator or a call's
// opening parenthesis (`& `, `% `, `== `, `uint32(`).
const PLACE_BEFORE = /(?:[/=]|(?:[%&|^<>]|[=!]==?|<<|>>)\s?|[\w\]]\()$/;
// Right after it: a code operator (`16711680 & a[f]`, `536870912 >> 2`).
const OPERATOR_AFTER = /^\s?(?:[%&|^]|<<|>>|[=!]==?)/;

const BARE_DIGITS = /^\d+$/;
const CAMEL_TAIL = /[a-z0-9]([A-Z][a-z]*)$/;

const isPowerOfTwo = (x: number): boolean => x >= 65536 && Number.isInteger(Math.log2(x));
/** 2^n or 2^n - 1, from 65536 up. */
function isMachineConstant(value: string): boolean {
  if (value.length < 5 || value.length > 15) return false;
  const n = Number(value);
  return isPowerOfTwo(n) || isPowerOfTwo(n + 1);
}

/** The last part of a key: "created_at" -> "at", "orderId" -> "id", "ts" -> "ts". */
function lastPart(label: string): string {
  const snake = label.lastIndexOf('_');
  const tail = snake >= 0 ? label.slice(snake + 1) : label;
  const camel = CAMEL_TAIL.exec(tail);
  return (camel ? camel[1]! : tail).toLowerCase();
}

/** True when `value`, at [start, end) of `text`, is a run of digits its label or place marks as non-personal. */
export function labelledNonPersonal(text: string, start: number, end: number, value: string): boolean {
  if (!BARE_DIGITS.test(value)) return false;
  if (isMachineConstant(value)) return true;
  const after = text.slice(end, end + 14);
  if (UNIT_AFTER.test(after) || OPERATOR_AFTER.test(after)) return true;
  const before = text.slice(Math.max(0, start - 48), start);
  // The words just before the label count too: "patient ID 4456789" is a medical record number.
  if (PERSONAL_STEM.test(before.slice(-28))) return false;
  if (PLACE_BEFORE.test(before)) return true;
  const label = LABEL_BEFORE.exec(before)?.[1];
  return label !== undefined && NON_PERSONAL.has(lastPart(label));
}
