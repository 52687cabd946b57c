import { describe, expect, it } from 'vitest';
import { reportMeta } from '../report-input.js';
import { createFixtureReport } from '../testing/fixture-report.js';
import { interimRedact } from './interim-redact.js';
import { redactMeta, redactResult } from './redact-result.js';
import { patternRedactor, resolveRedactor } from './redaction.js';

const base = createFixtureReport({ cases: 6 }).results[5]!; // an http_headers case with a wire record

describe('redactResult', () => {
  it('masks prompts, responses, reasons, messages and wire previews', () => {
    const secret = 'ops@corp.example.com';
    const r = redactResult(
      {
        ...base,
        goldenPrompt: `mail ${secret}`,
        mutated: `mail ${secret}`,
        response: `sure: ${secret}`,
        checks: [
          {
            type: 'x',
            id: 'x',
            passed: false,
            reason: `leaked ${secret}`,
            severity: 'high',
            details: { match: secret },
          },
        ],
        messages: [{ role: 'user', content: secret }],
        error: { cause: 'target_error', message: secret },
      },
      patternRedactor,
    );
    expect(JSON.stringify(r)).not.toContain(secret);
    expect(r.sent?.headers.find(([n]) => n === 'authorization')?.[1]).toBe('[REDACTED:credential_header]');
  });

  it('masks credential headers even when redaction is off', () => {
    const r = redactResult(base, resolveRedactor({ redact: false }));
    expect(JSON.stringify(r)).not.toContain('sk-test-secret');
    expect(r.response).toBe(base.response);
  });

  it('scans only a preview plus a margin when asked, and still masks what is shown', () => {
    const text = `${'a '.repeat(50)}me@corp.example.com ${'b'.repeat(10_000)} late@corp.example.com`;
    const r = redactResult({ ...base, response: text }, patternRedactor, 200);
    expect(r.response).not.toContain('me@corp.example.com');
    expect(r.response.length).toBeLessThan(1_000);
  });

  it('the second pass catches key shapes and validates card numbers', () => {
    expect(interimRedact('key sk-proj-abcdefghijklmnop1234 here')).toBe('key [REDACTED:openai_key] here');
    expect(interimRedact('card 4111 1111 1111 1111')).toBe('card [REDACTED:credit_card]');
    expect(interimRedact('order 1234 5678 9012 3456')).toBe('order 1234 5678 9012 3456');
  });
});

describe('credentials in URLs and run facts', () => {
  it('masks user:password@ and credential query parameters, always', () => {
    const r = redactResult(
      {
        ...base,
        sent: { ...base.sent!, url: 'https://bob:hunter2@api.example.com/chat?api_key=abc123&x=1' },
      },
      resolveRedactor({ redact: false }),
    );
    expect(r.sent?.url).toBe(
      'https://[REDACTED:url_credentials]@api.example.com/chat?api_key=[REDACTED:url_credential]&x=1',
    );
  });

  it('masks the agent URL, command and warnings of the header', () => {
    const report = createFixtureReport({ cases: 1 });
    const meta = redactMeta(
      {
        ...reportMeta(report),
        agent: { kind: 'http', description: 'POST http://u:p@127.0.0.1:8080/chat?token=t0k' },
        command: 'flakestorm run --header "Authorization: Bearer abcdefghijklmnopqrstuvwxyz"',
        warnings: ['contact ops@corp.example.com'],
      },
      patternRedactor,
    );
    expect(meta.agent.description).toBe(
      'POST http://[REDACTED:url_credentials]@127.0.0.1:8080/chat?token=[REDACTED:url_credential]',
    );
    expect(meta.command).not.toContain('abcdefghijklmnopqrstuvwxyz');
    expect(meta.warnings[0]).not.toContain('ops@corp.example.com');
  });
});
