import { mutatorForSpec } from '../mutation/compose.js';
import type { MutationVariant, Mutator } from '../mutation/mutator.js';
import type { Registry } from '../plugin/registry.js';
import { createRandom, hashString, stableId } from '../random.js';
import type { Case } from './case.js';
import { type LlmVariants, llmVariantKey } from './llm-variants.js';
import type { GoldenPrompt, MutationSpec, RunPlan } from './plan.js';

/** A mutation type made fewer variants than asked for one golden prompt. */
export interface MutationShortfall {
  mutationType: string;
  goldenIndex: number;
  wanted: number;
  made: number;
  /** Set when the mutator threw (a plugin bug): its message. */
  failure?: string;
}

/** Options of case expansion. */
export interface ExpandOptions {
  /** Called once per (mutation type, golden prompt) that made fewer variants than its count. */
  onShortfall?: (shortfall: MutationShortfall) => void;
  /** Variants made ahead by an LLM for specs with `generator: llm` (see generateLlmVariants). */
  llmVariants?: LlmVariants;
}

/** A 32-bit seed derived from the run seed and any labels: stable on every machine. */
export function deriveSeed(...parts: ReadonlyArray<string | number>): number {
  return hashString(parts.join('\u001f')) % 4294967296;
}

/** How many cases a plan makes if every mutator delivers its count (the runner adjusts for shortfalls). */
export function countCases(plan: RunPlan): number {
  const perGolden = plan.mutations.reduce((sum, spec) => sum + Math.max(0, spec.count), 0);
  return plan.goldenPrompts.length * perGolden;
}

function variantsFor(
  golden: GoldenPrompt,
  goldenIndex: number,
  spec: MutationSpec,
  mutator: Mutator,
  runSeed: number,
): MutationVariant[] {
  const variants = mutator.mutate(golden.text, {
    count: spec.count,
    random: createRandom(deriveSeed(runSeed, goldenIndex, mutator.type)),
    options: spec.options,
  });
  return variants.slice(0, spec.count);
}

/**
 * Expands a plan into cases, lazily and in a deterministic order: golden prompts in index order, then
 * mutation specs in config order, then each mutator's variants. Unknown mutation types throw here,
 * before the first case; everything else happens as the returned iterator is read, so a 100,000-case
 * run never holds more than one (golden prompt, mutation type) batch of variants.
 */
export function expandCases(
  plan: RunPlan,
  registry: Registry,
  options: ExpandOptions = {},
): IterableIterator<Case> {
  // Looked up eagerly so an unknown type fails before the run starts, not at its first case.
  const resolved = plan.mutations.map((spec, specIndex) => ({
    spec,
    specIndex,
    mutator: mutatorForSpec(spec, registry),
  }));
  const runSeed = plan.settings.seed;
  const trials = Math.max(1, Math.floor(plan.settings.repeat));

  function* generate(): Generator<Case> {
    let index = 0;
    // Identical (golden prompt, type) pairs would share ids; later occurrences get a suffix.
    const occurrences = new Map<string, number>();
    for (const [goldenIndex, golden] of plan.goldenPrompts.entries()) {
      for (const { spec, specIndex, mutator } of resolved) {
        const key = `${golden.text}\u001f${spec.type}`;
        const occurrence = occurrences.get(key) ?? 0;
        occurrences.set(key, occurrence + 1);
        let variants: MutationVariant[];
        let failure: string | undefined;
        try {
          variants =
            spec.generator === 'llm'
              ? (options.llmVariants?.get(llmVariantKey(goldenIndex, specIndex)) ?? [])
              : variantsFor(golden, goldenIndex, spec, mutator, runSeed);
        } catch (error) {
          // A throwing (plugin) mutator costs its own cases, not the run.
          variants = [];
          failure = error instanceof Error ? error.message : String(error);
        }
        if (variants.length < spec.count) {
          const shortfall: MutationShortfall = {
            mutationType: spec.type,
            goldenIndex,
            wanted: spec.count,
            made: variants.length,
          };
          if (failure !== undefined) shortfall.failure = failure;
          options.onShortfall?.(shortfall);
        }
        for (const [variantIndex, variant] of variants.entries()) {
          const idParts: Array<string | number> = [golden.text, spec.type, variantIndex, runSeed];
          if (occurrence > 0) idParts.push(occurrence);
          const built: Case = {
            id: stableId(...idParts),
            index: index++,
            seed: deriveSeed(runSeed, ...idParts),
            goldenIndex,
            goldenPrompt: golden.text,
            mutationType: spec.type,
            variantIndex,
            weight: spec.weight,
            prompt: variant.prompt,
            messages: variant.messages ?? [{ role: 'user', content: variant.prompt }],
            vars: { ...golden.vars },
            label: variant.label,
            trials,
          };
          if (variant.wire) built.wire = variant.wire;
          if (variant.meta) built.meta = variant.meta;
          yield built;
        }
      }
    }
  }
  return generate();
}

/** The unmutated call of a golden prompt, used as the baseline for behavior_unchanged. */
export function baselineCase(plan: RunPlan, goldenIndex: number): Case {
  const golden = plan.goldenPrompts[goldenIndex];
  const text = golden?.text ?? '';
  const id = stableId(text, 'golden', goldenIndex, plan.settings.seed);
  return {
    id,
    index: -1 - goldenIndex,
    seed: deriveSeed(plan.settings.seed, text, 'golden', goldenIndex),
    goldenIndex,
    goldenPrompt: text,
    mutationType: 'golden',
    variantIndex: 0,
    weight: 0,
    prompt: text,
    messages: [{ role: 'user', content: text }],
    vars: { ...golden?.vars },
    label: 'golden prompt (baseline)',
    trials: 1,
  };
}
