import { quoteExcerpt, quoteValue } from '../excerpt.js';
import { defineInvariant } from '../invariant.js';
import { numberParam, ParamProblems, stringParam } from '../params.js';
import {
  createSimilarityMeasure,
  formatScore,
  similarityContextProblems,
  similarityMethods,
} from '../similarity-measure.js';

/**
 * `similarity {expected, threshold: 0.8, method: lexical|embedding}`: the answer is close to an
 * expected one. Lexical by default (offline; see lexicalSimilarity), which scores paraphrases lower
 * than Python Flakestorm's embedding cosine did: lower the threshold or plug in an Embedder.
 * Without `expected`, the golden prompt's expected answer (`case.meta.expected`) is used.
 */
export const similarityInvariant = defineInvariant({
  type: 'similarity',
  description: 'The response is similar to an expected answer (lexical by default, threshold 0.8).',
  example: { expected: 'Your flight has been booked.', threshold: 0.6 },
  validate(params) {
    const p = new ParamProblems(params);
    p.optionalString('expected');
    p.number('threshold', { min: 0, max: 1 });
    p.optionalString('method', similarityMethods);
    return p.problems;
  },
  async load(spec, context) {
    const problems = similarityContextProblems(spec.params, context);
    if (problems.length > 0) throw new Error(problems.join(' '));
    return similarityInvariant.create(spec, context);
  },
  create(spec, context) {
    const threshold = numberParam(spec.params, 'threshold') ?? 0.8;
    const configured = stringParam(spec.params, 'expected');
    const measure = createSimilarityMeasure(spec.params, context);
    return async (observation) => {
      const fromCase = observation.case.meta?.expected;
      const expected = configured ?? (typeof fromCase === 'string' ? fromCase : undefined);
      if (expected === undefined) {
        return {
          passed: false,
          reason:
            'No expected answer to compare with: set "expected" on the invariant or on the golden prompt.',
        };
      }
      const score = await measure(observation.response, expected);
      const details = { similarity: Math.round(score * 1000) / 1000, threshold };
      return score >= threshold
        ? {
            passed: true,
            reason: `Similarity ${formatScore(score)} ≥ ${threshold} to ${quoteValue(expected)}.`,
            details,
          }
        : {
            passed: false,
            reason: `Similarity ${formatScore(score)} < ${threshold}: expected something like ${quoteValue(expected)}, got ${quoteExcerpt(observation.response, context?.scanner)}.`,
            details,
          };
    };
  },
});
