import type { TargetFactory } from './target-factory.js';

/** Every built-in target kind: http, openai, module, command. */
export const builtinTargets: readonly TargetFactory[] = [];
