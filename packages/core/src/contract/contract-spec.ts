import type { InvariantConfig } from '../config/invariant-schema.js';
import { PlanContext } from '../config/plan-context.js';
import { toInvariantSpecs } from '../config/to-invariant-specs.js';
import { FlakestormError } from '../errors.js';
import type { InvariantSpec } from '../invariant/invariant.js';
import type { JsonObject } from '../json.js';
import type { RunPlan } from '../run/plan.js';

/** One scenario of a contract's chaos matrix: a named set of faults and context attacks. */
export interface ContractCell {
  name: string;
  /** The cell's chaos block (tool_faults, llm_faults, context_attacks), as the config wrote it. */
  chaos: JsonObject;
}

/** A behavioural contract ready to run: invariants (with their prompts) x chaos cells. */
export interface ContractSpec {
  name: string;
  description?: string;
  invariants: InvariantSpec[];
  /** The prompts each invariant is checked on: its own `probes`, else the golden prompts. */
  promptsOf: (invariant: InvariantSpec) => string[];
  cells: ContractCell[];
}

const BASELINE_CELL: ContractCell = { name: 'baseline', chaos: {} };

/**
 * The contract of a validated plan. Without a `chaos_matrix` the contract runs in one "baseline" cell
 * (no chaos); without its own `invariants` it uses the config's top-level invariants.
 */
export function toContractSpec(plan: RunPlan): ContractSpec {
  const contract = plan.contract;
  if (contract === undefined) {
    throw new FlakestormError('FLAKESTORM_CONFIG_INVALID', `${plan.source} has no \`contract:\` section.`, {
      hint: 'Add a contract: {name, invariants (with optional probes), chaos_matrix: [{name, tool_faults, llm_faults, context_attacks}]}.',
      details: { file: plan.source, path: 'contract' },
    });
  }
  const context = new PlanContext(plan.source, undefined);
  const entries = contract.invariants as unknown as InvariantConfig[] | undefined;
  // The config loader already validated these entries with positions; this only types them.
  const invariants =
    entries === undefined
      ? plan.invariants
      : toInvariantSpecs(entries, ['contract', 'invariants'], context, {});
  if (invariants.length === 0) {
    throw new FlakestormError('FLAKESTORM_CONFIG_INVALID', `The contract in ${plan.source} checks nothing.`, {
      hint: 'Give contract.invariants (or top-level invariants) at least one entry.',
      details: { file: plan.source, path: 'contract.invariants' },
    });
  }
  const matrix = (contract.chaos_matrix as unknown as Array<JsonObject & { name: string }> | undefined) ?? [];
  const cells = matrix.map(({ name, ...chaos }) => ({ name, chaos: chaos as JsonObject }));
  const golden = plan.goldenPrompts.map((g) => g.text);
  return {
    name: typeof contract.name === 'string' ? contract.name : 'contract',
    ...(typeof contract.description === 'string' ? { description: contract.description } : {}),
    invariants,
    promptsOf: (invariant) => invariant.probes ?? golden,
    cells: cells.length > 0 ? cells : [BASELINE_CELL],
  };
}
