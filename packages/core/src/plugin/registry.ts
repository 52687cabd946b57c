import { closestMatch } from '../config/did-you-mean.js';
import { FlakestormError } from '../errors.js';
import type { InvariantType } from '../invariant/invariant.js';
import type { Mutator } from '../mutation/mutator.js';
import type { ReportRenderer } from '../report/renderer.js';
import type { TargetFactory } from '../target/target-factory.js';
import type { Plugin } from './plugin.js';

/** Everything a run can use, by name: mutators, invariants, targets and reporters. */
export interface Registry {
  readonly mutators: ReadonlyMap<string, Mutator>;
  readonly invariants: ReadonlyMap<string, InvariantType>;
  readonly targets: ReadonlyMap<string, TargetFactory>;
  readonly reporters: ReadonlyMap<string, ReportRenderer>;
  /** Adds a plugin; a later plugin may replace an earlier one's entry of the same name. */
  use(plugin: Plugin): Registry;
  mutator(type: string): Mutator;
  invariant(type: string): InvariantType;
  target(kind: string): TargetFactory;
  reporter(format: string): ReportRenderer;
}

function lookup<T>(
  map: ReadonlyMap<string, T>,
  name: string,
  what: string,
  code: 'FLAKESTORM_MUTATOR_UNKNOWN' | 'FLAKESTORM_INVARIANT_UNKNOWN' | 'FLAKESTORM_USAGE',
): T {
  const found = map.get(name);
  if (found) return found;
  const guess = closestMatch(name, map.keys());
  throw new FlakestormError(code, `Unknown ${what} "${name}".${guess ? ` Did you mean "${guess}"?` : ''}`, {
    hint: `Known ${what}s: ${[...map.keys()].sort().join(', ')}.`,
  });
}

/** Creates a registry holding the given plugins, in order. */
export function createRegistry(plugins: readonly Plugin[] = []): Registry {
  const mutators = new Map<string, Mutator>();
  const invariants = new Map<string, InvariantType>();
  const targets = new Map<string, TargetFactory>();
  const reporters = new Map<string, ReportRenderer>();
  const registry: Registry = {
    mutators,
    invariants,
    targets,
    reporters,
    use(plugin) {
      if (!plugin || typeof plugin.name !== 'string' || plugin.name === '') {
        throw new FlakestormError(
          'FLAKESTORM_PLUGIN_INVALID',
          'A plugin must be an object with a non-empty "name".',
          {
            hint: 'Create plugins with definePlugin({ name, mutators, invariants, targets, reporters }).',
          },
        );
      }
      for (const m of plugin.mutators ?? []) mutators.set(m.type, m);
      for (const i of plugin.invariants ?? []) invariants.set(i.type, i);
      for (const t of plugin.targets ?? []) targets.set(t.kind, t);
      for (const r of plugin.reporters ?? []) reporters.set(r.format, r);
      return registry;
    },
    mutator: (type) => lookup(mutators, type, 'mutation type', 'FLAKESTORM_MUTATOR_UNKNOWN'),
    invariant: (type) => lookup(invariants, type, 'invariant type', 'FLAKESTORM_INVARIANT_UNKNOWN'),
    target: (kind) => lookup(targets, kind, 'target kind', 'FLAKESTORM_USAGE'),
    reporter: (format) => lookup(reporters, format, 'report format', 'FLAKESTORM_USAGE'),
  };
  for (const plugin of plugins) registry.use(plugin);
  return registry;
}
