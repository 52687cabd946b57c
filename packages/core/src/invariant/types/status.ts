import type { JsonObject, JsonValue } from '../../json.js';
import { defineInvariant } from '../invariant.js';
import { param } from '../params.js';

type StatusRule = { exact: number } | { klass: number };

/** Reads `expected`: a status, a list of them, or class strings such as "2xx". */
function readRules(value: JsonValue | undefined): StatusRule[] | string {
  const items = Array.isArray(value) ? value : [value];
  if (value === undefined || items.length === 0)
    return '"expected" is required (a status, a list, or "2xx").';
  const rules: StatusRule[] = [];
  for (const item of items) {
    if (typeof item === 'number' && Number.isInteger(item) && item >= 100 && item <= 599)
      rules.push({ exact: item });
    else if (typeof item === 'string' && /^[1-5]xx$/i.test(item)) rules.push({ klass: Number(item[0]) });
    else if (typeof item === 'string' && /^[1-5]\d\d$/.test(item)) rules.push({ exact: Number(item) });
    else return `"expected" has ${JSON.stringify(item)}; use HTTP statuses 100-599 or classes like "2xx".`;
  }
  return rules;
}

function describe(rules: StatusRule[]): string {
  return rules.map((r) => ('exact' in r ? String(r.exact) : `${r.klass}xx`)).join(' or ');
}

/** `status {expected}`: the HTTP status is one of the expected ones (also checked on failed calls). */
export const statusInvariant = defineInvariant({
  type: 'status',
  description: 'The HTTP status is the expected one (a number, a list, or a class such as "2xx").',
  example: { expected: [200, 201] },
  acceptsErrors: true,
  validate(params: JsonObject) {
    const rules = readRules(param(params, 'expected'));
    return typeof rules === 'string' ? [rules] : [];
  },
  create(spec) {
    const read = readRules(param(spec.params, 'expected'));
    const rules = typeof read === 'string' ? [] : read;
    return (observation) => {
      const status = observation.status ?? observation.error?.status;
      if (status === undefined) {
        const why = observation.error ? ` (${observation.error.cause})` : ' (the target is not HTTP)';
        return { passed: false, reason: `Expected status ${describe(rules)}; no status was received${why}.` };
      }
      const ok = rules.some((r) =>
        'exact' in r ? r.exact === status : Math.floor(status / 100) === r.klass,
      );
      return {
        passed: ok,
        reason: ok ? `Status ${status} as expected.` : `Expected status ${describe(rules)}; got ${status}.`,
        details: { status },
      };
    };
  },
});
