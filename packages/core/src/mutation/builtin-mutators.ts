import type { Mutator } from './mutator.js';

/** Every built-in mutation type, in catalogue order. */
export const builtinMutators: readonly Mutator[] = [];
