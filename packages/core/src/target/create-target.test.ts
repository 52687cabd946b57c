import { describe, expect, it } from 'vitest';
import { FlakestormError } from '../errors.js';
import { builtinPlugin } from '../plugin/builtin-plugin.js';
import { createRegistry } from '../plugin/registry.js';
import { startEchoAgent } from '../testing/echo-agent.js';
import { builtinTargets } from './builtin-targets.js';
import { makeTargetRequest } from './conformance.test-util.js';
import { createTarget } from './create-target.js';
import type { TargetSpec } from './spec.js';
import { httpSpec } from './test-helpers.test-util.js';

describe('createTarget', () => {
  it('registers the four built-in kinds through the builtin plugin', () => {
    expect(builtinTargets.map((f) => f.kind)).toEqual(['http', 'openai', 'module', 'command']);
    expect([...createRegistry([builtinPlugin]).targets.keys()]).toEqual([
      'http',
      'openai',
      'module',
      'command',
    ]);
  });

  it('creates a working target from a spec', async () => {
    const agent = await startEchoAgent();
    const target = createTarget(httpSpec(agent.invokeUrl), { timeoutMs: 2000 });
    try {
      expect(target.kind).toBe('http');
      expect(target.description).toBe(`POST ${agent.invokeUrl}`);
      expect((await target.send(makeTargetRequest('made by createTarget'))).text).toBe(
        'made by createTarget',
      );
    } finally {
      await target.close();
      await agent.close();
    }
  });

  it('rejects an unknown kind and a spec given to the wrong factory', () => {
    const odd = { kind: 'grpc' } as unknown as TargetSpec;
    expect(() => createTarget(odd)).toThrow(FlakestormError);
    const error = (() => {
      try {
        createTarget(odd);
      } catch (e) {
        return e as FlakestormError;
      }
    })();
    expect(error?.hint).toBe('Known target kinds: http, openai, module, command.');
    const http = builtinTargets[0]!;
    expect(() =>
      http.create(
        { kind: 'module', path: 'x.js', exportName: 'default' },
        { baseDir: '.', timeoutMs: 1, env: {} },
      ),
    ).toThrow(/given a "module" target spec/);
  });
});
