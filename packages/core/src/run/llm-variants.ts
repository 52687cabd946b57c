import { FlakestormError } from '../errors.js';
import { generateWithLlm } from '../mutation/llm/generate-with-llm.js';
import { createLlmGenerator } from '../mutation/llm/llm-generator.js';
import type { MutationVariant } from '../mutation/mutator.js';
import type { RunPlan } from './plan.js';

/** Variants an LLM made ahead of the run, by `llmVariantKey(goldenIndex, specIndex)`. */
export type LlmVariants = ReadonlyMap<string, MutationVariant[]>;

/** The key of one (golden prompt, mutation spec) batch of LLM variants. */
export function llmVariantKey(goldenIndex: number, specIndex: number): string {
  return `${goldenIndex}\u001f${specIndex}`;
}

/**
 * Mutators are synchronous and offline; specs with `generator: llm` are generated here first, with the
 * generator's cache, dedupe and retries. An unreachable model fails the run before its first case.
 */
export async function generateLlmVariants(
  plan: RunPlan,
  env: Record<string, string | undefined>,
): Promise<LlmVariants> {
  const specs = plan.mutations
    .map((spec, index) => ({ spec, index }))
    .filter(({ spec }) => spec.generator === 'llm');
  const variants = new Map<string, MutationVariant[]>();
  if (specs.length === 0) return variants;
  const model = plan.model;
  if (!model) {
    throw new FlakestormError(
      'FLAKESTORM_CONFIG_INVALID',
      'A mutation uses generator: llm but the config has no model section.',
      {
        hint: 'Add model: {provider: ollama, name: qwen3:8b, base_url: http://localhost:11434}, or use the default rule-based generator.',
      },
    );
  }
  const apiKey = model.apiKeyEnv ? env[model.apiKeyEnv] : undefined;
  const generator = createLlmGenerator({
    provider: model.provider,
    baseUrl: model.baseUrl,
    model: model.name,
    temperature: model.temperature,
    ...(apiKey ? { apiKey } : {}),
  });
  for (const [goldenIndex, golden] of plan.goldenPrompts.entries()) {
    for (const { spec, index } of specs) {
      variants.set(
        llmVariantKey(goldenIndex, index),
        await generateWithLlm(spec, golden.text, generator, plan.settings.seed),
      );
    }
  }
  return variants;
}
