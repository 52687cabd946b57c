import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EchoAgent, startEchoAgent } from '../testing/echo-agent.js';
import { type RecordingServer, startRecordingServer } from '../testing/recording-server.js';
import { makeTargetRequest } from './conformance.test-util.js';
import { parseResponsePath, resolveResponsePath } from './extract.js';
import { createHttpTarget } from './http-target.js';
import type { HttpTargetSpec } from './spec.js';
import { httpSpec, testContext } from './test-helpers.test-util.js';

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

async function sendTo(spec: Partial<HttpTargetSpec>, prompt = 'hello', overrides = {}) {
  const target = createHttpTarget(httpSpec(`${recorder.url}/invoke`, spec), testContext);
  try {
    const response = await target.send(makeTargetRequest(prompt, overrides));
    return { response, arrived: recorder.requests.at(-1)! };
  } finally {
    await target.close();
  }
}

const conversation = [
  { role: 'user' as const, content: 'one' },
  { role: 'assistant' as const, content: 'two' },
  { role: 'user' as const, content: 'three' },
];

describe('http request building', () => {
  it('sends {"prompt"} plus messages by default in history mode', async () => {
    const { arrived } = await sendTo({}, 'three', { messages: conversation });
    expect(JSON.parse(arrived.bodyPreview)).toEqual({ prompt: 'three', messages: conversation });
    expect(arrived.headers).toContainEqual(['Content-Type', 'application/json']);
  });

  it('sends only the last turn plus a session id field in session-id mode', async () => {
    const { arrived } = await sendTo({ session: { mode: 'session-id', field: 'conv' } }, 'three', {
      messages: conversation,
    });
    expect(JSON.parse(arrived.bodyPreview)).toEqual({ prompt: 'three', conv: 'session-1' });
  });

  it('sends the session id in a header when configured', async () => {
    const { arrived } = await sendTo({ session: { mode: 'session-id', header: 'X-Session-Id' } }, 'three', {
      messages: conversation,
    });
    expect(arrived.headers).toContainEqual(['X-Session-Id', 'session-1']);
    expect(JSON.parse(arrived.bodyPreview)).toEqual({ prompt: 'three' });
  });

  it('fills a JSON template with escaped prompt, vars and structured input', async () => {
    const prompt = 'City: Zürich\nWhat "time" is it?';
    const { arrived } = await sendTo(
      {
        bodyTemplate: '{"q": "{{prompt}}", "city": "{city}", "user": "{{user}}", "sid": {session_id}}',
        parseStructuredInput: true,
      },
      prompt,
      { vars: { user: 'ann' } },
    );
    expect(JSON.parse(arrived.bodyPreview)).toEqual({
      q: prompt,
      city: 'Zürich',
      user: 'ann',
      sid: 'session-1',
    });
  });

  it('puts a GET template into the query string, URL-encoded, with configured query params', async () => {
    const { arrived } = await sendTo(
      { method: 'GET', bodyTemplate: 'q={prompt}', query: { lang: 'en' } },
      'a&b=c "d"',
    );
    expect(arrived.method).toBe('GET');
    expect(arrived.query).toEqual([
      ['lang', 'en'],
      ['q', 'a&b=c "d"'],
    ]);
    expect(arrived.bodyBytes).toBe(0);
  });

  it('sends the prompt as ?prompt= for GET without a template', async () => {
    const { arrived } = await sendTo({ method: 'GET' }, 'hi there');
    expect(arrived.query).toEqual([['prompt', 'hi there']]);
  });

  it('URL-encodes a form template under its content type', async () => {
    const { arrived } = await sendTo(
      {
        bodyTemplate: 'message={prompt}&v=1',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      },
      'x&y=z',
    );
    expect(new URLSearchParams(arrived.bodyPreview).get('message')).toBe('x&y=z');
    expect(new URLSearchParams(arrived.bodyPreview).get('v')).toBe('1');
  });

  it('records what was sent with secrets masked', async () => {
    const { response, arrived } = await sendTo({
      url: `${recorder.url}/invoke?api_key=sk-123&mode=fast`,
      headers: { Authorization: 'Bearer sk-secret', 'X-Api-Key': 'k-1', Accept: 'application/json' },
    });
    expect(arrived.headers).toContainEqual(['Authorization', 'Bearer sk-secret']);
    const sent = response.sent!;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe(`${recorder.url}/invoke?api_key=***&mode=fast`);
    expect(sent.headers).toContainEqual(['Authorization', 'Bearer ***']);
    expect(sent.headers).toContainEqual(['X-Api-Key', '***']);
    expect(sent.headers).toContainEqual(['Accept', 'application/json']);
    expect(JSON.stringify(sent)).not.toContain('sk-');
    expect(sent.bodyBytes).toBe(arrived.bodyBytes);
    expect(sent.bodyPreview).toBe(arrived.bodyPreview);
  });

  it('previews at most 2 KB of a large body', async () => {
    const { response } = await sendTo({}, 'x'.repeat(10_000));
    expect(response.sent!.bodyBytes).toBeGreaterThan(10_000);
    expect(response.sent!.bodyPreview.length).toBeLessThanOrEqual(2049);
  });

  it('posts to the reset URL', async () => {
    const target = createHttpTarget(httpSpec(echo.invokeUrl, { resetUrl: `${echo.url}/reset` }), testContext);
    await target.reset!(new AbortController().signal);
    await target.close();
    expect(echo.resets).toBe(1);
  });
});

describe('response extraction', () => {
  it('parses the path syntaxes', () => {
    expect(parseResponsePath('$.a.b[0]')).toEqual(['a', 'b', 0]);
    expect(parseResponsePath('a.b')).toEqual(['a', 'b']);
    expect(parseResponsePath('results.0')).toEqual(['results', 0]);
    expect(parseResponsePath("$['odd.key'].x")).toEqual(['odd.key', 'x']);
  });

  it('resolves paths and reports missing steps', () => {
    const body = { a: { b: ['first', 'second'] }, results: [{ t: 1 }] };
    expect(resolveResponsePath(body, '$.a.b[1]')).toEqual({ found: true, value: 'second' });
    expect(resolveResponsePath(body, 'results.0')).toEqual({ found: true, value: { t: 1 } });
    expect(resolveResponsePath(body, 'a.c')).toEqual({ found: false });
    expect(resolveResponsePath(body, 'a.b[5]')).toEqual({ found: false });
  });

  it('extracts by response path from a live agent and stringifies non-strings', async () => {
    const target = createHttpTarget(httpSpec(echo.invokeUrl, { responsePath: '$.turns' }), testContext);
    const response = await target.send(makeTargetRequest('hi'));
    await target.close();
    expect(response.text).toBe('1');
    expect(response.body).toMatchObject({ output: 'hi', turns: 1 });
  });

  it('auto-detects OpenAI bodies', async () => {
    const target = createHttpTarget(httpSpec(`${echo.url}/v1/chat/completions`), testContext);
    const response = await target.send(makeTargetRequest('from openai'));
    await target.close();
    expect(response.text).toBe('from openai');
  });
});
