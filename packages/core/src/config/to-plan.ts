import type { JsonObject } from '../json.js';
import type { GeneratorModelSpec, GoldenPrompt, OutputSpec, RunPlan, RunSettings } from '../run/plan.js';
import type { FlakestormConfig } from './config-schema.js';
import type { PlanContext } from './plan-context.js';
import { type InvariantCatalogue, toInvariantSpecs } from './to-invariant-specs.js';
import { type MutationCatalogue, toMutationSpecs } from './to-mutation-specs.js';
import { toTargetSpec } from './to-target-spec.js';

/** What normalisation needs to know beyond the config. */
export interface PlanOptions extends MutationCatalogue, InvariantCatalogue {
  source: string;
  baseDir: string;
}

/** Runner defaults: a fast, polite, reproducible run. */
export const DEFAULT_RUN_SETTINGS = {
  concurrency: 8,
  retries: 2,
  retryBaseMs: 250,
  timeoutMs: 30_000,
  repeat: 1,
  seed: 42,
  baseline: true,
} as const;

/** Report folder when `output.path` is not given (relative to the config file). */
export const DEFAULT_OUTPUT_DIR = './flakestorm-reports';

/** Turns a schema-valid config into a RunPlan; problems and warnings go to the context. */
export function toPlan(config: FlakestormConfig, context: PlanContext, options: PlanOptions): RunPlan {
  if (config.run && config.advanced) {
    context.problem(
      ['advanced'],
      '`run` and its Python name `advanced` are both given',
      'keep one of them',
      'key',
    );
  }
  const run = config.run ?? config.advanced ?? {};
  const timeoutMs = run.timeout ?? config.agent.timeout ?? DEFAULT_RUN_SETTINGS.timeoutMs;
  const settings: RunSettings = {
    concurrency: run.concurrency ?? DEFAULT_RUN_SETTINGS.concurrency,
    ...(run.rate_limit === undefined ? {} : { rateLimit: run.rate_limit }),
    retries: run.retries ?? DEFAULT_RUN_SETTINGS.retries,
    retryBaseMs: run.retry_base_ms ?? DEFAULT_RUN_SETTINGS.retryBaseMs,
    timeoutMs,
    repeat: run.repeat ?? DEFAULT_RUN_SETTINGS.repeat,
    seed: run.seed ?? DEFAULT_RUN_SETTINGS.seed,
    baseline: run.baseline ?? DEFAULT_RUN_SETTINGS.baseline,
    ...(run.min_score === undefined ? {} : { minScore: run.min_score }),
  };
  const mutations = toMutationSpecs(config.mutations, context, options);
  const invariants = toInvariantSpecs(config.invariants, ['invariants'], context, options);
  if (invariants.length === 0) {
    context.warn('no invariants: a case passes whenever the agent answers without an error');
  }
  if (config.contract?.invariants) {
    toInvariantSpecs(config.contract.invariants, ['contract', 'invariants'], context, options);
  }
  const usesLlm = mutations.some((mutation) => mutation.generator === 'llm');
  const model = toModel(config, context, usesLlm);
  const canary = config.agent.canary;
  return {
    source: options.source,
    baseDir: options.baseDir,
    target: toTargetSpec(config.agent, context),
    timeoutMs,
    goldenPrompts: config.golden_prompts.map(toGoldenPrompt),
    mutations,
    invariants,
    settings,
    ...(model === undefined ? {} : { model }),
    output: toOutput(config.output),
    ...(canary === undefined ? {} : { canary }),
    ...(config.chaos === undefined ? {} : { chaos: config.chaos as JsonObject }),
    ...(config.contract === undefined ? {} : { contract: config.contract as JsonObject }),
    ...(config.replays === undefined ? {} : { replays: config.replays as JsonObject }),
    ...(config.scoring === undefined ? {} : { scoring: config.scoring as JsonObject }),
    ...(config.plugins === undefined ? {} : { plugins: config.plugins }),
    warnings: context.warnings,
  };
}

function toGoldenPrompt(entry: FlakestormConfig['golden_prompts'][number]): GoldenPrompt {
  if (typeof entry === 'string') return { text: entry, vars: {} };
  const vars: Record<string, string> = {};
  for (const [key, value] of Object.entries(entry.vars ?? {})) vars[key] = String(value);
  return { text: entry.prompt, vars, ...(entry.expected === undefined ? {} : { expected: entry.expected }) };
}

function toOutput(output: FlakestormConfig['output']): OutputSpec {
  const given = output?.format === undefined ? ['html', 'json'] : [output.format].flat();
  const formats = [...new Set(given.map((format) => (format === 'markdown' ? 'md' : format)))];
  return { formats, dir: output?.path ?? DEFAULT_OUTPUT_DIR };
}

const DEFAULT_MODELS = {
  ollama: { name: 'qwen3:8b', baseUrl: 'http://localhost:11434' },
  openai: { name: 'gpt-4o-mini', baseUrl: 'https://api.openai.com/v1' },
} as const;

function toModel(
  config: FlakestormConfig,
  context: PlanContext,
  usesLlm: boolean,
): GeneratorModelSpec | undefined {
  const model = config.model;
  if (model === undefined && !usesLlm) return undefined;
  if (model !== undefined && !usesLlm) {
    context.warn(
      'mutations are generated offline by rules; `model` is used only by types with `generator: llm`',
      ['model'],
    );
  }
  const provider = model?.provider ?? 'ollama';
  if (provider === 'anthropic' || provider === 'google') {
    if (usesLlm) {
      context.problem(
        ['model', 'provider'],
        `provider \`${provider}\` is not supported for mutation generation`,
        'use `ollama` or `openai` (any OpenAI-compatible server)',
      );
    } else {
      context.warn(
        `provider \`${provider}\` is not supported for mutation generation (ollama and openai are)`,
        ['model', 'provider'],
        'value',
      );
    }
    return undefined;
  }
  const defaults = DEFAULT_MODELS[provider];
  const apiKeyEnv = model?.api_key_env ?? model?.api_key?.match(/^\$\{(\w+)\}$/)?.[1];
  return {
    provider,
    name: model?.name ?? defaults.name,
    baseUrl: model?.base_url ?? defaults.baseUrl,
    ...(apiKeyEnv === undefined ? {} : { apiKeyEnv }),
    temperature: model?.temperature ?? 0.8,
  };
}
