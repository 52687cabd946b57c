import fc from 'fast-check';
import { createRandom } from '../random.js';
import type { MutationVariant, Mutator } from './mutator.js';

/** Realistic prompts for meaning checks: words from a small vocabulary, optional final punctuation. */
const VOCAB = [
  'book',
  'flight',
  'Paris',
  'next',
  'Monday',
  'please',
  'cancel',
  'my',
  'order',
  'refund',
  'the',
  'account',
  'password',
  'reset',
  'weather',
  'tomorrow',
  'show',
  'find',
  'cheap',
  'hotel',
  'in',
  'London',
  'help',
  'me',
  'with',
  'invoice',
  'to',
  'what',
  'is',
  'status',
  'of',
  'delivery',
  'change',
  'address',
  'quickly',
  'I',
  'want',
  'need',
  'a',
  'ticket',
];

/** fast-check arbitrary of realistic prompts. */
export const realisticPrompt = fc
  .tuple(
    fc.array(fc.constantFrom(...VOCAB), { minLength: 2, maxLength: 12 }),
    fc.constantFrom('', '.', '?', '!'),
  )
  .map(([words, end]) => `${words.join(' ')}${end}`);

/** Runs a mutator with a seed. */
export function run(mutator: Mutator, prompt: string, seed: number, count = 5): MutationVariant[] {
  return mutator.mutate(prompt, { count, random: createRandom(seed), options: {} });
}

/** Levenshtein distance (small inputs only). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost));
    }
    prev = row;
  }
  return prev[b.length] as number;
}
