import * as z from 'zod';
import { agentSchema } from './agent-schema.js';
import { chaosSchema, contractSchema, replaysSchema, scoringSchema } from './chaos-schema.js';
import { invariantSchema } from './invariant-schema.js';
import { mutationsSchema } from './mutations-schema.js';

/** Report formats `output.format` accepts (`markdown` is read as `md`). */
export const outputFormats = ['html', 'json', 'junit', 'md', 'markdown', 'csv', 'pdf', 'terminal'] as const;

const goldenPromptSchema = z.union([
  z.string().min(1),
  z.strictObject({
    prompt: z.string().min(1),
    vars: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    expected: z.string().optional(),
  }),
]);

/** Runner settings (`run`, or Python Flakestorm's `advanced`). */
export const runSchema = z.strictObject({
  concurrency: z.int().min(1).max(256).optional().describe('Cases in flight at once (default 8).'),
  rate_limit: z.number().gt(0).optional().describe('Requests per second across the run.'),
  retries: z.int().min(0).max(10).optional().describe('Retries of a failed request (default 2).'),
  retry_base_ms: z.int().min(0).max(60_000).optional(),
  timeout: z.int().min(1).max(3_600_000).optional().describe('Per-request timeout in ms.'),
  repeat: z.int().min(1).max(100).optional().describe('Trials per case, for flakiness (default 1).'),
  seed: z.int().optional().describe('Seed of every random choice (default 42).'),
  baseline: z.boolean().optional().describe('Send each golden prompt unmutated first (default true).'),
  min_score: z.number().min(0).max(1).optional().describe('Fail the run below this robustness.'),
});

/** The LLM that generates mutations when `generator: llm` (never used to judge). */
export const modelSchema = z.strictObject({
  provider: z.enum(['ollama', 'openai', 'anthropic', 'google']).optional(),
  name: z.string().min(1).optional(),
  base_url: z.url({ protocol: /^https?$/ }).optional(),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal ${VAR} config syntax
  api_key: z.string().optional().describe('Only as "${ENV_VAR}"; a literal key is rejected.'),
  api_key_env: z
    .string()
    .regex(/^[A-Za-z_]\w*$/)
    .optional(),
  temperature: z.number().min(0).max(2).optional(),
});

/** Where reports go and in which formats. */
export const outputSchema = z.strictObject({
  format: z.union([z.enum(outputFormats), z.array(z.enum(outputFormats)).min(1)]).optional(),
  path: z.string().min(1).optional().describe('Report folder, relative to the config file.'),
});

/** The whole flakestorm.yaml (native format, a superset of Python Flakestorm 1.0/2.0). */
export const configSchema = z.strictObject({
  $schema: z.string().optional().describe('JSON Schema reference for editors; ignored.'),
  version: z
    .union([z.enum(['1.0', '2.0', '3', '1', '2']), z.literal([1, 2, 3])])
    .optional()
    .describe('"3" (native, default) or Python Flakestorm\'s "1.0" / "2.0".'),
  agent: agentSchema,
  golden_prompts: z.array(goldenPromptSchema).min(1).describe('Inputs the agent must handle.'),
  mutations: mutationsSchema.optional(),
  invariants: z.array(invariantSchema).optional().describe('What a correct answer looks like.'),
  run: runSchema.optional(),
  advanced: runSchema.optional().describe('Python Flakestorm name of `run`.'),
  model: modelSchema.optional(),
  output: outputSchema.optional(),
  chaos: chaosSchema.optional(),
  contract: contractSchema.optional(),
  replays: replaysSchema.optional(),
  scoring: scoringSchema.optional(),
  plugins: z.array(z.string().min(1)).optional().describe('Plugin modules, relative to the config file.'),
});

/** What an author may write (zod input type of the native schema): the type of `defineConfig`. */
export type FlakestormConfigInput = z.input<typeof configSchema>;

/** A config after schema validation, before normalisation into a RunPlan. */
export type FlakestormConfig = z.output<typeof configSchema>;
