// The `flakestorm` SDK: the same engine as the command, as a typed library.
export type {
  CaseError,
  CaseResult,
  ChatMessage,
  CheckResult,
  ErrorCause,
  FlakestormErrorCode,
  InvariantCheck,
  InvariantSpec,
  InvariantType,
  JsonObject,
  JsonValue,
  MutateContext,
  MutationVariant,
  Mutator,
  Observation,
  Plugin,
  ReportRenderer,
  RunEvent,
  RunEventListener,
  RunMeta,
  RunPlan,
  RunReport,
  RunSummary,
  Severity,
  Target,
  TargetFactory,
  TargetRequest,
  TargetResponse,
  Verdict,
} from '@flakestorm/core';
export {
  defineInvariant,
  defineMutator,
  definePlugin,
  FlakestormError,
  isFlakestormError,
  REPORT_SCHEMA_VERSION,
} from '@flakestorm/core';
export type { RunRecorder, RunRecorderFactory } from './recorder.js';
export type { RunInput, RunOptions, RunOutcome } from './sdk-run.js';
export { run } from './sdk-run.js';
