import type { Mutator } from './mutator.js';
import {
  atbashMutator,
  base64Mutator,
  binaryMutator,
  characterSpacingMutator,
  hexMutator,
  htmlEntitiesMutator,
  morseCodeMutator,
  reversedTextMutator,
  rot13Mutator,
  unicodeEscapeMutator,
  urlEncodingMutator,
} from './types/encoding-mutators.js';
import {
  contextOverflowMutator,
  distractorMutator,
  fewShotPoisoningMutator,
  htmlInjectionMutator,
  indirectInjectionMutator,
  markdownInjectionMutator,
  payloadSplittingMutator,
  prefixInjectionMutator,
  refusalSuppressionMutator,
  rolePlayPersonaMutator,
  systemPromptExtractionMutator,
} from './types/injection-mutators.js';
import { crescendoMutator, manyShotMutator } from './types/multi-turn-mutators.js';
import {
  advancedJailbreakMutator,
  formatPoisoningMutator,
  languageMixingMutator,
  multiTurnAttackMutator,
  semanticSimilarityAttackMutator,
  temporalAttackMutator,
  tokenManipulationMutator,
} from './types/python-advanced.js';
import {
  contextManipulationMutator,
  customMutator,
  encodingAttacksMutator,
  lengthExtremesMutator,
  noiseMutator,
  paraphraseMutator,
  promptInjectionMutator,
  toneShiftMutator,
} from './types/python-core.js';
import {
  concurrentRequestPatternMutator,
  contentTypeConfusionMutator,
  httpHeaderInjectionMutator,
  payloadSizeAttackMutator,
  protocolLevelAttackMutator,
  queryParameterPoisoningMutator,
  requestMethodAttackMutator,
  resourceExhaustionMutator,
  timeoutManipulationMutator,
} from './types/system-wire.js';
import {
  caseFlipMutator,
  emojiNoiseMutator,
  leetspeakMutator,
  punctuationNoiseMutator,
  synonymSubstitutionMutator,
  whitespaceNoiseMutator,
} from './types/text-noise-mutators.js';
import {
  bidiOverrideMutator,
  combiningMarksMutator,
  fullwidthMutator,
  homoglyphMutator,
  invisibleCharactersMutator,
  unicodeTagSmugglingMutator,
  zeroWidthMutator,
} from './types/unicode-mutators.js';

/** Every built-in mutation type, in catalogue order: the 24 Python Flakestorm types first, then the rest. */
export const builtinMutators: readonly Mutator[] = [
  // Python Flakestorm core (same names and default weights).
  paraphraseMutator,
  noiseMutator,
  toneShiftMutator,
  promptInjectionMutator,
  encodingAttacksMutator,
  contextManipulationMutator,
  lengthExtremesMutator,
  customMutator,
  // Python Flakestorm advanced.
  multiTurnAttackMutator,
  advancedJailbreakMutator,
  semanticSimilarityAttackMutator,
  formatPoisoningMutator,
  languageMixingMutator,
  tokenManipulationMutator,
  temporalAttackMutator,
  // Python Flakestorm system/network: real wire changes for HTTP targets, text fallbacks elsewhere.
  httpHeaderInjectionMutator,
  payloadSizeAttackMutator,
  contentTypeConfusionMutator,
  queryParameterPoisoningMutator,
  requestMethodAttackMutator,
  protocolLevelAttackMutator,
  resourceExhaustionMutator,
  concurrentRequestPatternMutator,
  timeoutManipulationMutator,
  // Text perturbations.
  leetspeakMutator,
  caseFlipMutator,
  whitespaceNoiseMutator,
  punctuationNoiseMutator,
  emojiNoiseMutator,
  synonymSubstitutionMutator,
  // Unicode tricks.
  homoglyphMutator,
  zeroWidthMutator,
  invisibleCharactersMutator,
  unicodeTagSmugglingMutator,
  bidiOverrideMutator,
  fullwidthMutator,
  combiningMarksMutator,
  // Encodings.
  base64Mutator,
  hexMutator,
  rot13Mutator,
  urlEncodingMutator,
  reversedTextMutator,
  characterSpacingMutator,
  morseCodeMutator,
  binaryMutator,
  atbashMutator,
  htmlEntitiesMutator,
  unicodeEscapeMutator,
  // Injection techniques.
  payloadSplittingMutator,
  fewShotPoisoningMutator,
  rolePlayPersonaMutator,
  refusalSuppressionMutator,
  prefixInjectionMutator,
  indirectInjectionMutator,
  systemPromptExtractionMutator,
  markdownInjectionMutator,
  htmlInjectionMutator,
  distractorMutator,
  contextOverflowMutator,
  // Multi-turn conversations.
  crescendoMutator,
  manyShotMutator,
];

/** Python Flakestorm's default run: its first seven types. */
export const pythonDefaultMutationTypes: readonly string[] = [
  'paraphrase',
  'noise',
  'tone_shift',
  'prompt_injection',
  'encoding_attacks',
  'context_manipulation',
  'length_extremes',
];
