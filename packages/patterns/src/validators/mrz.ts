/** ICAO 9303 machine-readable zone check digits (passports, TD3). */

function charValue(ch: string): number {
  if (ch === '<') return 0;
  const c = ch.charCodeAt(0);
  return c >= 65 ? c - 55 : c - 48;
}

/** ICAO check digit of a field: weights 7-3-1, mod 10. */
export function mrzCheckDigit(field: string): number {
  const w = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += charValue(field[i]!) * w[i % 3]!;
  return sum % 10;
}

/** A TD3 second line (44 characters): document number, birth, expiry and composite checks. */
export function passportMrz(value: string): boolean {
  const lines = value.split(/\s+/).filter((l) => l.length === 44);
  const line = lines[lines.length - 1];
  if (!line || !/^[A-Z0-9<]{44}$/.test(line)) return false;
  const ok = (field: string, check: string): boolean =>
    check === '<' || mrzCheckDigit(field) === Number(check);
  const doc = line.slice(0, 9);
  const birth = line.slice(13, 19);
  const expiry = line.slice(21, 27);
  const composite = line.slice(0, 10) + line.slice(13, 20) + line.slice(21, 43);
  return (
    ok(doc, line[9]!) &&
    ok(birth, line[19]!) &&
    ok(expiry, line[27]!) &&
    mrzCheckDigit(composite) === Number(line[43])
  );
}
