import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlakestormError } from '../errors.js';
import type { ChatMessage } from '../message.js';
import type { Target, TargetRequest } from './target.js';
import { causeOf } from './target-error.js';

/** What a conformance run needs: a target wired to an echo agent, and one of the same kind that is unreachable. */
export interface ConformanceSetup {
  target: Target;
  unreachable: Target;
  cleanup?(): Promise<void>;
}

/** A request with sensible defaults for tests. */
export function makeTargetRequest(prompt: string, overrides: Partial<TargetRequest> = {}): TargetRequest {
  return {
    caseId: 'case-1',
    prompt,
    messages: [{ role: 'user', content: prompt }],
    vars: {},
    sessionId: 'session-1',
    timeoutMs: 5000,
    signal: new AbortController().signal,
    ...overrides,
  };
}

const trickyPrompt = 'Héllo "wörld" \\ back\nnew line\ttab 🌪️ </script> {prompt} $x \u0001 — 日本語';

/**
 * The suite every adapter runs against the echo agents of `packages/core/src/testing` (which answer the
 * prompt, the turns joined by newlines, and wait on "sleep:<ms>").
 */
export function describeTargetConformance(name: string, makeTarget: () => Promise<ConformanceSetup>): void {
  describe(`${name} target conformance`, () => {
    let setup: ConformanceSetup;
    beforeAll(async () => {
      setup = await makeTarget();
    });
    afterAll(async () => {
      await setup.unreachable.close();
      await setup.cleanup?.();
    });

    it('echoes a prompt with unicode, quotes, backslashes and newlines exactly', async () => {
      const response = await setup.target.send(makeTargetRequest(trickyPrompt));
      expect(response.text).toBe(trickyPrompt);
      expect(response.latencyMs).toBeGreaterThanOrEqual(0);
    });

    it('delivers every turn of a multi-turn conversation', async () => {
      const messages: ChatMessage[] = [
        { role: 'user', content: 'first "turn"' },
        { role: 'assistant', content: 'an answer\nover two lines' },
        { role: 'user', content: 'last turn ✓' },
      ];
      const response = await setup.target.send(makeTargetRequest('last turn ✓', { messages }));
      expect(response.text).toBe(messages.map((m) => m.content).join('\n'));
    });

    it('answers concurrent requests each with its own prompt', async () => {
      const prompts = Array.from({ length: 8 }, (_, i) => `prompt number ${i}`);
      const texts = await Promise.all(
        prompts.map(async (p) => (await setup.target.send(makeTargetRequest(p))).text),
      );
      expect(texts).toEqual(prompts);
    });

    it('fails with cause timeout when the agent is slower than timeoutMs', async () => {
      const error = await setup.target
        .send(makeTargetRequest('sleep:3000', { timeoutMs: 150 }))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FlakestormError);
      expect(causeOf(error)).toBe('timeout');
      expect((error as FlakestormError).code).toBe('FLAKESTORM_TARGET_TIMEOUT');
    });

    it('fails with cause aborted when the caller cancels', async () => {
      const controller = new AbortController();
      const pending = setup.target.send(makeTargetRequest('sleep:3000', { signal: controller.signal }));
      setTimeout(() => controller.abort(), 50);
      const error = await pending.catch((e: unknown) => e);
      expect(causeOf(error)).toBe('aborted');
    });

    it('passes preflight when the agent is up', async () => {
      await expect(setup.target.preflight(new AbortController().signal)).resolves.toBeUndefined();
    });

    it('fails preflight with FLAKESTORM_TARGET_UNREACHABLE when the agent is not there', async () => {
      const error = await setup.unreachable.preflight(new AbortController().signal).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FlakestormError);
      expect((error as FlakestormError).code).toBe('FLAKESTORM_TARGET_UNREACHABLE');
      expect((error as FlakestormError).message.length).toBeGreaterThan(10);
    });

    it('closes cleanly and can still be closed again', async () => {
      await setup.target.send(makeTargetRequest('before close'));
      await expect(setup.target.close()).resolves.toBeUndefined();
      await expect(setup.target.close()).resolves.toBeUndefined();
    });
  });
}
