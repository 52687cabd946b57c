import { describe, expect, it } from 'vitest';
import { contentWords, lexicalSimilarity } from './lexical-similarity.js';
import { stemWord } from './stemmer.js';

describe('stemWord', () => {
  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['booking', 'book'],
    ['booked', 'book'],
    ['books', 'book'],
    ['hopping', 'hop'],
    ['relational', 'relat'],
    ['generalization', 'gener'],
    ['happy', 'happi'],
    ['cancellation', 'cancel'],
  ])('%s -> %s', (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });

  it('leaves short, non-latin and mixed words alone', () => {
    expect(stemWord('is')).toBe('is');
    expect(stemWord('東京')).toBe('東京');
    expect(stemWord('abc123')).toBe('abc123');
  });
});

describe('lexicalSimilarity', () => {
  it('is 1 for identical texts and 0 for unrelated ones', () => {
    expect(lexicalSimilarity('Your flight is booked.', 'Your flight is booked.')).toBe(1);
    expect(lexicalSimilarity('abc', 'xyz')).toBe(0);
  });

  it('is symmetric and bounded', () => {
    const a = 'I booked your flight to Tokyo for Monday.';
    const b = 'Your Tokyo flight is booked for Monday!';
    expect(lexicalSimilarity(a, b)).toBeCloseTo(lexicalSimilarity(b, a), 10);
    expect(lexicalSimilarity(a, b)).toBeGreaterThan(0);
    expect(lexicalSimilarity(a, b)).toBeLessThanOrEqual(1);
  });

  it('ranks a rewording of the same answer above a different answer', () => {
    const golden = 'Your flight to Tokyo is booked for Monday at 9am. Confirmation code ABC123.';
    const reworded = 'Booked! Your Tokyo flight departs Monday 9am, confirmation ABC123.';
    const typo = 'Your flight to Tokyo is bookd for Monday at 9am. Confirmaton code ABC123.';
    const other = 'I am sorry, I cannot help with that request.';
    expect(lexicalSimilarity(golden, typo)).toBeGreaterThan(0.75);
    expect(lexicalSimilarity(golden, reworded)).toBeGreaterThan(0.5);
    expect(lexicalSimilarity(golden, other)).toBeLessThan(0.2);
  });

  it('keeps negation as meaning: "not" survives the stop words', () => {
    expect(contentWords("I can't book it").has('not')).toBe(true);
    expect(lexicalSimilarity('The payment went through', 'The payment did not go through')).toBeLessThan(
      lexicalSimilarity('The payment went through', 'The payment went through fine'),
    );
  });

  it('handles empty and stop-word-only texts', () => {
    expect(lexicalSimilarity('', '')).toBe(1);
    expect(lexicalSimilarity('', 'hello')).toBe(0);
    expect(lexicalSimilarity('Yes, I will.', 'yes i will')).toBeGreaterThan(0.9);
  });
});
