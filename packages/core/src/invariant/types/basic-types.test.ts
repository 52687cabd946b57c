import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../json.js';
import type { InvariantType, Verdict } from '../invariant.js';
import { makeObservation, makeSpec } from '../observation.test-util.js';
import { completesInvariant } from './completes.js';
import { containsAnyInvariant, containsInvariant, notContainsInvariant } from './contains.js';
import { jsonSchemaInvariant } from './json-schema.js';
import { latencyInvariant } from './latency.js';
import { maxLengthInvariant } from './max-length.js';
import { outputNotEmptyInvariant } from './output-not-empty.js';
import { excludesPatternInvariant, regexInvariant } from './regex.js';
import { statusInvariant } from './status.js';
import { validJsonInvariant } from './valid-json.js';

type ObservationInput = Parameters<typeof makeObservation>[0];

async function judge(
  type: InvariantType,
  params: JsonObject,
  observation: ObservationInput,
): Promise<Verdict> {
  expect(type.validate(params)).toEqual([]);
  return type.create(makeSpec(type.type, params))(makeObservation(observation));
}

describe('contains / not_contains / contains_any', () => {
  it('contains is case-insensitive by default and can be strict', async () => {
    expect((await judge(containsInvariant, { value: 'TOKYO' }, {})).passed).toBe(true);
    const strict = await judge(containsInvariant, { value: 'TOKYO', case_sensitive: true }, {});
    expect(strict.passed).toBe(false);
    expect(strict.reason).toContain('"TOKYO"');
    expect(strict.reason).toContain('Your flight to Tokyo is booked.');
  });

  it('not_contains fails with the position', async () => {
    expect((await judge(notContainsInvariant, { value: 'refund' }, {})).passed).toBe(true);
    const v = await judge(notContainsInvariant, { value: 'tokyo' }, {});
    expect(v.passed).toBe(false);
    expect(v.reason).toMatch(/at char 15/);
  });

  it('contains_any passes on any value and lists them when none match', async () => {
    expect((await judge(containsAnyInvariant, { values: ['cancelled', 'booked'] }, {})).passed).toBe(true);
    const v = await judge(containsAnyInvariant, { values: ['cancelled', 'refunded'] }, {});
    expect(v.passed).toBe(false);
    expect(v.reason).toContain('"cancelled", "refunded"');
  });

  it('accepts camelCase twins of snake_case params', async () => {
    expect((await judge(containsInvariant, { value: 'TOKYO', caseSensitive: true }, {})).passed).toBe(false);
  });

  it('reports bad params', () => {
    expect(containsInvariant.validate({})).toEqual(['"value" is required (a non-empty string).']);
    expect(containsInvariant.validate({ value: 3 })[0]).toMatch(/non-empty string/);
    expect(containsAnyInvariant.validate({ values: [] })[0]).toMatch(/must not be empty/);
    expect(containsAnyInvariant.validate({ values: ['a', 2] })[0]).toMatch(/list of strings/);
  });

  it('never quotes more than a short excerpt of a huge answer', async () => {
    const v = await judge(containsInvariant, { value: 'needle' }, { response: 'x'.repeat(1_000_000) });
    expect(v.passed).toBe(false);
    expect(v.reason.length).toBeLessThan(300);
    expect(v.reason).toContain('1000000 chars in all');
  });
});

describe('regex / excludes_pattern', () => {
  it('regex searches and honours flags, including Python inline flags', async () => {
    expect((await judge(regexInvariant, { pattern: 'tokyo', flags: 'i' }, {})).passed).toBe(true);
    expect((await judge(regexInvariant, { pattern: '(?i)^your flight' }, {})).passed).toBe(true);
    expect((await judge(regexInvariant, { pattern: '(?P<city>Tokyo)' }, {})).passed).toBe(true);
    const v = await judge(regexInvariant, { pattern: '^\\{.*\\}$' }, {});
    expect(v.passed).toBe(false);
    expect(v.reason).toContain('Expected the response to match');
  });

  it('excludes_pattern uses real regexes and reports the position, not the text', async () => {
    expect((await judge(excludesPatternInvariant, { patterns: ['\\d{3}-\\d{2}-\\d{4}'] }, {})).passed).toBe(
      true,
    );
    const v = await judge(
      excludesPatternInvariant,
      { patterns: ['\\d{3}-\\d{2}-\\d{4}', 'nothing'] },
      { response: 'SSN 123-45-6789' },
    );
    expect(v.passed).toBe(false);
    expect(v.reason).toContain('at char 4');
    expect(v.reason).not.toContain('123-45-6789');
  });

  it('an invalid regex is a validation problem', () => {
    expect(regexInvariant.validate({ pattern: '(unclosed' })[0]).toMatch(/invalid regex/);
    expect(regexInvariant.validate({ pattern: 'a', flags: 'q' })[0]).toMatch(/unknown regex flag/);
    expect(excludesPatternInvariant.validate({ patterns: ['ok', '[z-a]'] })[0]).toMatch(/patterns\[1\]/);
    expect(excludesPatternInvariant.validate({})[0]).toMatch(/required/);
  });
});

describe('latency / status / max_length / output_not_empty / completes', () => {
  it('latency', async () => {
    expect((await judge(latencyInvariant, { max_ms: 2000 }, { latencyMs: 1500 })).passed).toBe(true);
    const v = await judge(latencyInvariant, { max_ms: 2000 }, { latencyMs: 2350 });
    expect(v.passed).toBe(false);
    expect(v.reason).toBe('Took 2350 ms; the limit is 2000 ms (350 ms over).');
    const timedOut = await judge(
      latencyInvariant,
      { max_ms: 2000 },
      { latencyMs: 1000, error: { cause: 'timeout', message: 't' } },
    );
    expect(timedOut.passed).toBe(false);
    expect(latencyInvariant.validate({ max_ms: 'fast' })[0]).toMatch(/must be a number/);
    expect(latencyInvariant.validate({})[0]).toMatch(/required/);
  });

  it('status accepts numbers, lists and classes', async () => {
    expect((await judge(statusInvariant, { expected: 200 }, {})).passed).toBe(true);
    expect((await judge(statusInvariant, { expected: [400, 422] }, { status: 422 })).passed).toBe(true);
    expect((await judge(statusInvariant, { expected: '2xx' }, { status: 204 })).passed).toBe(true);
    const v = await judge(statusInvariant, { expected: ['2xx', 304] }, { status: 500 });
    expect(v).toMatchObject({ passed: false, reason: 'Expected status 2xx or 304; got 500.' });
    const none = await judge(statusInvariant, { expected: 200 }, { status: undefined as unknown as number });
    expect(none.passed).toBe(false);
    expect(statusInvariant.validate({ expected: 99 })[0]).toMatch(/100-599/);
    expect(statusInvariant.validate({})[0]).toMatch(/required/);
  });

  it('max_length counts code points', async () => {
    expect((await judge(maxLengthInvariant, { chars: 3 }, { response: '😀😀😀' })).passed).toBe(true);
    const v = await judge(maxLengthInvariant, { chars: 10 }, { response: 'x'.repeat(25) });
    expect(v.reason).toBe('Response is 25 chars; the limit is 10 (15 over).');
    expect(maxLengthInvariant.validate({ chars: -1 })[0]).toMatch(/at least 0/);
  });

  it('output_not_empty treats invisible characters as empty', async () => {
    expect((await judge(outputNotEmptyInvariant, {}, {})).passed).toBe(true);
    expect((await judge(outputNotEmptyInvariant, {}, { response: '' })).reason).toBe('Response is empty.');
    expect((await judge(outputNotEmptyInvariant, {}, { response: ' \n\u200b ' })).passed).toBe(false);
  });

  it('completes fails on errors with the cause', async () => {
    expect((await judge(completesInvariant, {}, {})).passed).toBe(true);
    const v = await judge(
      completesInvariant,
      {},
      { error: { cause: 'http_status', status: 503, message: 'Service Unavailable' } },
    );
    expect(v).toMatchObject({
      passed: false,
      reason: 'Did not complete: http_status (status 503): Service Unavailable',
    });
    const t = await judge(
      completesInvariant,
      {},
      { error: { cause: 'timeout', message: 'no answer after 30000 ms' } },
    );
    expect(t.reason).toContain('timeout');
  });
});

describe('valid_json / json_schema', () => {
  const booking = JSON.stringify({ booking: { id: 'B1', seats: [{ n: '14C' }] }, note: null });

  it('valid_json parses and checks paths', async () => {
    expect((await judge(validJsonInvariant, {}, { response: booking })).passed).toBe(true);
    expect((await judge(validJsonInvariant, { path: '$.booking.id' }, { response: booking })).passed).toBe(
      true,
    );
    expect(
      (
        await judge(
          validJsonInvariant,
          { path: ['booking.seats.0.n', '$.booking.seats[0].n'] },
          { response: booking },
        )
      ).passed,
    ).toBe(true);
    const missing = await judge(
      validJsonInvariant,
      { path: ['$.booking.price', '$.note'] },
      { response: booking },
    );
    expect(missing.passed).toBe(false);
    expect(missing.reason).toContain('"$.booking.price", "$.note"');
    const bad = await judge(validJsonInvariant, {}, { response: '{"a": 1,}' });
    expect(bad.passed).toBe(false);
    expect(bad.reason).toMatch(/not valid JSON .*line 1/);
    expect(validJsonInvariant.validate({ path: '$..*' })[0]).toMatch(/not a supported path/);
  });

  it('json_schema validates with formats and explains violations', async () => {
    const schema = {
      type: 'object',
      required: ['status', 'email'],
      properties: { status: { enum: ['booked', 'failed'] }, email: { type: 'string', format: 'email' } },
    };
    expect(
      (await judge(jsonSchemaInvariant, { schema }, { response: '{"status":"booked","email":"a@b.co"}' }))
        .passed,
    ).toBe(true);
    const v = await judge(jsonSchemaInvariant, { schema }, { response: '{"status":"maybe","email":"nope"}' });
    expect(v.passed).toBe(false);
    expect(v.reason).toContain('/status must be equal to one of the allowed values');
    expect(v.reason).toContain('/email must match format "email"');
    expect((await judge(jsonSchemaInvariant, { schema }, { response: 'not json' })).reason).toMatch(
      /not JSON/,
    );
  });

  it('json_schema reports an invalid schema at validation', () => {
    expect(jsonSchemaInvariant.validate({})[0]).toMatch(/required/);
    expect(jsonSchemaInvariant.validate({ schema: { type: 'nonsense' } })[0]).toMatch(
      /not a valid JSON Schema/,
    );
  });

  it('json_schema rejects schema patterns that backtrack catastrophically, at any depth', () => {
    const nested = { type: 'object', properties: { a: { type: 'string', pattern: '^(a+)+$' } } };
    expect(jsonSchemaInvariant.validate({ schema: nested })[0]).toMatch(
      /unsafe or invalid pattern.*backtrack/,
    );
    const keys = { type: 'object', patternProperties: { '(x|x)*y': { type: 'string' } } };
    expect(jsonSchemaInvariant.validate({ schema: keys })[0]).toMatch(/backtrack/);
    expect(jsonSchemaInvariant.validate({ schema: { type: 'string', pattern: '^[A-Z]{3}-\\d+$' } })).toEqual(
      [],
    );
  });
});

describe('regex safety', () => {
  it('rejects patterns that backtrack catastrophically on crafted answers', () => {
    expect(regexInvariant.validate({ pattern: '^(a+)+$' })[0]).toMatch(/backtrack catastrophically/);
    expect(excludesPatternInvariant.validate({ patterns: ['(\\w+\\s?)+$'] })[0]).toMatch(/backtrack/);
    expect(regexInvariant.validate({ pattern: '^\\{.*\\}$' })).toEqual([]);
  });
});
