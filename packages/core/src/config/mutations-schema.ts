import * as z from 'zod';

const typeName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a snake_case mutation type name');

const mutationTypeObject = z.strictObject({
  type: typeName.optional(),
  count: z.int().min(1).max(50).optional(),
  weight: z.number().min(0).max(100).optional(),
  layer: z
    .array(typeName)
    .min(2)
    .optional()
    .describe('Types applied in order, e.g. [base64, prompt_injection].'),
  generator: z.enum(['rules', 'llm']).optional(),
  options: z.record(z.string(), z.json()).optional(),
});

/** The mutations section: how many variants of each golden prompt, of which types, weighted how. */
export const mutationsSchema = z.strictObject({
  count: z.int().min(1).max(50).optional().describe('Mutations per golden prompt (default 10).'),
  types: z
    .array(z.union([typeName, mutationTypeObject]))
    .min(1)
    .optional(),
  weights: z.record(z.string(), z.number().min(0).max(100)).optional(),
  generator: z.enum(['rules', 'llm']).optional().describe('rules (offline, default) or llm (uses `model`).'),
  custom_templates: z
    .record(z.string(), z.string())
    .optional()
    .describe('Python Flakestorm: templates for the `custom` type ({prompt} is the golden prompt).'),
});

/** The mutations section as parsed. */
export type MutationsConfig = z.output<typeof mutationsSchema>;
