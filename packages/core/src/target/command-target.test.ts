import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlakestormError } from '../errors.js';
import { echoCommandPath } from '../testing/fixtures.js';
import { createCommandTarget } from './command-target.js';
import { describeTargetConformance, makeTargetRequest } from './conformance.test-util.js';
import type { CommandTargetSpec } from './spec.js';
import { causeOf } from './target-error.js';
import { testContext } from './test-helpers.test-util.js';

const context = { ...testContext, baseDir: dirname(echoCommandPath) };
const spec = (args: string[] = ['echo-command.mjs']): CommandTargetSpec => ({
  kind: 'command',
  command: process.execPath,
  args,
  env: {},
});

describeTargetConformance('command', async () => ({
  target: createCommandTarget(spec(), context),
  unreachable: createCommandTarget(
    { kind: 'command', command: 'flakestorm-no-such-binary', args: [], env: {} },
    context,
  ),
}));

describe('command target', () => {
  it('reads "response" answers too and passes the session id', async () => {
    const target = createCommandTarget(spec(['echo-command.mjs', 'response']), context);
    try {
      const response = await target.send(makeTargetRequest('hi'));
      expect(response.text).toBe('hi');
      expect(response.body).toMatchObject({ response: 'hi', session: 'session-1' });
    } finally {
      await target.close();
    }
  });

  it('turns an {"error"} answer into cause target_error', async () => {
    const target = createCommandTarget(spec(), context);
    try {
      const error = await target.send(makeTargetRequest('fail')).catch((e: unknown) => e);
      expect(causeOf(error)).toBe('target_error');
      expect((error as Error).message).toContain('tool failed');
    } finally {
      await target.close();
    }
  });

  it('reports a dying process with its exit code and stderr, then restarts it', async () => {
    const target = createCommandTarget(spec(), context);
    try {
      const error = (await target
        .send(makeTargetRequest('crash'))
        .catch((e: unknown) => e)) as FlakestormError;
      expect(causeOf(error)).toBe('target_error');
      expect(error.details).toMatchObject({ exitCode: 7 });
      expect(error.message).toContain('panic: crash requested');
      expect((await target.send(makeTargetRequest('alive again'))).text).toBe('alive again');
    } finally {
      await target.close();
    }
  });

  it('fails cleanly when the command does not exist', async () => {
    const target = createCommandTarget(
      { kind: 'command', command: 'flakestorm-no-such-binary', args: [], env: {} },
      context,
    );
    const error = await target.send(makeTargetRequest('x')).catch((e: unknown) => e);
    expect(causeOf(error)).toBe('target_error');
    expect((error as Error).message).toContain('could not start');
    await target.close();
  });
});
