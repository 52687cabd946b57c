import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EchoAgent, startEchoAgent } from '../testing/echo-agent.js';
import { type RecordingServer, startRecordingServer } from '../testing/recording-server.js';
import { describeTargetConformance, makeTargetRequest } from './conformance.test-util.js';
import { chatCompletionsUrl, createOpenAiTarget } from './openai-target.js';
import type { OpenAiTargetSpec } from './spec.js';
import { closedPort, testContext } from './test-helpers.test-util.js';

function openAiSpec(baseUrl: string, overrides: Partial<OpenAiTargetSpec> = {}): OpenAiTargetSpec {
  return {
    kind: 'openai',
    baseUrl,
    model: 'echo',
    stream: false,
    headers: {},
    maxResponseBytes: 1_000_000,
    ...overrides,
  };
}

describeTargetConformance('openai', async () => {
  const agent = await startEchoAgent();
  const port = await closedPort();
  return {
    target: createOpenAiTarget(openAiSpec(agent.url), testContext),
    unreachable: createOpenAiTarget(openAiSpec(`http://127.0.0.1:${port}`), testContext),
    cleanup: () => agent.close(),
  };
});

describeTargetConformance('openai (streaming)', async () => {
  const agent = await startEchoAgent();
  const port = await closedPort();
  return {
    target: createOpenAiTarget(openAiSpec(`${agent.url}/v1`, { stream: true }), testContext),
    unreachable: createOpenAiTarget(openAiSpec(`http://127.0.0.1:${port}/v1`), testContext),
    cleanup: () => agent.close(),
  };
});

describe('openai target', () => {
  let recorder: RecordingServer;
  let echo: EchoAgent;
  beforeAll(async () => {
    recorder = await startRecordingServer();
    echo = await startEchoAgent();
  });
  afterAll(async () => {
    await recorder.close();
    await echo.close();
  });

  it('builds the chat completions URL with or without /v1', () => {
    expect(chatCompletionsUrl('http://h:1')).toBe('http://h:1/v1/chat/completions');
    expect(chatCompletionsUrl('http://h:1/v1/')).toBe('http://h:1/v1/chat/completions');
  });

  it('sends the system prompt first, the conversation, options and the API key as Bearer', async () => {
    const target = createOpenAiTarget(
      openAiSpec(recorder.url, {
        apiKeyEnv: 'TEST_KEY',
        systemPrompt: 'be nice',
        temperature: 0.2,
        maxTokens: 50,
      }),
      { ...testContext, env: { TEST_KEY: 'sk-live-1' } },
    );
    const messages = [
      { role: 'user' as const, content: 'a' },
      { role: 'assistant' as const, content: 'b' },
      { role: 'user' as const, content: 'c' },
    ];
    const response = await target.send(makeTargetRequest('c', { messages }));
    await target.close();
    const arrived = recorder.requests.at(-1)!;
    expect(arrived.url).toBe('/v1/chat/completions');
    expect(arrived.headers).toContainEqual(['Authorization', 'Bearer sk-live-1']);
    expect(JSON.parse(arrived.bodyPreview)).toEqual({
      model: 'echo',
      messages: [{ role: 'system', content: 'be nice' }, ...messages],
      temperature: 0.2,
      max_tokens: 50,
    });
    expect(JSON.stringify(response.sent)).not.toContain('sk-live-1');
  });

  it('fails clearly when the API key variable is missing', async () => {
    const target = createOpenAiTarget(openAiSpec(echo.url, { apiKeyEnv: 'NOT_SET_KEY' }), testContext);
    await expect(target.send(makeTargetRequest('x'))).rejects.toThrow('NOT_SET_KEY');
    await target.close();
  });
});
