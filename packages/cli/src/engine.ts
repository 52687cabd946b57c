import type { Registry, RunEvent, RunPlan } from '@flakestorm/core';
import * as core from '@flakestorm/core';

/** Options of core's `runPlan`. */
export interface RunPlanOptions {
  registry: Registry;
  onEvent?: (event: RunEvent) => void;
  signal?: AbortSignal;
}

/**
 * The parts of the engine the CLI drives. They are built in parallel by other packages' authors; this
 * seam looks them up at run time so the CLI compiles and reports a clear error while one is missing.
 */
export interface EngineFunctions {
  loadConfigFile(path: string): RunPlan | Promise<RunPlan>;
  resolveConfig(config: unknown, options: { source: string; baseDir: string }): RunPlan | Promise<RunPlan>;
  configJsonSchema(): unknown;
  starterConfig(): string;
  runPlan(plan: RunPlan, options: RunPlanOptions): Promise<unknown>;
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
