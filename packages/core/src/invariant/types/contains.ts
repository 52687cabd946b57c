import type { JsonObject } from '../../json.js';
import { quoteExcerpt, quoteValue } from '../excerpt.js';
import { defineInvariant } from '../invariant.js';
import { booleanParam, ParamProblems, stringListParam, stringParam } from '../params.js';

/** Finds `needle` in `haystack`, case-insensitively unless asked otherwise; -1 when absent. */
function findText(haystack: string, needle: string, caseSensitive: boolean): number {
  return caseSensitive ? haystack.indexOf(needle) : haystack.toLowerCase().indexOf(needle.toLowerCase());
}

function validateValue(params: JsonObject): string[] {
  const p = new ParamProblems(params);
  p.requireString('value');
  p.optionalBoolean('case_sensitive');
  return p.problems;
}

/** `contains {value, case_sensitive?}`: the answer includes a text (case-insensitive by default). */
export const containsInvariant = defineInvariant({
  type: 'contains',
  description: 'The response contains a given text (case-insensitive unless case_sensitive: true).',
  example: { value: 'confirmation' },
  validate: validateValue,
  create(spec, context) {
    const value = stringParam(spec.params, 'value') ?? '';
    const caseSensitive = booleanParam(spec.params, 'case_sensitive', false);
    return (observation) => {
      const at = findText(observation.response, value, caseSensitive);
      return at >= 0
        ? { passed: true, reason: `Response contains ${quoteValue(value)} (at char ${at}).`, details: { at } }
        : {
            passed: false,
            reason: `Expected the response to contain ${quoteValue(value)}; it does not. Response: ${quoteExcerpt(observation.response, context?.scanner)}.`,
          };
    };
  },
});

/** `not_contains {value, case_sensitive?}`: the answer never includes a text. */
export const notContainsInvariant = defineInvariant({
  type: 'not_contains',
  description: 'The response does not contain a given text (case-insensitive unless case_sensitive: true).',
  example: { value: 'internal error' },
  validate: validateValue,
  create(spec) {
    const value = stringParam(spec.params, 'value') ?? '';
    const caseSensitive = booleanParam(spec.params, 'case_sensitive', false);
    return (observation) => {
      const at = findText(observation.response, value, caseSensitive);
      return at < 0
        ? { passed: true, reason: `Response does not contain ${quoteValue(value)}.` }
        : {
            passed: false,
            reason: `Expected the response not to contain ${quoteValue(value)}; found it at char ${at}.`,
            details: { at },
          };
    };
  },
});

/** `contains_any {values, case_sensitive?}`: the answer includes at least one of several texts. */
export const containsAnyInvariant = defineInvariant({
  type: 'contains_any',
  description: 'The response contains at least one of the given texts (case-insensitive by default).',
  example: { values: ['booked', 'confirmed', 'reserved'] },
  validate(params) {
    const p = new ParamProblems(params);
    p.stringList('values', { required: true });
    if ((stringListParam(params, 'values') ?? []).some((v) => v === ''))
      p.add('"values" must not hold empty strings.');
    p.optionalBoolean('case_sensitive');
    return p.problems;
  },
  create(spec, context) {
    const values = stringListParam(spec.params, 'values') ?? [];
    const caseSensitive = booleanParam(spec.params, 'case_sensitive', false);
    return (observation) => {
      for (const value of values) {
        const at = findText(observation.response, value, caseSensitive);
        if (at >= 0) {
          return {
            passed: true,
            reason: `Response contains ${quoteValue(value)} (at char ${at}).`,
            details: { matched: value, at },
          };
        }
      }
      const list = values.map((v) => quoteValue(v, 30)).join(', ');
      return {
        passed: false,
        reason: `Expected the response to contain one of ${list}; it contains none. Response: ${quoteExcerpt(observation.response, context?.scanner)}.`,
      };
    };
  },
});
