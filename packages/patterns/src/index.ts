/** @flakestorm/patterns: prompt-injection, PII and secret detection. Pure, synchronous, no I/O. */
export { attackExamples } from './attacks.js';
export { BUILTIN_VERSION, builtinDatabase } from './builtin.js';
export { mergeDatabases, parsePattern, parsePatternDatabase } from './database.js';
export { type DecodedSegment, findEncodedSegments } from './engine/decode.js';
export { type NormalizedText, normalizeText } from './engine/normalize.js';
export { findBacktrackingRisk } from './engine/regex-safety.js';
export { isPatternError, PatternError, type PatternErrorCode } from './errors.js';
export { listPatterns, loadPatternFile, type PatternSummary } from './load.js';
export { applyRedaction, defaultMask } from './redact.js';
export { type RuleRunMode, type RunMode, ruleRunModes, runModes } from './run-modes.js';
export { createScanner, databaseStats, defaultScanner, redact, scan } from './scanner.js';
export {
  type DatabaseStats,
  type DecodedFrom,
  decodedFromKinds,
  type Finding,
  type InjectionCategory,
  injectionCategories,
  type PatternDatabase,
  type PatternDefinition,
  type PatternExamples,
  type PatternKind,
  type PatternView,
  type PiiCategory,
  patternKinds,
  piiCategories,
  type RedactOptions,
  type Scanner,
  type ScanOptions,
  type ScanResult,
  type Severity,
  severities,
  severityRank,
} from './types.js';
export { shannonEntropy } from './validators/entropy.js';
export { getValidator, type Validator, type ValidatorResult, validatorNames } from './validators/registry.js';
export { type ExampleFailure, verifyExamples } from './verify.js';
