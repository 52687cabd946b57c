import type { JsonObject } from '../json.js';
import type { Observation } from '../run/observation.js';
import type { Severity } from '../severity.js';

/** The outcome of one invariant on one observation: data, never an exception. */
export interface Verdict {
  passed: boolean;
  /** A sentence a person can read: what was expected and what was seen. */
  reason: string;
  details?: JsonObject;
}

/** When an invariant applies. Python Flakestorm's `when` values plus mutation-type filters. */
export interface InvariantCondition {
  /** always | tool_faults_active | llm_faults_active | any_chaos_active | no_chaos */
  chaos: 'always' | 'tool_faults_active' | 'llm_faults_active' | 'any_chaos_active' | 'no_chaos';
  /** Only these mutation types (undefined: all). */
  mutationTypes?: string[];
  /** Not these mutation types. */
  exceptMutationTypes?: string[];
}

/** An invariant as configured: its type, shared fields and type-specific parameters. */
export interface InvariantSpec {
  type: string;
  /** Stable id (defaults to type plus index) used in per-invariant breakdowns. */
  id: string;
  severity: Severity;
  negate: boolean;
  when: InvariantCondition;
  description?: string;
  /** Contract probes replacing the golden prompts for this invariant. */
  probes?: string[];
  params: JsonObject;
}

/** A ready-to-run check created from a spec. */
export type InvariantCheck = (observation: Observation) => Verdict | Promise<Verdict>;

/** An invariant type: validates its params and creates checks. */
export interface InvariantType {
  readonly type: string;
  readonly description: string;
  /** Example params for catalogues and `init`. */
  readonly example: JsonObject;
  /** Validates params; returns human-readable problems (empty when fine). */
  validate(params: JsonObject): string[];
  create(spec: InvariantSpec): InvariantCheck;
}

/** Author-facing factory for an invariant type (identity, for type inference). */
export function defineInvariant(invariant: InvariantType): InvariantType {
  return invariant;
}
