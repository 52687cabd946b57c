import type { InvariantType } from './invariant.js';

/** Every built-in invariant type. */
export const builtinInvariants: readonly InvariantType[] = [];
