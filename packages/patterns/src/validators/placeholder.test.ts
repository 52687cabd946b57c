import { describe, expect, it } from 'vitest';
import { scan } from '../scanner.js';
import { isPlaceholderSecret } from './placeholder.js';

describe('isPlaceholderSecret', () => {
  it.each([
    'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'AKIAIOSFODNN7EXAMPLE',
    'your-api-key-here',
    '<YOUR_TOKEN>',
    `\${GITHUB_TOKEN}`, // a shell variable reference, not a template
    'AIzaSyabcdefghijklmnopqrstuvwxyz1234567',
    'sk_live_0000000000000000',
  ])('flags %s', (v) => expect(isPlaceholderSecret(v)).toBe(true));

  it.each([
    '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',
    'sk_test_51H8cJ2q9TzK4mX7vB3nR',
    'correct-horse-battery-staple',
    'abcd1234abcd1234abcd1234',
  ])('keeps %s', (v) => expect(isPlaceholderSecret(v)).toBe(false));
});

describe('secret scanning with placeholders', () => {
  it('drops placeholder tokens but keeps random-looking ones', () => {
    expect(scan('token: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', { kinds: ['secret'] }).findings).toEqual(
      [],
    );
    const real = scan('token: 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', { kinds: ['secret'] }).findings;
    expect(real.map((f) => f.id)).toEqual(['github_token']);
  });
});
