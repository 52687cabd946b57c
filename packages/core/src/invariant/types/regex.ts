import type { JsonObject } from '../../json.js';
import { quoteExcerpt, quoteValue } from '../excerpt.js';
import { defineInvariant } from '../invariant.js';
import { ParamProblems, stringListParam, stringParam } from '../params.js';
import { compileRegex } from '../regex-compile.js';

function compileOrThrow(pattern: string, flags: string | undefined): RegExp {
  const compiled = compileRegex(pattern, flags);
  // validate() has already reported bad patterns at config time, so this only guards direct use.
  if (!compiled.ok) throw new Error(compiled.problem);
  return compiled.regex;
}

/** `regex {pattern, flags?}`: the answer matches a regular expression somewhere. */
export const regexInvariant = defineInvariant({
  type: 'regex',
  description:
    'The response matches a regular expression (searched anywhere; anchor with ^ and $ for a full match).',
  example: { pattern: '^\\{.*\\}$', flags: 's' },
  validate(params) {
    const p = new ParamProblems(params);
    p.requireString('pattern');
    p.optionalString('flags');
    const pattern = stringParam(params, 'pattern');
    if (pattern) {
      const compiled = compileRegex(pattern, stringParam(params, 'flags'));
      if (!compiled.ok) p.add(`"pattern": ${compiled.problem}.`);
    }
    return p.problems;
  },
  create(spec, context) {
    const pattern = stringParam(spec.params, 'pattern') ?? '';
    const regex = compileOrThrow(pattern, stringParam(spec.params, 'flags'));
    return (observation) => {
      const match = regex.exec(observation.response);
      return match
        ? {
            passed: true,
            reason: `Response matches /${quoteValue(pattern).slice(1, -1)}/ at char ${match.index}.`,
            details: { at: match.index },
          }
        : {
            passed: false,
            reason: `Expected the response to match /${quoteValue(pattern).slice(1, -1)}/; it does not. Response: ${quoteExcerpt(observation.response, context?.scanner)}.`,
          };
    };
  },
});

function validatePatterns(params: JsonObject): string[] {
  const p = new ParamProblems(params);
  p.stringList('patterns', { required: true });
  p.optionalString('flags');
  const flags = stringParam(params, 'flags');
  (stringListParam(params, 'patterns') ?? []).forEach((pattern, i) => {
    const compiled = compileRegex(pattern, flags);
    if (!compiled.ok) p.add(`"patterns[${i}]": ${compiled.problem}.`);
  });
  return p.problems;
}

/**
 * `excludes_pattern {patterns, flags?}`: no pattern matches. Python Flakestorm documented these as
 * regexes but matched substrings; here they are real regexes, and a bad one is a config error.
 * The reason gives the pattern and the position, never the matched text (it may be sensitive).
 */
export const excludesPatternInvariant = defineInvariant({
  type: 'excludes_pattern',
  description: 'The response matches none of the given regular expressions.',
  example: { patterns: ['(?i)system prompt', 'BEGIN (RSA )?PRIVATE KEY'] },
  validate: validatePatterns,
  create(spec) {
    const flags = stringParam(spec.params, 'flags');
    const patterns = (stringListParam(spec.params, 'patterns') ?? []).map((source) => ({
      source,
      regex: compileOrThrow(source, flags),
    }));
    return (observation) => {
      const hits: JsonObject[] = [];
      for (const { source, regex } of patterns) {
        const match = regex.exec(observation.response);
        if (match) hits.push({ pattern: source, at: match.index, length: match[0].length });
      }
      if (hits.length === 0) {
        return {
          passed: true,
          reason: `Response matches none of the ${patterns.length} excluded pattern(s).`,
        };
      }
      const listed = hits
        .slice(0, 3)
        .map((h) => `/${quoteValue(String(h.pattern), 40).slice(1, -1)}/ at char ${String(h.at)}`)
        .join('; ');
      return {
        passed: false,
        reason: `Response matches ${hits.length} excluded pattern(s): ${listed}${hits.length > 3 ? '; …' : ''}.`,
        details: { matches: hits },
      };
    };
  },
});
