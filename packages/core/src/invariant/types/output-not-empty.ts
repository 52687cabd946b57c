import { defineInvariant } from '../invariant.js';

/** Whitespace plus invisible characters a model may emit instead of an answer. */
const blank = /^[\s\u200b-\u200d\u2060\ufeff\u00ad]*$/;

/** `output_not_empty`: the answer has visible content. */
export const outputNotEmptyInvariant = defineInvariant({
  type: 'output_not_empty',
  description: 'The response has visible content (not empty, whitespace or zero-width characters only).',
  example: {},
  validate: () => [],
  create() {
    return (observation) =>
      blank.test(observation.response)
        ? {
            passed: false,
            reason:
              observation.response.length === 0
                ? 'Response is empty.'
                : `Response has only whitespace or invisible characters (${observation.response.length} chars).`,
          }
        : { passed: true, reason: `Response has content (${observation.response.length} chars).` };
  },
});
