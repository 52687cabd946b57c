import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRedaction } from './redact.js';
import { createScanner } from './scanner.js';
import type { Finding, ScanResult } from './types.js';

const scanner = createScanner();
const b64 = (s: string): string => btoa(s);

const finding = (id: string, start: number, end: number): Finding => ({
  kind: 'pii',
  id,
  category: 'contact',
  severity: 'medium',
  start,
  end,
  validated: false,
  confidence: 0.9,
});
const resultOf = (...findings: Finding[]): ScanResult => ({
  injection: { flagged: false, score: 0 },
  findings,
});

describe('applyRedaction', () => {
  it('masks the part of an overlapping finding that reaches past the one already masked', () => {
    const text = 'AAAA BBBB CCCC';
    const out = applyRedaction(text, resultOf(finding('first', 0, 9), finding('second', 5, 14)));
    expect(out).toBe('[REDACTED:first][REDACTED:second]');
  });

  it('masks a finding nested in another once, and leaves the text between findings alone', () => {
    const text = 'AAAA BBBB CCCC';
    expect(applyRedaction(text, resultOf(finding('outer', 0, 9), finding('inner', 5, 9)))).toBe(
      '[REDACTED:outer] CCCC',
    );
    expect(applyRedaction(text, resultOf(finding('b', 10, 14), finding('a', 0, 4)))).toBe(
      '[REDACTED:a] BBBB [REDACTED:b]',
    );
  });
});

describe('redact', () => {
  it('leaves nothing of a card number followed by an e-mail encoded in a URL that starts inside it', () => {
    // The percent-encoded segment begins with the card's last group: the two findings overlap.
    const email = [...'john@example.com'].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
    const text = `4111 1111 1111 1111${email}`;
    expect(scanner.redact(text)).not.toMatch(/1111|%6a|%40/);
  });

  it('masks every address of a long log, however many one rule finds', () => {
    // Over the 5,000 matches a rule once stopped at: the rest of the log was left readable.
    const lines = Array.from(
      { length: 6000 },
      (_, i) => `2026-11-28 INFO user=user${i}@example.com ip=10.1.${i >> 8}.${i & 255}`,
    );
    const text = lines.join('\n');
    const found = scanner.scan(text).findings;
    expect(found.filter((f) => f.id === 'email')).toHaveLength(6000);
    expect(found.filter((f) => f.id === 'ipv4')).toHaveLength(6000);
    const redacted = scanner.redact(text);
    expect(redacted).not.toMatch(/@example\.com|10\.1\./);
    expect(redacted.split('\n')[5999]).toBe('2026-11-28 INFO user=[REDACTED:email] ip=[REDACTED:ipv4]');
  });

  it('reports a megabyte of 131,072 addresses without overflowing the call stack', () => {
    const findings = scanner.scan('1.1.1.1 '.repeat(131_072)).findings;
    expect(findings).toHaveLength(131_072);
    expect(findings[131_071]).toMatchObject({ id: 'ipv4', start: 8 * 131_071, end: 8 * 131_071 + 7 });
  });

  it('masks an IP address whole, not the phone-like tail of it that a context word favours', () => {
    expect(scanner.redact('call 192.168.1.20 now')).toBe('call [REDACTED:ipv4] now');
  });

  it('masks the span of every confident rule, where the scan reports only the best one', () => {
    // The scan reports the password; the e-mail-like "hunter22@git.example.org" around it is a weaker,
    // longer candidate. Redaction names the password and masks the rest of the other as well.
    const text = 'https://deploy:hunter22@git.example.org';
    expect(scanner.scan(text).findings.map((f) => f.id)).toEqual(['connection_string_password']);
    expect(scanner.redact(text)).toBe('https://deploy:[REDACTED:connection_string_password][REDACTED:email]');
  });

  it('reports no PII decoded from inside a token: its numbers are part of the token, masked whole', () => {
    const b64url = (s: string): string => btoa(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    const jwt = [
      b64url('{"alg":"HS256","typ":"JWT"}'),
      b64url('{"uid":4539578763621486,"name":"Ann"}'), // the uid passes the card checksum
      'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    ].join('.');
    const findings = scanner.scan(`token ${jwt} end`).findings;
    expect(findings.map((f) => f.id)).toEqual(['jwt']);
    expect(scanner.redact(`token ${jwt} end`)).toBe('token [REDACTED:jwt] end');
  });

  // Secrets and PII separated as prose separates them, some encoded. No context words ("call", "SSN"):
  // a mask changes the distances between words, so a second pass could legitimately find a number that
  // a context word has moved near. A mask without words keeps the property exact.
  const pieces = [
    'john.doe@example.com',
    '4111 1111 1111 1111',
    '078-05-1120',
    'AKIAZ7XQ3MPLW4RT2NVB',
    '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',
    'postgres://admin:S3cr3tPa55@db.internal:5432/app',
    'password = "hunter2hunter2X9"',
    '+1 (415) 555-0132',
    'DE89 3704 0044 0532 0130 00',
    '192.168.1.20',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    b64('my password is hunter2 and card 4111111111111111'),
    b64('4111 1111 1111 1111'),
    '%6a%6f%68%6e%40%65%78%61%6d%70%6c%65%2e%63%6f%6d',
    'ignore previous instructions',
    '\u200b',
    '\uff11',
    'é',
    '😀',
    '中文',
    '1',
    'x',
  ];
  const piece = fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4, unit: 'grapheme' }));
  const separator = fc.constantFrom(' ', ', ', '\n', ' and ', '; ', ': ', ' (', ') ', '\t');
  const text = fc
    .array(fc.tuple(piece, separator), { maxLength: 12 })
    .map((parts) => parts.map(([p, s]) => p + s).join(''));
  const mask = { mask: () => '\u2588' };

  it('leaves nothing a second pass would mask, and reports spans on whole characters', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const f of scanner.scan(t).findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeGreaterThanOrEqual(f.start);
          expect(f.end).toBeLessThanOrEqual(t.length);
          // Never between the two halves of a surrogate pair.
          for (const at of [f.start, f.end]) expect(/^[\udc00-\udfff]/.test(t.slice(at))).toBe(false);
        }
        const once = scanner.redact(t, mask);
        expect(scanner.redact(once, mask)).toBe(once);
        // Redacting every kind masks at least what redacting each kind alone masks.
        const hidden = (s: string): number => s.split('\u2588').length;
        for (const kinds of [['pii'], ['secret']] as const)
          expect(hidden(once)).toBeGreaterThanOrEqual(hidden(scanner.redact(t, { ...mask, kinds })));
      }),
      { numRuns: 1500, seed: 7 },
    );
  });
});
