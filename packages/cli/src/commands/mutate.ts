import { builtinPlugin, createRandom, createRegistry } from '@flakestorm/core';

/** `flakestorm mutate`: previews a mutation type's variants of one prompt. */
export async function mutateCommand(
  text: string,
  options: { type: string; count: number; seed: number; json: boolean },
): Promise<number> {
  const mutator = createRegistry([builtinPlugin]).mutator(options.type);
  const variants = mutator.mutate(text, {
    count: options.count,
    random: createRandom(options.seed),
    options: {},
  });
  if (options.json) {
    const out = { type: mutator.type, seed: options.seed, count: options.count, input: text, variants };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const lines = variants.map((v, i) => `${String(i + 1).padStart(3)}. ${v.prompt}\n     ${v.label}`);
  if (variants.length < options.count) {
    lines.push(
      `(${mutator.type} made ${variants.length} distinct variants of this prompt, not ${options.count})`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
