import { defineInvariant } from '../invariant.js';
import { numberParam, ParamProblems } from '../params.js';

/** `latency {max_ms}`: the answer came within a time budget (a timed-out call fails it too). */
export const latencyInvariant = defineInvariant({
  type: 'latency',
  description: 'The call took at most max_ms milliseconds.',
  example: { max_ms: 2000 },
  acceptsErrors: true,
  validate(params) {
    const p = new ParamProblems(params);
    p.number('max_ms', { required: true, min: 1 });
    return p.problems;
  },
  create(spec) {
    const maxMs = numberParam(spec.params, 'max_ms') ?? 0;
    return (observation) => {
      const took = Math.round(observation.latencyMs);
      const timedOut = observation.error?.cause === 'timeout';
      if (took <= maxMs && !timedOut) {
        return { passed: true, reason: `Took ${took} ms (limit ${maxMs} ms).`, details: { latencyMs: took } };
      }
      return {
        passed: false,
        reason: timedOut
          ? `Timed out after ${took} ms (limit ${maxMs} ms).`
          : `Took ${took} ms; the limit is ${maxMs} ms (${took - maxMs} ms over).`,
        details: { latencyMs: took },
      };
    };
  },
});
