import * as z from 'zod';

const message = z.strictObject({
  role: z.enum(['system', 'user', 'assistant', 'tool']),
  content: z.string(),
});

const exchange = z.strictObject({
  route: z.string().regex(/^\/\S*$/, 'a route is a proxy path prefix such as /llm or /tools/orders'),
  method: z.string().min(1).default('*'),
  path: z.string().default('*'),
  status: z.int().min(100).max(599).default(200),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().default(''),
  encoding: z.literal('base64').optional(),
  latency_ms: z.number().min(0).optional(),
  stream_ms: z.array(z.number().min(0)).optional(),
});

const toolResponse = z.strictObject({
  tool: z.string().min(1),
  response: z.json().optional(),
  status: z.int().min(100).max(599).optional(),
  latency_ms: z.number().min(0).optional(),
});

/**
 * A session file (`flakestorm replay record` writes them; `replay run PATH` reads them): Python
 * Flakestorm's session fields plus the recorded upstream exchanges, the conversation and the answer.
 */
export const sessionFileSchema = z
  .strictObject({
    version: z.literal(1).optional(),
    id: z.string().min(1),
    name: z.string().optional(),
    source: z.string().optional(),
    captured_at: z.string().optional(),
    input: z.string().optional(),
    messages: z.array(message).min(1).optional(),
    context: z.json().optional(),
    response: z.string().optional(),
    exchanges: z.array(exchange).optional(),
    tool_responses: z.array(toolResponse).optional(),
    expected_failure: z.boolean().optional(),
    contract: z.string().optional(),
  })
  .refine((session) => session.input !== undefined || session.messages !== undefined, {
    message: 'a session needs its `input` (the user message) or `messages`',
  });

/** A session file as validated. */
export type SessionFile = z.output<typeof sessionFileSchema>;
