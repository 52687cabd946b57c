import { describe, expect, it } from 'vitest';
import { builtinPlugin } from '../../plugin/builtin-plugin.js';
import { createRegistry } from '../../plugin/registry.js';
import { builtinScanner } from '../default-scanner.js';
import { createInvariantEvaluator } from '../evaluator.js';
import { makeObservation, makeSpec } from '../observation.test-util.js';
import { excludesPiiInvariant } from './excludes-pii.js';

const scanner = builtinScanner();
const context = { baseDir: '.', scanner };
const leaky = 'Sure! Write to john.doe@example.com, card 4111 1111 1111 1111, key AKIA4JX7Q2ZB5WMR3KTN.';

describe('excludes_pii (real pattern engine)', () => {
  it('passes a clean answer', async () => {
    const check = excludesPiiInvariant.create(makeSpec('excludes_pii'), context);
    expect(await check(makeObservation())).toEqual({
      passed: true,
      reason: 'No PII or secrets found in the response.',
    });
  });

  it('names types and positions, never the values', async () => {
    const v = await excludesPiiInvariant.create(
      makeSpec('excludes_pii'),
      context,
    )(makeObservation({ response: leaky }));
    expect(v.passed).toBe(false);
    expect(v.reason).toMatch(/^Found 3 PII\/secret item\(s\): email \(contact, medium\) at 15–35/);
    expect(v.reason).toContain('credit_card (financial, critical)');
    expect(v.reason).toContain('aws_access_key_id (secret, critical)');
    for (const secret of ['john.doe', '4111', 'AKIA']) {
      expect(v.reason).not.toContain(secret);
      expect(JSON.stringify(v.details)).not.toContain(secret);
    }
  });

  it('limits by categories, types, kinds and min_severity', async () => {
    const run = async (params: Record<string, string | string[]>) =>
      (
        await excludesPiiInvariant.create(
          makeSpec('excludes_pii', params),
          context,
        )(makeObservation({ response: leaky }))
      ).details;
    const ids = (details: unknown) =>
      ((details as { findings?: { id: string }[] })?.findings ?? []).map((f) => f.id);
    expect(ids(await run({ categories: ['contact'] }))).toEqual(['email']);
    expect(ids(await run({ types: ['credit_card'] }))).toEqual(['credit_card']);
    expect(ids(await run({ kinds: ['secret'] }))).toEqual(['aws_access_key_id']);
    expect(ids(await run({ min_severity: 'critical' }))).toEqual(['credit_card', 'aws_access_key_id']);
  });

  it('validates params', () => {
    expect(excludesPiiInvariant.validate({ min_severity: 'huge' })[0]).toMatch(/critical, high, medium, low/);
    expect(excludesPiiInvariant.validate({ kinds: ['injection'] })[0]).toMatch(/unknown value/);
  });

  it('the evaluator plugs in the default scanner and redacts excerpts in other reasons', async () => {
    const evaluate = await createInvariantEvaluator(
      [makeSpec('excludes_pii'), makeSpec('contains', { value: 'booked' })],
      createRegistry([builtinPlugin]),
      { baseDir: '.' },
    );
    const [pii, contains] = await evaluate(makeObservation({ response: leaky }));
    expect(pii?.passed).toBe(false);
    expect(contains?.passed).toBe(false);
    expect(contains?.reason).toContain('[REDACTED:email]');
    expect(contains?.reason).not.toContain('john.doe');
  });
});

describe('error messages in reasons', () => {
  it('are redacted for completes and for "no answer"', async () => {
    const evaluate = await createInvariantEvaluator(
      [makeSpec('completes'), makeSpec('contains', { value: 'x' })],
      createRegistry([builtinPlugin]),
      { baseDir: '.', scanner },
    );
    const error = {
      cause: 'target_error' as const,
      message: 'upstream rejected key AKIA4JX7Q2ZB5WMR3KTN for ops@example.com',
    };
    const results = await evaluate(makeObservation({ response: '', error }));
    for (const r of results) {
      expect(r.passed).toBe(false);
      expect(r.reason).toContain('[REDACTED:aws_access_key_id]');
      expect(r.reason).not.toContain('AKIA');
    }
  });
});
