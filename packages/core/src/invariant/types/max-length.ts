import { defineInvariant } from '../invariant.js';
import { numberParam, ParamProblems } from '../params.js';

/** Counts Unicode code points, so an emoji counts as one character, as a person would count it. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** `max_length {chars}`: the answer is at most this many characters long. */
export const maxLengthInvariant = defineInvariant({
  type: 'max_length',
  description: 'The response is at most `chars` characters (Unicode code points) long.',
  example: { chars: 2000 },
  validate(params) {
    const p = new ParamProblems(params);
    p.number('chars', { required: true, min: 0, integer: true });
    return p.problems;
  },
  create(spec) {
    const limit = numberParam(spec.params, 'chars') ?? 0;
    return (observation) => {
      const length = codePoints(observation.response);
      return length <= limit
        ? { passed: true, reason: `Response is ${length} chars (limit ${limit}).`, details: { length } }
        : {
            passed: false,
            reason: `Response is ${length} chars; the limit is ${limit} (${length - limit} over).`,
            details: { length },
          };
    };
  },
});
