import * as z from 'zod';

/** Header, query and env values: YAML may type `limit: 10` as a number; they are sent as text. */
const textValue = z.union([z.string(), z.number(), z.boolean()]);
const textMap = z.record(z.string(), textValue);
const timeout = z.int().min(1).max(3_600_000).describe('Per-request timeout in milliseconds.');
const canary = z
  .string()
  .min(8)
  .describe('A secret string planted in the system prompt; no_system_prompt_leak fails when it appears.');
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' });

/** An agent behind an HTTP endpoint (the default type). */
export const httpAgentSchema = z.strictObject({
  type: z.literal('http').optional(),
  endpoint: httpUrl.describe('URL the prompt is sent to.'),
  method: z
    .enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'get', 'post', 'put', 'patch', 'delete'])
    .optional()
    .describe('HTTP method (default POST).'),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal ${VAR} config syntax
  headers: textMap.optional().describe('Request headers; secrets only as ${ENV_VAR}.'),
  query_params: textMap.optional(),
  request_template: z
    .string()
    .optional()
    .describe('Body template with {{prompt}} / {prompt} and other {{name}} placeholders.'),
  response_path: z.string().optional().describe('Where the answer is: $.a.b[0], a.b or results.0.'),
  stream: z.enum(['auto', 'none', 'sse', 'ndjson']).optional(),
  timeout: timeout.optional(),
  max_response_bytes: z.int().min(1).optional().describe('Largest response read (default 10 MB).'),
  ok_statuses: z.array(z.int().min(100).max(599)).min(1).optional(),
  parse_structured_input: z.boolean().optional(),
  session: z
    .strictObject({
      mode: z.enum(['history', 'session-id', 'none']),
      field: z.string().optional(),
      header: z.string().optional(),
    })
    .optional(),
  reset_endpoint: httpUrl.optional().describe('URL POSTed to reset the agent between contract cells.'),
  canary: canary.optional(),
});

/** An OpenAI-compatible chat completions endpoint. */
export const openAiAgentSchema = z.strictObject({
  type: z.literal('openai'),
  endpoint: httpUrl.optional().describe('Base URL (…/v1) or the full …/chat/completions URL.'),
  base_url: httpUrl.optional(),
  model: z.string().min(1),
  api_key_env: z
    .string()
    .regex(/^[A-Za-z_]\w*$/)
    .optional(),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal ${VAR} config syntax
  api_key: z.string().optional().describe('Only as "${ENV_VAR}"; a literal key is rejected.'),
  system_prompt: z.string().optional(),
  temperature: z.number().min(0).max(2).optional(),
  max_tokens: z.int().min(1).optional(),
  stream: z.boolean().optional(),
  headers: textMap.optional(),
  timeout: timeout.optional(),
  max_response_bytes: z.int().min(1).optional(),
  canary: canary.optional(),
});

/** An exported JS/TS function, called in-process. */
export const moduleAgentSchema = z.strictObject({
  type: z.literal('module'),
  path: z.string().min(1).optional().describe('Module file, relative to the config file.'),
  endpoint: z
    .string()
    .regex(/^[^:]+(:[A-Za-z_$][\w$]*)?$/, 'expected "file.js" or "file.js:exportName"')
    .optional()
    .describe('Python-style "file.js:exportName".'),
  export: z.string().min(1).optional(),
  reset_export: z.string().min(1).optional(),
  timeout: timeout.optional(),
  canary: canary.optional(),
});

/** A subprocess speaking JSON lines on stdin/stdout. */
export const commandAgentSchema = z.strictObject({
  type: z.literal('command'),
  command: z.string().min(1),
  args: z.array(z.string()).optional(),
  cwd: z.string().optional(),
  env: textMap.optional(),
  timeout: timeout.optional(),
  canary: canary.optional(),
});

/** The agent under test, by `type` (default http). */
export const agentSchema = z.discriminatedUnion('type', [
  httpAgentSchema,
  openAiAgentSchema,
  moduleAgentSchema,
  commandAgentSchema,
]);

/** The agent section as parsed. */
export type AgentConfig = z.output<typeof agentSchema>;
