import type { InvariantType } from '../invariant/invariant.js';
import type { Mutator } from '../mutation/mutator.js';
import type { ReportRenderer } from '../report/renderer.js';
import type { TargetFactory } from '../target/target-factory.js';

/** A plugin: a plain object, every hook optional. Built-ins are registered the same way. */
export interface Plugin {
  name: string;
  mutators?: Mutator[];
  invariants?: InvariantType[];
  targets?: TargetFactory[];
  reporters?: ReportRenderer[];
}

/** Author-facing factory for a plugin (identity, for type inference). */
export function definePlugin(plugin: Plugin): Plugin {
  return plugin;
}
