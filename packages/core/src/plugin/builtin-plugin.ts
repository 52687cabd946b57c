import { builtinInvariants } from '../invariant/builtin-invariants.js';
import { builtinMutators } from '../mutation/builtin-mutators.js';
import { builtinTargets } from '../target/builtin-targets.js';
import { definePlugin } from './plugin.js';

/** The core's own mutators, invariants and targets, registered like any plugin. */
export const builtinPlugin = definePlugin({
  name: 'flakestorm:builtin',
  mutators: [...builtinMutators],
  invariants: [...builtinInvariants],
  targets: [...builtinTargets],
});
