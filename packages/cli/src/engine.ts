import type { Registry, RunPlan } from '@flakestorm/core';
import * as core from '@flakestorm/core';

/**
 * The parts of the engine the CLI drives. They are built in parallel by other packages' authors; this
 * seam looks them up at run time so the CLI compiles and reports a clear error while one is missing.
 */
export interface EngineFunctions {
  loadConfigFile(path: string, options?: ConfigKnowledge): Promise<{ plan: RunPlan; warnings: string[] }>;
  resolveConfig(config: unknown, options: ConfigKnowledge & { source: string; baseDir: string }): RunPlan;
  configJsonSchema(): unknown;
  starterConfig(): string;
}

/** What the registry tells the config loader, so unknown type names get did-you-mean hints. */
export interface ConfigKnowledge {
  knownMutationTypes?: Iterable<string>;
  knownInvariantTypes?: Iterable<string>;
  defaultWeights?: Readonly<Record<string, number>>;
}

/** Returns one engine function, or throws FLAKESTORM_INTERNAL naming what is missing from this build. */
export function engine<K extends keyof EngineFunctions>(name: K): EngineFunctions[K] {
  const found = (core as unknown as Partial<EngineFunctions>)[name];
  if (typeof found === 'function') return found.bind(core) as EngineFunctions[K];
  throw new core.FlakestormError(
    'FLAKESTORM_INTERNAL',
    `This build of @flakestorm/core has no ${name}() yet.`,
    {
      hint: 'Update and rebuild the repository (git pull && npm install); the engine part is still being written.',
    },
  );
}

/** The registry's mutation and invariant names and default weights, for the config loader. */
export function configKnowledge(registry: Registry): ConfigKnowledge {
  return {
    knownMutationTypes: [...registry.mutators.keys()],
    knownInvariantTypes: [...registry.invariants.keys()],
    defaultWeights: Object.fromEntries([...registry.mutators.values()].map((m) => [m.type, m.defaultWeight])),
  };
}
