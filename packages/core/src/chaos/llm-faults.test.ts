import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { applyLlmFaultToBody, applyLlmFaultToStream } from './llm-faults.js';
import { formatEvent, llmFormatOf, parseStream } from './llm-wire.js';

const random = () => createRandom(2);
const openai = (content: string) =>
  JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });
const contentOf = (body: string | undefined) =>
  (JSON.parse(body ?? '{}') as { choices: Array<{ message: { content: string } }> }).choices[0]?.message
    .content;

describe('LLM faults on whole bodies', () => {
  it('drifts format, verbosity and JSON keys of a JSON answer', () => {
    const json = openai('{"order_id":"A-1","status":"shipped"}');
    expect(
      contentOf(applyLlmFaultToBody('openai', json, { kind: 'drift', drift: 'format_change' }, random())),
    ).toBe('- **order_id**: A-1\n- **status**: shipped');
    expect(
      contentOf(applyLlmFaultToBody('openai', json, { kind: 'drift', drift: 'json_field_rename' }, random())),
    ).toBe('{"orderId":"A-1","status_value":"shipped"}');
    const long = contentOf(
      applyLlmFaultToBody(
        'openai',
        openai('It shipped.'),
        { kind: 'drift', drift: 'verbosity_shift', factor: 3 },
        random(),
      ),
    );
    expect(long?.length).toBeGreaterThan(200);
    const short = contentOf(
      applyLlmFaultToBody(
        'openai',
        openai('It shipped today. It arrives Monday.'),
        { kind: 'drift', drift: 'verbosity_shift', factor: 0.5 },
        random(),
      ),
    );
    expect(short).toBe('It shipped');
  });

  it('speaks Ollama chat and generate, with done_reason for finish-length', () => {
    const chat = JSON.stringify({
      model: 'm',
      message: { role: 'assistant', content: 'one two three four' },
      done: true,
      done_reason: 'stop',
    });
    const cut = JSON.parse(
      applyLlmFaultToBody('ollama-chat', chat, { kind: 'finish-length', maxTokens: 2 }, random()) ?? '{}',
    );
    expect(cut).toMatchObject({ message: { content: 'one two' }, done_reason: 'length' });
    const generate = JSON.stringify({ model: 'm', response: 'alpha beta', done: true });
    const empty = JSON.parse(
      applyLlmFaultToBody('ollama-generate', generate, { kind: 'empty-completion' }, random()) ?? '{}',
    );
    expect(empty.response).toBe('');
    expect(llmFormatOf('/llm/api/generate')).toBe('ollama-generate');
    expect(llmFormatOf('/llm/v1/chat/completions?x=1')).toBe('openai');
  });

  it('leaves bodies that are not JSON alone', () => {
    expect(applyLlmFaultToBody('openai', 'upstream says no', { kind: 'garbage' }, random())).toBeUndefined();
  });
});

describe('LLM faults on streams', () => {
  const sse = ['Hello', ' there', ' friend']
    .map(
      (c) =>
        `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: c }, finish_reason: null }] })}\n\n`,
    )
    .concat(
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`,
      'data: [DONE]\n\n',
    )
    .join('');

  it('keeps the stream shape: same events, rewritten text, [DONE] kept', () => {
    const events = parseStream(sse, 'sse');
    const out = applyLlmFaultToStream('openai', events, { kind: 'finish-length', maxTokens: 1 }, random());
    const text = out.events.map((e) => formatEvent(e, 'sse')).join('');
    expect(out.cut).toBe(false);
    expect(out.events).toHaveLength(5);
    expect(text).toContain('"finish_reason":"length"');
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('corrupts streamed tool-call arguments', () => {
    const frag = (args: string) =>
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: args } }] } }] })}\n\n`;
    const events = parseStream(frag('{"order_') + frag('id":"A-1"}'), 'sse');
    const out = applyLlmFaultToStream('openai', events, { kind: 'corrupt-tool-args' }, random());
    const args = out.events
      .map(
        (e) =>
          (
            e.json as {
              choices: Array<{ delta: { tool_calls: Array<{ function: { arguments: string } }> } }>;
            }
          ).choices[0]?.delta.tool_calls[0]?.function.arguments,
      )
      .join('');
    expect(() => JSON.parse(args)).toThrow();
  });
});
