import { safeMessage } from '../excerpt.js';
import { defineInvariant } from '../invariant.js';

/**
 * `completes`: the call produced an answer, without timeout, connection failure, error status or
 * unusable body. Python Flakestorm always passed it; here the cause is named in the reason.
 */
export const completesInvariant = defineInvariant({
  type: 'completes',
  description: 'The agent answered: no timeout, connection failure, error status or invalid response.',
  example: {},
  acceptsErrors: true,
  validate: () => [],
  create(_spec, context) {
    return (observation) => {
      const error = observation.error;
      if (!error) return { passed: true, reason: `Completed in ${Math.round(observation.latencyMs)} ms.` };
      const status = error.status === undefined ? '' : ` (status ${error.status})`;
      const message = safeMessage(error.message, context?.scanner);
      return {
        passed: false,
        reason: `Did not complete: ${error.cause}${status}: ${message}`,
        details: { cause: error.cause, ...(error.status === undefined ? {} : { status: error.status }) },
      };
    };
  },
});
