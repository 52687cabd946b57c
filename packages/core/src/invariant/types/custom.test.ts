import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeObservation, makeSpec } from '../observation.test-util.js';
import { customInvariant } from './custom.js';

const dir = mkdtempSync(join(tmpdir(), 'flakestorm-custom-'));
writeFileSync(
  join(dir, 'checks.mjs'),
  `export default (response) => !response.includes('refund');
export const withReason = (response, observation) => ({ passed: response.length < 50, reason: 'length ' + response.length + ' for ' + observation.case.mutationType });
export const asyncCheck = async (response) => response.startsWith('Your');
export const throws = () => { throw new Error('kaboom'); };
export const odd = () => 42;
export const notAFunction = 1;
`,
);
writeFileSync(join(dir, 'broken.mjs'), 'export default (;');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const load = (params: Record<string, string>) =>
  customInvariant.load?.(makeSpec('custom', params), { baseDir: dir });

describe('custom', () => {
  it('loads a function relative to baseDir and maps booleans', async () => {
    const check = await load({ module: './checks.mjs' });
    expect(await check?.(makeObservation())).toEqual({
      passed: true,
      reason: 'custom check default() returned true.',
    });
    expect((await check?.(makeObservation({ response: 'no refund' })))?.passed).toBe(false);
  });

  it('passes the observation and keeps the returned reason', async () => {
    const check = await load({ module: 'checks.mjs', export: 'withReason' });
    expect(await check?.(makeObservation())).toEqual({ passed: true, reason: 'length 31 for noise' });
    expect(
      (await (await load({ module: 'checks.mjs', export: 'asyncCheck' }))?.(makeObservation()))?.passed,
    ).toBe(true);
  });

  it('turns a throw or an odd return value into a failed check', async () => {
    expect(await (await load({ module: 'checks.mjs', export: 'throws' }))?.(makeObservation())).toEqual({
      passed: false,
      reason: 'custom check throws() threw: kaboom',
    });
    expect(
      (await (await load({ module: 'checks.mjs', export: 'odd' }))?.(makeObservation()))?.reason,
    ).toMatch(/returned 42; expected/);
  });

  it('reports missing files, bad exports and syntax errors at load', async () => {
    await expect(load({ module: 'nope.mjs' })).rejects.toThrow(/not found/);
    await expect(load({ module: 'checks.mjs', export: 'notAFunction' })).rejects.toThrow(
      /no function export "notAFunction"/,
    );
    await expect(load({ module: 'broken.mjs' })).rejects.toThrow(/failed to load/);
  });

  it('create() loads lazily on first use', async () => {
    const check = customInvariant.create(makeSpec('custom', { module: 'checks.mjs' }), { baseDir: dir });
    expect((await check(makeObservation())).passed).toBe(true);
    const missing = customInvariant.create(makeSpec('custom', { module: 'gone.mjs' }), { baseDir: dir });
    expect((await missing(makeObservation())).reason).toMatch(/not found/);
  });

  it('validates params', () => {
    expect(customInvariant.validate({})[0]).toMatch(/"module" is required/);
    expect(customInvariant.validate({ module: 'check.ts' })[0]).toMatch(/\.js, \.mjs or \.cjs/);
  });
});
