import { defaultScanner } from '@flakestorm/patterns';
import type { TextScanner } from './invariant-context.js';

/** The pattern engine's shared scanner, seen through the slice of it invariants use. */
export function builtinScanner(): TextScanner {
  return defaultScanner();
}
