import { describe, expect, it } from 'vitest';
import { maskHeaders, maskUrl, previewBody } from './mask.js';

describe('maskUrl', () => {
  it('masks secret query values and passwords, for each URL in turn (the last one is cached)', () => {
    const secret = 'http://user:pw@127.0.0.1:1/x?api_key=abc&q=1';
    expect(maskUrl(secret)).toBe('http://user:***@127.0.0.1:1/x?api_key=***&q=1');
    expect(maskUrl(secret)).toBe('http://user:***@127.0.0.1:1/x?api_key=***&q=1');
    expect(maskUrl('http://127.0.0.1:1/plain?q=2')).toBe('http://127.0.0.1:1/plain?q=2');
    expect(maskUrl(secret)).toBe('http://user:***@127.0.0.1:1/x?api_key=***&q=1');
    expect(maskUrl('not a url')).toBe('not a url');
  });
});

describe('previewBody', () => {
  it('keeps short bodies whole and cuts long ones at the byte limit', () => {
    expect(previewBody(undefined)).toBe('');
    expect(previewBody('{"prompt":"hi"}')).toBe('{"prompt":"hi"}');
    expect(previewBody('é'.repeat(10), 12)).toBe(`${'é'.repeat(6)}…`);
    expect(previewBody('ab'.repeat(3000))).toBe(`${'ab'.repeat(1024)}…`);
    expect(previewBody(new TextEncoder().encode('bytes'))).toBe('bytes');
  });
});

describe('maskHeaders', () => {
  it('masks secret-looking header values and keeps the auth scheme', () => {
    expect(
      maskHeaders([
        ['Authorization', 'Bearer sk-123'],
        ['Content-Type', 'application/json'],
      ]),
    ).toEqual([
      ['Authorization', 'Bearer ***'],
      ['Content-Type', 'application/json'],
    ]);
  });
});
