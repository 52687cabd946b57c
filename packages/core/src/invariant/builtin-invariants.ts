import type { InvariantType } from './invariant.js';
import { behaviorUnchangedInvariant } from './types/behavior-unchanged.js';
import { completesInvariant } from './types/completes.js';
import { containsAnyInvariant, containsInvariant, notContainsInvariant } from './types/contains.js';
import { customInvariant } from './types/custom.js';
import { excludesPiiInvariant } from './types/excludes-pii.js';
import { jsonSchemaInvariant } from './types/json-schema.js';
import { latencyInvariant } from './types/latency.js';
import { maxLengthInvariant } from './types/max-length.js';
import { noSystemPromptLeakInvariant } from './types/no-system-prompt-leak.js';
import { outputNotEmptyInvariant } from './types/output-not-empty.js';
import { refusalCheckInvariant } from './types/refusal-check.js';
import { excludesPatternInvariant, regexInvariant } from './types/regex.js';
import { similarityInvariant } from './types/similarity.js';
import { statusInvariant } from './types/status.js';
import { validJsonInvariant } from './types/valid-json.js';

/** Every built-in invariant type: Python Flakestorm's twelve first, then the additions. */
export const builtinInvariants: readonly InvariantType[] = [
  containsInvariant,
  containsAnyInvariant,
  regexInvariant,
  excludesPatternInvariant,
  latencyInvariant,
  validJsonInvariant,
  similarityInvariant,
  excludesPiiInvariant,
  refusalCheckInvariant,
  outputNotEmptyInvariant,
  completesInvariant,
  behaviorUnchangedInvariant,
  notContainsInvariant,
  jsonSchemaInvariant,
  statusInvariant,
  maxLengthInvariant,
  noSystemPromptLeakInvariant,
  customInvariant,
];
