import { quoteExcerpt, quoteValue } from '../excerpt.js';
import { defineInvariant } from '../invariant.js';
import { describeJsonError, followJsonPath, parseJsonPath } from '../json-path.js';
import { ParamProblems, stringListParam } from '../params.js';

/**
 * `valid_json {path?}`: the answer parses as JSON; with `path` (one path or a list), each must exist
 * and not be null, e.g. `path: $.booking.id`.
 */
export const validJsonInvariant = defineInvariant({
  type: 'valid_json',
  description: 'The response is valid JSON; optional `path` (or list of paths) must exist and be non-null.',
  example: { path: '$.booking.id' },
  validate(params) {
    const p = new ParamProblems(params);
    p.stringList('path', {});
    for (const path of stringListParam(params, 'path') ?? []) {
      if (!parseJsonPath(path))
        p.add(`"path" ${quoteValue(path)} is not a supported path (use $.a.b, a.b or $.items[0].id).`);
    }
    return p.problems;
  },
  create(spec, context) {
    const paths = (stringListParam(spec.params, 'path') ?? []).map((source) => ({
      source,
      segments: parseJsonPath(source) ?? [],
    }));
    return (observation) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(observation.response);
      } catch (error) {
        return {
          passed: false,
          reason: `Response is not valid JSON (${describeJsonError(observation.response, error)}). Response: ${quoteExcerpt(observation.response, context?.scanner)}.`,
        };
      }
      const missing = paths.filter((p) => {
        const got = followJsonPath(parsed, p.segments);
        return !got.found || got.value === null;
      });
      if (missing.length > 0) {
        return {
          passed: false,
          reason: `Response is valid JSON but lacks ${missing.map((m) => quoteValue(m.source)).join(', ')}.`,
          details: { missing: missing.map((m) => m.source) },
        };
      }
      return {
        passed: true,
        reason:
          paths.length > 0
            ? `Valid JSON with ${paths.map((p) => p.source).join(', ')}.`
            : 'Response is valid JSON.',
      };
    };
  },
});
