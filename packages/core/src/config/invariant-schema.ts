import * as z from 'zod';

/** Python Flakestorm's `when` values: which chaos state an invariant applies in. */
export const chaosConditions = [
  'always',
  'tool_faults_active',
  'llm_faults_active',
  'any_chaos_active',
  'no_chaos',
] as const;

const whenSchema = z.union([
  z.enum(chaosConditions),
  z.strictObject({
    chaos: z.enum(chaosConditions).optional(),
    mutation_types: z.array(z.string()).min(1).optional(),
    except_mutation_types: z.array(z.string()).min(1).optional(),
  }),
]);

/**
 * One invariant: shared fields plus the type's own parameters (any other key). Parameters are checked
 * by the invariant type itself, which the config layer does not know.
 */
export const invariantSchema = z
  .object({
    type: z.string().min(1).describe('Invariant type, e.g. contains, latency, refusal_check.'),
    id: z.string().min(1).optional().describe('Stable id for per-invariant breakdowns.'),
    severity: z.enum(['critical', 'high', 'medium', 'low']).optional(),
    when: whenSchema.optional(),
    negate: z.boolean().optional(),
    description: z.string().optional(),
    probes: z.array(z.string()).min(1).optional().describe('Prompts replacing the golden prompts.'),
  })
  .catchall(z.json());

/** An invariant entry as parsed. */
export type InvariantConfig = z.output<typeof invariantSchema>;
