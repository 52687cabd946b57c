import { commandTargetFactory } from './command-target.js';
import { httpTargetFactory } from './http-target.js';
import { moduleTargetFactory } from './module-target.js';
import { openAiTargetFactory } from './openai-target.js';
import type { TargetFactory } from './target-factory.js';

/** Every built-in target kind: http, openai, module, command. */
export const builtinTargets: readonly TargetFactory[] = [
  httpTargetFactory,
  openAiTargetFactory,
  moduleTargetFactory,
  commandTargetFactory,
];
