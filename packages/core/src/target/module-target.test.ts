import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlakestormError } from '../errors.js';
import { echoModulePath } from '../testing/fixtures.js';
import { describeTargetConformance, makeTargetRequest } from './conformance.test-util.js';
import { createModuleTarget } from './module-target.js';
import type { ModuleTargetSpec } from './spec.js';
import { causeOf } from './target-error.js';
import { testContext } from './test-helpers.test-util.js';

const context = { ...testContext, baseDir: dirname(echoModulePath) };
const spec = (overrides: Partial<ModuleTargetSpec> = {}): ModuleTargetSpec => ({
  kind: 'module',
  path: 'echo-module.mjs',
  exportName: 'default',
  ...overrides,
});

describeTargetConformance('module', async () => ({
  target: createModuleTarget(spec(), context),
  unreachable: createModuleTarget(spec({ path: 'missing-agent.mjs' }), context),
}));

describe('module target', () => {
  it('calls sync functions and extracts text from returned objects', async () => {
    const sync = createModuleTarget(spec({ exportName: 'sync' }), context);
    expect((await sync.send(makeTargetRequest('x'))).text).toBe('sync:x');
    const structured = createModuleTarget(spec({ exportName: 'structured' }), context);
    const response = await structured.send(makeTargetRequest('y'));
    expect(response.text).toBe('y');
    expect(response.body).toEqual({ answer: 'y', confidence: 0.9 });
    expect(structured.supportsWire).toBe(false);
  });

  it('times out a function that never returns', async () => {
    const target = createModuleTarget(spec({ exportName: 'never' }), context);
    const error = await target.send(makeTargetRequest('x', { timeoutMs: 80 })).catch((e: unknown) => e);
    expect(causeOf(error)).toBe('timeout');
  });

  it('records a throwing function as cause target_error', async () => {
    const target = createModuleTarget(spec({ exportName: 'broken' }), context);
    const error = await target.send(makeTargetRequest('x')).catch((e: unknown) => e);
    expect(causeOf(error)).toBe('target_error');
    expect((error as Error).message).toContain('agent exploded');
  });

  it('fails preflight when the export is not a function', async () => {
    const target = createModuleTarget(spec({ exportName: 'notAFunction' }), context);
    const error = await target.preflight(new AbortController().signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlakestormError);
    expect((error as FlakestormError).code).toBe('FLAKESTORM_TARGET_UNREACHABLE');
  });

  it('calls the reset export', async () => {
    const target = createModuleTarget(spec({ resetExport: 'reset' }), context);
    await target.reset!(new AbortController().signal);
    const stats = createModuleTarget(spec({ exportName: 'stats' }), context);
    expect((await stats.send(makeTargetRequest('x'))).body).toMatchObject({ resets: 1 });
  });

  it('explains how to load a TypeScript module when tsx is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flakestorm-ts-'));
    writeFileSync(join(dir, 'agent.ts'), 'export default (p: string) => p;\n');
    const target = createModuleTarget(spec({ path: 'agent.ts' }), { ...context, baseDir: dir });
    const error = await target.preflight(new AbortController().signal).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/agent\.ts/);
    expect((error as FlakestormError).hint ?? '').toMatch(/npm i -D tsx|Compile/);
  });
});
