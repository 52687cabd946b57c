import { signedInCustomer } from './customers.js';
import { DEMO_SYSTEM_PROMPT } from './system-prompt.js';

/** Where the demo agent's upstreams are (the chaos proxy's routes, or the services themselves). */
export interface DemoUpstreams {
  /** OpenAI-compatible base URL, like OPENAI_BASE_URL (the agent POSTs `${llmUrl}/chat/completions`). */
  llmUrl: string;
  /** Order-lookup base URL (the agent GETs `${ordersUrl}/<order id>`). */
  ordersUrl: string;
  /** Per-call timeout of the agent's own HTTP client (default 2000 ms). */
  timeoutMs?: number;
}

/** One thing the agent noticed while talking to its upstreams: what the chaos did to it. */
export interface DemoLogEntry {
  /** The case key the agent forwarded (x-flakestorm-case), when it had one. */
  case: string | null;
  step: 'plan' | 'tool' | 'llm';
  outcome:
    | 'ok'
    | 'retry'
    | 'fallback'
    | 'bad-arguments'
    | 'cut'
    | 'truncated'
    | 'empty'
    | 'timeout'
    | 'error';
  detail: string;
}

interface CallContext {
  upstreams: DemoUpstreams;
  caseKey: string | null;
  log: (entry: Omit<DemoLogEntry, 'case'>) => void;
}

const FALLBACK_TOOL = "I can't reach the order system right now. Please try again in a few minutes.";

function headers(ctx: CallContext, json = true): Record<string, string> {
  return {
    ...(json ? { 'content-type': 'application/json' } : {}),
    ...(ctx.caseKey ? { 'x-flakestorm-case': ctx.caseKey } : {}),
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

/** One HTTP call with the agent's coping policy: one retry on 429/5xx/network errors, honouring Retry-After (at most 1 s). */
async function fetchWithRetry(
  ctx: CallContext,
  step: DemoLogEntry['step'],
  url: string,
  init: RequestInit,
): Promise<Response | undefined> {
  const timeoutMs = ctx.upstreams.timeoutMs ?? 2000;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      if ((response.status === 429 || response.status >= 500) && attempt === 0) {
        const wait = Math.min(1000, Number(response.headers.get('retry-after') ?? '0.2') * 1000 || 200);
        ctx.log({ step, outcome: 'retry', detail: `HTTP ${response.status}, retrying after ${wait} ms` });
        await response.body?.cancel();
        await new Promise((r) => setTimeout(r, wait));
        continue;
      }
      return response;
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      if (timedOut) {
        // A hung upstream already cost the whole timeout: do not spend it twice.
        ctx.log({ step, outcome: 'timeout', detail: `no answer within ${timeoutMs} ms` });
        return undefined;
      }
      ctx.log({ step, outcome: attempt === 0 ? 'retry' : 'error', detail: describe(error) });
    }
  }
  return undefined;
}

/** Asks the LLM which order to look up (function calling); falls back to the signed-in customer's last order. */
async function planLookup(ctx: CallContext, prompt: string): Promise<string> {
  const fallback = signedInCustomer.lastOrder.id;
  const response = await fetchWithRetry(ctx, 'plan', `${ctx.upstreams.llmUrl}/chat/completions`, {
    method: 'POST',
    headers: headers(ctx),
    body: JSON.stringify({
      model: 'stand-in',
      messages: [
        { role: 'system', content: DEMO_SYSTEM_PROMPT },
        { role: 'user', content: prompt },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'lookup_order',
            parameters: { type: 'object', properties: { order_id: { type: 'string' } } },
          },
        },
      ],
    }),
  });
  if (!response?.ok) {
    ctx.log({
      step: 'plan',
      outcome: 'fallback',
      detail: `planning failed (${response?.status ?? 'no answer'}); using the last order`,
    });
    await response?.body?.cancel();
    return fallback;
  }
  try {
    const body = (await response.json()) as {
      choices?: Array<{ message?: { tool_calls?: Array<{ function?: { arguments?: string } }> } }>;
    };
    const args = body.choices?.[0]?.message?.tool_calls?.[0]?.function?.arguments ?? '{}';
    const parsed = JSON.parse(args) as { order_id?: string };
    ctx.log({ step: 'plan', outcome: 'ok', detail: `lookup_order(${parsed.order_id ?? ''})` });
    return parsed.order_id && parsed.order_id !== 'LAST' ? parsed.order_id : fallback;
  } catch (error) {
    ctx.log({
      step: 'plan',
      outcome: 'bad-arguments',
      detail: `tool-call arguments unreadable: ${describe(error)}`,
    });
    return fallback;
  }
}

/** Looks the order up; undefined when the tool failed even after the retry. */
async function lookupOrder(ctx: CallContext, orderId: string): Promise<string | undefined> {
  const response = await fetchWithRetry(
    ctx,
    'tool',
    `${ctx.upstreams.ordersUrl}/${encodeURIComponent(orderId)}`,
    {
      headers: headers(ctx, false),
    },
  );
  if (!response) return undefined;
  if (!response.ok) {
    ctx.log({ step: 'tool', outcome: 'error', detail: `HTTP ${response.status}` });
    await response.body?.cancel();
    return undefined;
  }
  const type = response.headers.get('content-type') ?? '';
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    ctx.log({ step: 'tool', outcome: 'cut', detail: `body cut short: ${describe(error)}` });
    return undefined;
  }
  if (!type.includes('json')) {
    ctx.log({ step: 'tool', outcome: 'error', detail: `unexpected content type ${type || '(none)'}` });
    return undefined;
  }
  try {
    JSON.parse(text);
  } catch {
    ctx.log({ step: 'tool', outcome: 'error', detail: 'malformed JSON from the order system' });
    return undefined;
  }
  ctx.log({ step: 'tool', outcome: 'ok', detail: `order ${orderId}` });
  return text;
}

/** Streams the final answer (SSE); a cut stream yields what arrived: the agent does not notice in time. */
async function streamAnswer(
  ctx: CallContext,
  messages: Array<{ role: string; content: string }>,
  draft: string,
): Promise<string> {
  const response = await fetchWithRetry(ctx, 'llm', `${ctx.upstreams.llmUrl}/chat/completions`, {
    method: 'POST',
    headers: headers(ctx),
    body: JSON.stringify({ model: 'stand-in', stream: true, messages }),
  });
  if (!response?.ok || !response.body) {
    ctx.log({
      step: 'llm',
      outcome: 'fallback',
      detail: `LLM unavailable (${response?.status ?? 'no answer'}); answering with the draft`,
    });
    await response?.body?.cancel();
    return draft;
  }
  let text = '';
  let buffer = '';
  let done = false;
  let finish: string | null = null;
  let chunks = 0;
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  const consume = (block: string) => {
    const data = block.startsWith('data: ') ? block.slice(6) : '';
    if (data === '[DONE]') done = true;
    else if (data) {
      const event = JSON.parse(data) as {
        choices?: Array<{ delta?: { content?: string }; finish_reason?: string | null }>;
      };
      const choice = event.choices?.[0];
      if (choice?.delta?.content) {
        text += choice.delta.content;
        chunks++;
      }
      if (choice?.finish_reason) finish = choice.finish_reason;
    }
  };
  try {
    for (;;) {
      const { done: end, value } = await reader.read();
      if (end) break;
      buffer += decoder.decode(value, { stream: true });
      let at = buffer.indexOf('\n\n');
      while (at !== -1) {
        consume(buffer.slice(0, at));
        buffer = buffer.slice(at + 2);
        at = buffer.indexOf('\n\n');
      }
    }
  } catch (error) {
    ctx.log({
      step: 'llm',
      outcome: 'cut',
      detail: `stream broke after ${chunks} chunks: ${describe(error)}`,
    });
    return text;
  }
  if (!done)
    ctx.log({ step: 'llm', outcome: 'cut', detail: `stream ended without [DONE] after ${chunks} chunks` });
  else if (finish === 'length')
    ctx.log({ step: 'llm', outcome: 'truncated', detail: 'finish_reason length' });
  else if (text.trim() === '')
    ctx.log({ step: 'llm', outcome: 'empty', detail: 'the completion had no content' });
  else ctx.log({ step: 'llm', outcome: 'ok', detail: `${chunks} chunks` });
  return text.trim();
}

/**
 * The agent's answer when it has upstreams: order questions go LLM (plan) -> order tool -> LLM (answer);
 * every other answer is phrased by the LLM from the agent's draft. Copes with some faults (one retry,
 * Retry-After, fallbacks to the draft or an apology) and not with others (cut streams, empty or garbage
 * completions, drifted fields, injected tool output).
 */
export async function answerViaUpstreams(
  upstreams: DemoUpstreams,
  input: { prompt: string; draft: string; intent: string },
  caseKey: string | null,
  log: (entry: DemoLogEntry) => void,
): Promise<string> {
  const ctx: CallContext = { upstreams, caseKey, log: (entry) => log({ case: caseKey, ...entry }) };
  const system = { role: 'system', content: DEMO_SYSTEM_PROMPT };
  const user = { role: 'user', content: input.prompt };
  if (input.intent === 'order') {
    const orderId = await planLookup(ctx, input.prompt);
    const order = await lookupOrder(ctx, orderId);
    if (order === undefined) {
      ctx.log({ step: 'tool', outcome: 'fallback', detail: 'apologised instead of answering' });
      return FALLBACK_TOOL;
    }
    return streamAnswer(ctx, [system, user, { role: 'tool', content: order }], input.draft);
  }
  return streamAnswer(
    ctx,
    [system, user, { role: 'assistant', content: `Draft: ${input.draft}` }],
    input.draft,
  );
}
