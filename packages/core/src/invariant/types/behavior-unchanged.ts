import type { Mutator } from '../../mutation/mutator.js';
import { quoteExcerpt } from '../excerpt.js';
import { defineInvariant } from '../invariant.js';
import { booleanParam, numberParam, ParamProblems, param, stringParam } from '../params.js';
import {
  createSimilarityMeasure,
  formatScore,
  similarityContextProblems,
  similarityMethods,
} from '../similarity-measure.js';

/**
 * `behavior_unchanged {baseline: auto|<text>, similarity_threshold: 0.75}`: a mutated prompt gets
 * an answer like the unmutated one. With `auto` the baseline is the golden prompt's own answer.
 *
 * It applies only where the same behaviour is expected: not to the golden call itself and, unless
 * `only_meaning_preserving: false`, not to mutation types that change the meaning (attacks), which
 * the mutator registry says via `preservesMeaning`. When `auto` has no baseline (the baseline call
 * is disabled or failed) the check FAILS with that reason rather than passing silently: a contract
 * that cannot be checked must not raise the robustness score.
 */
export const behaviorUnchangedInvariant = defineInvariant({
  type: 'behavior_unchanged',
  description: "The response stays close to the golden prompt's own answer (or a given baseline).",
  example: { baseline: 'auto', similarity_threshold: 0.75 },
  validate(params) {
    const p = new ParamProblems(params);
    const baseline = param(params, 'baseline');
    if (baseline !== undefined && (typeof baseline !== 'string' || baseline === '')) {
      p.add('"baseline" must be "auto" or the baseline answer text.');
    }
    p.number('similarity_threshold', { min: 0, max: 1 });
    p.optionalString('method', similarityMethods);
    p.optionalBoolean('only_meaning_preserving');
    return p.problems;
  },
  async load(spec, context) {
    const problems = similarityContextProblems(spec.params, context);
    if (problems.length > 0) throw new Error(problems.join(' '));
    return behaviorUnchangedInvariant.create(spec, context);
  },
  applies(spec, observation, context) {
    const type = observation.case.mutationType;
    if (type === 'golden') return false;
    if (!booleanParam(spec.params, 'only_meaning_preserving', true) || !context.registry) return true;
    const mutators = context.registry.mutators;
    const layers = type.split('+').map((t) => mutators.get(t));
    // Unknown types (plugins not loaded here) are given the benefit of the doubt.
    return layers.every((m: Mutator | undefined) => m === undefined || m.preservesMeaning);
  },
  create(spec, context) {
    const configured = stringParam(spec.params, 'baseline') ?? 'auto';
    const threshold = numberParam(spec.params, 'similarity_threshold') ?? 0.75;
    const measure = createSimilarityMeasure(spec.params, context);
    return async (observation) => {
      const baseline = configured === 'auto' ? observation.goldenResponse : configured;
      if (baseline === undefined) {
        return {
          passed: false,
          reason:
            'No baseline to compare with: the golden prompt has no recorded answer (baseline call disabled or failed). Enable the baseline call or set "baseline" to the expected text.',
        };
      }
      const score = await measure(observation.response, baseline);
      const details = { similarity: Math.round(score * 1000) / 1000, threshold };
      const scanner = context?.scanner;
      return score >= threshold
        ? {
            passed: true,
            reason: `Behaviour unchanged: similarity ${formatScore(score)} ≥ ${threshold} to the baseline.`,
            details,
          }
        : {
            passed: false,
            reason: `Behaviour changed: similarity ${formatScore(score)} < ${threshold}. Baseline ${quoteExcerpt(baseline, scanner, 60)}, got ${quoteExcerpt(observation.response, scanner, 60)}.`,
            details,
          };
    };
  },
});
