/** Shared by the decoders' tests: an order hidden in `from` is flagged once read back, and only then. */
import { expect } from 'vitest';
import { createScanner } from '../scanner.js';
import type { DecodedFrom } from '../types.js';

const scanner = createScanner();

/** `text` flags as injection with a finding decoded from `from`, and does not flag with decoding off. */
export function expectFlaggedOnlyDecoded(text: string, from: DecodedFrom): void {
  const result = scanner.scan(text, { kinds: ['injection'] });
  expect(result.injection.flagged, text).toBe(true);
  expect(result.findings.some((f) => f.decodedFrom === from)).toBe(true);
  expect(scanner.scan(text, { kinds: ['injection'], decode: false }).injection.flagged).toBe(false);
}
