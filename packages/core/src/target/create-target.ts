import { FlakestormError } from '../errors.js';
import { builtinTargets } from './builtin-targets.js';
import type { TargetSpec } from './spec.js';
import type { Target } from './target.js';
import type { TargetContext, TargetFactory } from './target-factory.js';

/** Default context values: a 30 s timeout, the process's environment, the current folder. */
export function defaultTargetContext(overrides: Partial<TargetContext> = {}): TargetContext {
  return { baseDir: process.cwd(), timeoutMs: 30_000, env: process.env, ...overrides };
}

/**
 * Creates the target of a spec with the built-in factories, or with `factories` (a registry's targets,
 * plugins included) when given.
 */
export function createTarget(
  spec: TargetSpec,
  context: Partial<TargetContext> = {},
  factories: Iterable<TargetFactory> = builtinTargets,
): Target {
  for (const factory of factories) {
    if (factory.kind === spec.kind) return factory.create(spec, defaultTargetContext(context));
  }
  throw new FlakestormError('FLAKESTORM_USAGE', `Unknown target kind "${(spec as { kind: string }).kind}".`, {
    hint: `Known target kinds: ${[...factories].map((f) => f.kind).join(', ')}.`,
  });
}
