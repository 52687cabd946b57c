import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionsFromLangSmith } from './import-langsmith.js';
import { sessionsFromOtel } from './import-otel.js';
import { toolCallsOf } from './import-tool-calls.js';
import { createReplayUpstream, type ReplayUpstream } from './replay-upstream.js';
import type { RecordedExchange } from './session.js';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');

const open: ReplayUpstream[] = [];
afterEach(async () => {
  for (const u of open.splice(0)) await u.close();
});

/** Serves the exchanges from a real replay upstream and asks it as the agent's LLM client would. */
async function ask(exchanges: RecordedExchange[], path: string): Promise<Record<string, unknown>> {
  const u = await createReplayUpstream();
  open.push(u);
  u.routesFor(['/llm']);
  u.serve(exchanges, { speed: 0 });
  const response = await fetch(`${u.url}/llm${path}`, { method: 'POST', body: '{"messages":[]}' });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

interface OpenAiAnswer {
  choices: Array<{
    finish_reason: string;
    message: {
      content: string | null;
      tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
    };
  }>;
}

interface OllamaAnswer {
  done: boolean;
  message: { content: string; tool_calls?: Array<{ function: { name: string; arguments: unknown } }> };
}

const langsmithRun = (extra: Record<string, unknown>, toolCalls: unknown) =>
  JSON.stringify({
    id: 'root',
    run_type: 'chain',
    inputs: { input: 'Where is ORD-1?' },
    child_runs: [
      {
        id: 'llm-1',
        name: 'ChatModel',
        run_type: 'llm',
        extra,
        outputs: {
          generations: [
            [{ text: '', message: { type: 'ai', data: { content: '', tool_calls: toolCalls } } }],
          ],
        },
      },
    ],
  });

describe('tool-call turns of imported traces', () => {
  it('serves a LangSmith tool-call turn as OpenAI tool_calls, not an empty completion', async () => {
    const [session] = sessionsFromLangSmith(fixture('langsmith-run.json'), 'run.json');
    const first = session?.exchanges[0];
    expect(first?.path).toBe('/v1/chat/completions');
    const answer = (await ask(session?.exchanges ?? [], '/v1/chat/completions')) as unknown as OpenAiAnswer;
    const [choice] = answer.choices;
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.content).toBeNull();
    expect(choice?.message.tool_calls).toEqual([
      {
        id: 'call_9xQ',
        type: 'function',
        function: { name: 'lookup_order', arguments: '{"order_id":"ORD-4412"}' },
      },
    ]);
    // The final turn stays a plain answer.
    const final = JSON.parse(session?.exchanges[2]?.body ?? '{}') as OpenAiAnswer;
    expect(final.choices[0]?.finish_reason).toBe('stop');
    expect(final.choices[0]?.message.tool_calls).toBeUndefined();
  });

  it('serves an OTel GenAI tool_call part as OpenAI tool_calls', async () => {
    const [session] = sessionsFromOtel(fixture('otel-genai-spans.json'), 'spans.json');
    const answer = (await ask(session?.exchanges ?? [], '/v1/chat/completions')) as unknown as OpenAiAnswer;
    expect(answer.choices[0]?.message.tool_calls).toEqual([
      {
        id: 'call_1',
        type: 'function',
        function: { name: 'cancel_order', arguments: '{"order_id":"ORD-9001"}' },
      },
    ]);
  });

  it('serves Ollama-shaped sessions as Ollama /api/chat answers with object arguments', async () => {
    const [fromLangsmith] = sessionsFromLangSmith(
      langsmithRun({ metadata: { ls_provider: 'ollama', ls_model_name: 'llama3.2' } }, [
        { name: 'lookup_order', args: { order_id: 'ORD-1' }, id: 'x' },
      ]),
      'ollama.json',
    );
    expect(fromLangsmith?.exchanges[0]?.path).toBe('/api/chat');
    const answer = (await ask(fromLangsmith?.exchanges ?? [], '/api/chat')) as unknown as OllamaAnswer;
    expect(answer.done).toBe(true);
    expect(answer.message.tool_calls).toEqual([
      { function: { name: 'lookup_order', arguments: { order_id: 'ORD-1' } } },
    ]);

    const spans = JSON.parse(fixture('otel-genai-spans.json')) as {
      resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ name: string; attributes: unknown[] }> }> }>;
    };
    for (const span of spans.resourceSpans[0]?.scopeSpans[0]?.spans ?? []) {
      if (span.name.startsWith('chat')) {
        span.attributes.push({ key: 'gen_ai.provider.name', value: { stringValue: 'ollama' } });
      }
    }
    const [fromOtel] = sessionsFromOtel(JSON.stringify(spans), 'ollama-spans.json');
    const llm = fromOtel?.exchanges.filter((e) => e.route === '/llm') ?? [];
    expect(llm.map((e) => e.path)).toEqual(['/api/chat', '/api/chat']);
    const otelAnswer = JSON.parse(llm[0]?.body ?? '{}') as OllamaAnswer;
    expect(otelAnswer.message.tool_calls?.[0]?.function).toEqual({
      name: 'cancel_order',
      arguments: { order_id: 'ORD-9001' },
    });
  });

  it('ignores malformed tool calls and keeps broken argument text verbatim', () => {
    expect(toolCallsOf([null, 3, { args: {} }, { type: 'text', name: 'x' }, { name: '' }])).toEqual([]);
    expect(toolCallsOf('nope')).toEqual([]);
    expect(toolCallsOf([{ id: 'c', function: { name: 'f', arguments: '{broken' } }])).toEqual([
      { id: 'c', name: 'f', arguments: '{broken' },
    ]);
    const [session] = sessionsFromLangSmith(langsmithRun({}, [{ args: { a: 1 } }]), 'bad.json');
    const body = JSON.parse(session?.exchanges[0]?.body ?? '{}') as OpenAiAnswer;
    expect(body.choices[0]?.finish_reason).toBe('stop');
    expect(body.choices[0]?.message).toEqual({ role: 'assistant', content: '' });
  });
});
