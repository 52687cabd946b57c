import { hashString } from '../../random.js';
import type { MutationSpec } from '../../run/plan.js';
import instructions from '../data/llm-instructions.json' with { type: 'json' };
import type { MutationVariant } from '../mutator.js';
import { fillTemplate } from '../text/template.js';
import type { LlmGenerator } from './llm-generator.js';

const INSTRUCTIONS: Readonly<Record<string, string>> = instructions;

/** The instruction sent to the model for a type (`options.instruction` overrides it). */
export function llmInstruction(type: string, options: Record<string, unknown>): string {
  if (typeof options.instruction === 'string') return options.instruction;
  const language = typeof options.language === 'string' ? options.language : 'Spanish';
  return fillTemplate(INSTRUCTIONS[type] ?? INSTRUCTIONS.default ?? '', { language });
}

/**
 * The async pre-step for specs with `generator: llm`: asks the model for `count` distinct rewrites of a
 * golden prompt (seeds derived from `seed`, the prompt and the variant index), dropping empty answers,
 * echoes of the original and duplicates. Returns fewer when the model keeps repeating itself (at most
 * 2 x count calls), which the runner reports like any other shortfall.
 */
export async function generateWithLlm(
  spec: Pick<MutationSpec, 'type' | 'count' | 'options'>,
  prompt: string,
  generator: LlmGenerator,
  seed = 0,
): Promise<MutationVariant[]> {
  const instruction = llmInstruction(spec.type, spec.options);
  const out: MutationVariant[] = [];
  const seen = new Set<string>([prompt.trim()]);
  for (let i = 0; i < spec.count * 2 && out.length < spec.count; i++) {
    const variantSeed = hashString(`${spec.type}\u001f${prompt}\u001f${i}`, seed) % 2_147_483_647;
    const text = await generator.generate({ type: spec.type, instruction, prompt, seed: variantSeed });
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    out.push({
      prompt: text,
      label: `${spec.type} by ${generator.model}`,
      meta: { generator: 'llm', provider: generator.provider, model: generator.model, seed: variantSeed },
    });
  }
  return out;
}
