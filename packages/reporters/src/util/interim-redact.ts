/**
 * A small second-pass redactor for the commonest secrets and PII, run after the pattern engine's
 * `redact`, so that a key shape the engine does not know (test keys, truncated keys) is still masked.
 */
const rules: Array<[id: string, pattern: RegExp]> = [
  ['private_key', /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g],
  ['jwt', /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g],
  ['openai_key', /\bsk-(?:proj-)?[A-Za-z0-9_-]{16,}/g],
  ['aws_access_key', /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g],
  ['github_token', /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g],
  ['slack_token', /\bxox[abposr]-[A-Za-z0-9-]{10,}/g],
  ['bearer_token', /\bBearer\s+[A-Za-z0-9._~+/-]{16,}=*/g],
  ['email', /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g],
  ['us_ssn', /\b\d{3}-\d{2}-\d{4}\b/g],
];

const cardCandidate = /\b(?:\d[ -]?){13,19}\b/g;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Replaces matches with `[REDACTED:<id>]`, the pattern engine's marker. */
export function interimRedact(text: string): string {
  let out = text;
  for (const [id, pattern] of rules) out = out.replace(pattern, `[REDACTED:${id}]`);
  return out.replace(cardCandidate, (match) => {
    const digits = match.replace(/\D/g, '');
    return digits.length >= 13 && luhnValid(digits) ? '[REDACTED:credit_card]' : match;
  });
}
