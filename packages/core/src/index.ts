export type { CaseAttribution } from './chaos/case-attribution.js';
export { CASE_HEADER } from './chaos/case-attribution.js';
export type { ChaosProxy, ChaosProxyOptions, ProxyExchange } from './chaos/chaos-proxy.js';
export { chaosFlags, createChaosProxy } from './chaos/chaos-proxy.js';
export type {
  ChaosFault,
  ChaosMatch,
  ChaosRoute,
  ChaosRule,
  DriftType,
  HttpFault,
  LlmFault,
} from './chaos/chaos-rule.js';
export { faultName, isLlmFault } from './chaos/chaos-rule.js';
export type { ChaosRun, ChaosRunOptions } from './chaos/chaos-run.js';
export { startChaosRun } from './chaos/chaos-run.js';
export type { ContextAttackEntry } from './chaos/from-config.js';
export { chaosRulesFromConfig, contextAttacksOf } from './chaos/from-config.js';
export type { ChaosProfile } from './chaos/profiles.js';
export { chaosProfile, chaosProfiles, withProfile } from './chaos/profiles.js';
export type { ChaosRoutesInput } from './chaos/routes.js';
export { resolveRoute, toChaosRoutes } from './chaos/routes.js';
export type { UpstreamAnswer, UpstreamCall } from './chaos/upstream-call.js';
export type { FlakestormConfig, FlakestormConfigInput } from './config/config-schema.js';
export { defaultMutationTypes, defaultMutationWeights } from './config/default-weights.js';
export { defineConfig } from './config/define-config.js';
export type { ConfigEnv } from './config/interpolate.js';
export { configJsonSchema } from './config/json-schema.js';
export type { LoadConfigOptions, LoadConfigTextOptions, LoadedConfig } from './config/load-config.js';
export { loadConfigFile, loadConfigText } from './config/load-config.js';
export { configHash, redactedConfig } from './config/redact-config.js';
export type { RegistryConfigOptions } from './config/registry-options.js';
export { configOptionsFromRegistry } from './config/registry-options.js';
export type { ResolveConfigOptions } from './config/resolve-config.js';
export { resolveConfig } from './config/resolve-config.js';
export { starterConfig } from './config/starter-config.js';
export { withContextAttacks } from './context-attacks/attack-target.js';
export type {
  AttackedRequest,
  ContextAttackSpec,
  PromptContextAttackType,
} from './context-attacks/context-attack.js';
export { applyContextAttack } from './context-attacks/context-attack.js';
export type { CallOnceInput } from './contract/call-once.js';
export { callOnce } from './contract/call-once.js';
export type {
  ContractCellResult,
  ContractProbeResult,
  ContractReport,
  ContractSummary,
} from './contract/contract-report.js';
export { CONTRACT_REPORT_SCHEMA_VERSION } from './contract/contract-report.js';
export { contractSeverityWeights, scoreContract } from './contract/contract-score.js';
export type { ContractCell, ContractSpec } from './contract/contract-spec.js';
export { toContractSpec } from './contract/contract-spec.js';
export { parseContractReport } from './contract/read-contract-report.js';
export type { ContractEvent, ContractRunOptions } from './contract/run-contract.js';
export { runContract } from './contract/run-contract.js';
export type { ErrorIssue, FlakestormErrorCode, FlakestormErrorOptions, SourceLocation } from './errors.js';
export { FlakestormError, isFlakestormError } from './errors.js';
export { defaultAttackTypes, isAttackCase } from './invariant/attack-case.js';
export { builtinInvariants } from './invariant/builtin-invariants.js';
export type { InvariantCatalogueEntry } from './invariant/catalogue.js';
export { invariantCatalogue, pythonInvariantTypes } from './invariant/catalogue.js';
export { isInvariantApplicable } from './invariant/condition.js';
export type { Embedder } from './invariant/embedder.js';
export { cosineSimilarity } from './invariant/embedder.js';
export type { InvariantEvaluator, InvariantEvaluatorOptions } from './invariant/evaluator.js';
export { createInvariantEvaluator, validateInvariantSpec } from './invariant/evaluator.js';
export type {
  InvariantCheck,
  InvariantCondition,
  InvariantSpec,
  InvariantType,
  Verdict,
} from './invariant/invariant.js';
export { defineInvariant } from './invariant/invariant.js';
export type { InvariantContext, ScanFinding, TextScanner } from './invariant/invariant-context.js';
export type { CanaryLeak, CanaryLeakForm } from './invariant/text/leak-detection.js';
export { findCanaryLeak } from './invariant/text/leak-detection.js';
export { lexicalSimilarity } from './invariant/text/lexical-similarity.js';
export type { RefusalAnalysis, RefusalSignal } from './invariant/text/refusal.js';
export { detectRefusal, refusalScore } from './invariant/text/refusal.js';
export { behaviorUnchangedInvariant } from './invariant/types/behavior-unchanged.js';
export { completesInvariant } from './invariant/types/completes.js';
export { containsAnyInvariant, containsInvariant, notContainsInvariant } from './invariant/types/contains.js';
export type { CustomCheckFunction } from './invariant/types/custom.js';
export { customInvariant } from './invariant/types/custom.js';
export { excludesPiiInvariant } from './invariant/types/excludes-pii.js';
export { jsonSchemaInvariant } from './invariant/types/json-schema.js';
export { latencyInvariant } from './invariant/types/latency.js';
export { maxLengthInvariant } from './invariant/types/max-length.js';
export { noSystemPromptLeakInvariant } from './invariant/types/no-system-prompt-leak.js';
export { outputNotEmptyInvariant } from './invariant/types/output-not-empty.js';
export { refusalCheckInvariant } from './invariant/types/refusal-check.js';
export { excludesPatternInvariant, regexInvariant } from './invariant/types/regex.js';
export { similarityInvariant } from './invariant/types/similarity.js';
export { statusInvariant } from './invariant/types/status.js';
export { validJsonInvariant } from './invariant/types/valid-json.js';
export type { JsonObject, JsonValue } from './json.js';
export type { ChatMessage, ChatRole } from './message.js';
export { builtinMutators } from './mutation/builtin-mutators.js';
export type { MutationCatalogueEntry } from './mutation/catalogue.js';
export { mutationCatalogue } from './mutation/catalogue.js';
export { composeMutators, mutatorForSpec } from './mutation/compose.js';
export { generateWithLlm } from './mutation/llm/generate-with-llm.js';
export type {
  LlmGenerationRequest,
  LlmGenerator,
  LlmGeneratorOptions,
} from './mutation/llm/llm-generator.js';
export { createLlmGenerator } from './mutation/llm/llm-generator.js';
export type {
  MeaningPreservation,
  MutateContext,
  MutationGroup,
  MutationVariant,
  Mutator,
} from './mutation/mutator.js';
export { defineMutator } from './mutation/mutator.js';
export type { AttackPayload } from './mutation/payloads.js';
export { attackCategories, attackPayloads } from './mutation/payloads.js';
export type { BuildInput, RuleMutatorDefinition } from './mutation/rule-mutator.js';
export { defineRuleMutator, describeVariant, variantKey } from './mutation/rule-mutator.js';
export { normalizeForComparison } from './mutation/text/unicode-transforms.js';
export { builtinPlugin } from './plugin/builtin-plugin.js';
export type { Plugin } from './plugin/plugin.js';
export { definePlugin } from './plugin/plugin.js';
export type { Registry } from './plugin/registry.js';
export { createRegistry } from './plugin/registry.js';
export type { Random } from './random.js';
export { createRandom, hashString, stableId } from './random.js';
export { sessionsFromReport } from './replay/export-from-report.js';
export { sessionsFromLangSmith } from './replay/import-langsmith.js';
export { sessionsFromOtel } from './replay/import-otel.js';
export { loadPlanSessions, routePrefixesOf } from './replay/plan-sessions.js';
export type { RecordSessionOptions } from './replay/record-session.js';
export { recordSession } from './replay/record-session.js';
export { startReplayProxy } from './replay/replay-proxy.js';
export type { ReplayReport, ReplaySessionResult, ReplaySummary } from './replay/replay-report.js';
export { REPLAY_REPORT_SCHEMA_VERSION } from './replay/replay-report.js';
export type { ReplayUpstream } from './replay/replay-upstream.js';
export { createReplayUpstream } from './replay/replay-upstream.js';
export type { ReplayRunOptions } from './replay/run-replays.js';
export { runReplays } from './replay/run-replays.js';
export type { RecordedExchange, ReplaySession } from './replay/session.js';
export {
  loadSessionFile,
  parseSessionText,
  sessionToFile,
  toolRoutePrefix,
  toReplaySession,
  writeSessionFile,
} from './replay/session-file.js';
export type { SessionFile } from './replay/session-schema.js';
export { sessionFileSchema } from './replay/session-schema.js';
export type { RenderOptions, ReportInput, ReportRenderer, ReportSink } from './report/renderer.js';
export type { Case } from './run/case.js';
export type { ClassifiedError } from './run/case-error.js';
export { classifyError } from './run/case-error.js';
export type { CheckRunner } from './run/check-runner.js';
export { prepareCheckRunner } from './run/check-runner.js';
export type { Clock } from './run/clock.js';
export { systemClock } from './run/clock.js';
export type { RunEvent, RunEventListener } from './run/events.js';
export type { Exchange } from './run/exchange.js';
export type { ExpandOptions, MutationShortfall } from './run/expand-cases.js';
export { baselineCase, countCases, deriveSeed, expandCases } from './run/expand-cases.js';
export type { CaseError, ErrorCause, Observation } from './run/observation.js';
export type {
  GeneratorModelSpec,
  GoldenPrompt,
  MutationSpec,
  OutputSpec,
  RunPlan,
  RunSettings,
} from './run/plan.js';
export { hashRunPlan } from './run/plan-hash.js';
export { createPlanTarget } from './run/plan-target.js';
export type { RateLimiter } from './run/rate-limiter.js';
export { createRateLimiter } from './run/rate-limiter.js';
export type {
  RecorderListener,
  RunRecorder as RunHistoryRecorder,
  RunRecorderFactory,
} from './run/recorder-listener.js';
export { createRecorderListener } from './run/recorder-listener.js';
export type { BaselineRecord, RunMeta, RunReport, RunStatus } from './run/report.js';
export { REPORT_SCHEMA_VERSION } from './run/report.js';
export type { CaseResult, CheckResult, TrialResult } from './run/result.js';
export type { RetryPolicy } from './run/retry-policy.js';
export { isRetryable, retryDelay } from './run/retry-policy.js';
export { createRunId } from './run/run-id.js';
export { createRunMeta } from './run/run-meta.js';
export type { RunOptions, RunOutcome, RunStats } from './run/run-plan.js';
export { runPlan } from './run/run-plan.js';
export type { FlakyCase, LatencyStats, PassBreakdown, RunSummary, ScoreBand } from './run/summary.js';
export { FLAKESTORM_VERSION } from './run/version.js';
export { scoreBand } from './score/band.js';
export type { LatencyHistogram } from './score/latency-histogram.js';
export { createLatencyHistogram } from './score/latency-histogram.js';
export type { CombinedScore, Phase, PhaseScores } from './score/phase-score.js';
export { combinePhaseScores, defaultPhaseWeights } from './score/phase-score.js';
export type { ScoreAccumulator, ScoreAccumulatorOptions } from './score/score-accumulator.js';
export { createScoreAccumulator } from './score/score-accumulator.js';
export type { WilsonInterval } from './score/wilson.js';
export { wilsonInterval } from './score/wilson.js';
export type { Severity } from './severity.js';
export { severities } from './severity.js';
export { builtinTargets } from './target/builtin-targets.js';
export { commandTargetFactory, createCommandTarget } from './target/command-target.js';
export { createTarget, defaultTargetContext } from './target/create-target.js';
export { autoDetectAnswer, resolveResponsePath } from './target/extract.js';
export { createHttpTarget, httpTargetFactory } from './target/http-target.js';
export { maskHeaders, maskUrl } from './target/mask.js';
export type { ModuleAgentContext, ModuleAgentFunction } from './target/module-target.js';
export { createModuleTarget, moduleTargetFactory } from './target/module-target.js';
export { chatCompletionsUrl, createOpenAiTarget, openAiTargetFactory } from './target/openai-target.js';
export type {
  CommandTargetSpec,
  HttpTargetSpec,
  ModuleTargetSpec,
  OpenAiTargetSpec,
  TargetSpec,
} from './target/spec.js';
export type { Target, TargetRequest, TargetResponse } from './target/target.js';
export { causeOf, targetError } from './target/target-error.js';
export type { TargetContext, TargetFactory } from './target/target-factory.js';
export type { TemplateFormat } from './target/template.js';
export { renderTemplate } from './target/template.js';
export type { WireMutation, WireRecord } from './target/wire.js';
export type { EchoAgent } from './testing/echo-agent.js';
export { startEchoAgent } from './testing/echo-agent.js';
export { echoCommandPath, echoModulePath } from './testing/fixtures.js';
export type { FixtureServer } from './testing/listen.js';
export type { MisbehavingServer, Misbehaviour, MisbehaviourName } from './testing/misbehaving-server.js';
export { startMisbehavingServer } from './testing/misbehaving-server.js';
export type { RecordedRequest, RecordingServer } from './testing/recording-server.js';
export { startRecordingServer } from './testing/recording-server.js';
