import type { RunPlan } from '@flakestorm/core';
import { describe, expect, it } from 'vitest';
import { applyOverrides } from './run-session.js';

const plan = {
  settings: {
    concurrency: 8,
    retries: 2,
    retryBaseMs: 100,
    timeoutMs: 1000,
    repeat: 1,
    seed: 42,
    baseline: true,
  },
} as unknown as RunPlan;

describe('command-line overrides', () => {
  it('replace the config settings they name and keep the others', () => {
    const next = applyOverrides(plan, {
      seed: 7,
      concurrency: 2,
      repeat: 3,
      minScore: 0.9,
      store: true,
      quiet: false,
      ci: false,
    });
    expect(next.settings).toMatchObject({
      seed: 7,
      concurrency: 2,
      repeat: 3,
      minScore: 0.9,
      retries: 2,
      timeoutMs: 1000,
    });
    expect(plan.settings.seed).toBe(42);
  });

  it('change nothing when none is given', () => {
    expect(applyOverrides(plan, { store: true, quiet: false, ci: false }).settings).toEqual(plan.settings);
  });
});
