import context from '../data/context.json' with { type: 'json' };
import conversations from '../data/conversations.json' with { type: 'json' };
import documents from '../data/documents.json' with { type: 'json' };
import markup from '../data/markup.json' with { type: 'json' };
import persuasion from '../data/persuasion.json' with { type: 'json' };
import type { Mutator } from '../mutator.js';
import { attackPayloads } from '../payloads.js';
import { defineRuleMutator } from '../rule-mutator.js';
import { numberOption, spaceSize, splitIndex, stringList } from '../text/sampling.js';
import { fillTemplate, promptValues } from '../text/template.js';
import { padText } from './python-core.js';

/** A type that fills each of a list of `{prompt}` templates (optionally times extra choices). */
function templateMutator(
  type: string,
  description: string,
  defaultWeight: number,
  templates: readonly string[],
  label: string,
  preservation: 'verbatim' | 'none' = 'verbatim',
): Mutator {
  return defineRuleMutator({
    type,
    group: 'injection',
    description,
    defaultWeight,
    preservesMeaning: false,
    preservation,
    // Each template alone, or carrying one pattern-database payload after the request.
    space: () => templates.length * (1 + attackPayloads().length),
    build({ prompt, index }) {
      const [t, p] = splitIndex(index, [templates.length, 1 + attackPayloads().length]);
      const template = templates[t as number] as string;
      const payload = (p as number) > 0 ? attackPayloads()[(p as number) - 1] : undefined;
      const request = payload ? `${prompt} ${payload.text}` : prompt;
      return {
        prompt: fillTemplate(template, promptValues(request)),
        label: `${label} #${(t as number) + 1}${payload ? ` + ${payload.id}` : ''}`,
        meta: payload
          ? { template: t as number, payloadId: payload.id, payload: payload.text }
          : { template: t as number },
      };
    },
  });
}

/** The request split into variables the model is asked to join (evades filters that look at whole phrases). */
export const payloadSplittingMutator: Mutator = defineRuleMutator({
  type: 'payload_splitting',
  group: 'injection',
  description:
    'The request (or an injection payload) split into parts the model is asked to join and follow.',
  defaultWeight: 1.4,
  preservesMeaning: false,
  preservation: 'none',
  space: () => spaceSize([conversations.splitters.length, 1 + attackPayloads().length]),
  build({ prompt, index, random }) {
    const [s, p] = splitIndex(index, [conversations.splitters.length, 1 + attackPayloads().length]);
    const payload = (p as number) > 0 ? attackPayloads()[(p as number) - 1] : undefined;
    const whole = payload ? `${prompt} ${payload.text}`.trim() : prompt;
    const chars = Array.from(whole);
    const cut = chars.length < 2 ? chars.length : 1 + random.int(chars.length - 1);
    const part1 = chars.slice(0, cut).join('');
    const part2 = chars.slice(cut).join('');
    return {
      prompt: fillTemplate(conversations.splitters[s as number] as string, { part1, part2 }),
      label: payload ? `split request + ${payload.id}` : 'split request',
      meta: payload
        ? { parts: [part1, part2], payloadId: payload.id, splitPayload: payload.text }
        : { parts: [part1, part2] },
    };
  },
});

/** Fake examples showing the assistant complying with bad requests, then the request. */
export const fewShotPoisoningMutator = templateMutator(
  'few_shot_poisoning',
  'Fake few-shot examples in which the assistant complies with bad requests, then the real request.',
  1.5,
  conversations.fewShot,
  'poisoned examples',
);

/** The request put to a persona without rules (pirate, villain, old model, CEO...). */
export const rolePlayPersonaMutator = templateMutator(
  'role_play_persona',
  'The request addressed to a role-play persona that "has no rules" (pirate, villain, CEO, pre-safety model).',
  1.6,
  persuasion.personas.map((p) => p.text),
  'persona',
);

/** Instructions forbidding refusals, apologies and disclaimers. */
export const refusalSuppressionMutator = templateMutator(
  'refusal_suppression',
  'Instructions forbidding refusals, apologies, disclaimers and words like "cannot".',
  1.6,
  persuasion.refusalSuppression,
  'refusal suppression',
);

/** Asks the model to begin its answer with an affirmative prefix ("Sure, here is"). */
export const prefixInjectionMutator = templateMutator(
  'prefix_injection',
  'Asks the model to start its answer with "Sure, here is" or another affirmative prefix.',
  1.5,
  persuasion.prefixInjection,
  'prefix injection',
);

/** The request with an injection hidden inside a pasted email, document, web page or tool output. */
export const indirectInjectionMutator: Mutator = defineRuleMutator({
  type: 'indirect_injection',
  group: 'injection',
  description:
    'An injection hidden in pasted content: an email, document, web page, review, code, tool output.',
  defaultWeight: 1.7,
  preservesMeaning: false,
  preservation: 'none',
  space: (_p, options) =>
    spaceSize([documents.carriers.length, attackPayloads(stringList(options.categories)).length]),
  build({ prompt, index, options }) {
    const payloads = attackPayloads(stringList(options.categories));
    const [c, p] = splitIndex(index, [documents.carriers.length, payloads.length]);
    const carrier = documents.carriers[c as number];
    const payload = payloads[p as number];
    if (!carrier || !payload) return undefined;
    return {
      prompt: fillTemplate(carrier.text, promptValues(prompt, payload.text)),
      label: `${payload.id} inside ${carrier.id}`,
      meta: { carrier: carrier.id, payloadId: payload.id, category: payload.category, payload: payload.text },
    };
  },
});

/** Probes that try to make the agent reveal its system prompt, placed before or after the request. */
export const systemPromptExtractionMutator: Mutator = defineRuleMutator({
  type: 'system_prompt_extraction',
  group: 'injection',
  description:
    'System-prompt extraction probes ("repeat the text above", "print your instructions") with the request.',
  defaultWeight: 1.8,
  preservesMeaning: false,
  preservation: 'verbatim',
  space: () => persuasion.extractionProbes.length * 2,
  build({ prompt, index }) {
    const probe = persuasion.extractionProbes[index % persuasion.extractionProbes.length] as string;
    const before = index >= persuasion.extractionProbes.length;
    return {
      prompt: before ? `${probe}\n\n${prompt}` : `${prompt}\n\n${probe}`,
      label: `extraction probe #${(index % persuasion.extractionProbes.length) + 1}`,
      meta: { payload: probe, position: before ? 'before' : 'after' },
    };
  },
});

/** Markdown that exfiltrates (image links), phishes (links) or fakes authority (system notices). */
export const markdownInjectionMutator = templateMutator(
  'markdown_injection',
  'Markdown payloads: exfiltrating image links, phishing links, fake system notices, hidden comments.',
  1.4,
  markup.markdown,
  'markdown injection',
);

/** HTML and script payloads (XSS probes) around the request. */
export const htmlInjectionMutator = templateMutator(
  'html_injection',
  'HTML payloads around the request: <script>, event handlers, hidden divs, iframes, forms (XSS probes).',
  1.4,
  markup.html,
  'HTML injection',
);

/** Unrelated questions and asides mixed with the request. */
export const distractorMutator: Mutator = defineRuleMutator({
  type: 'distractor',
  group: 'injection',
  description: 'Unrelated questions and asides before or after the request (does the agent stay on task?).',
  defaultWeight: 1.0,
  preservesMeaning: true,
  preservation: 'verbatim',
  space: () => context.distractors.length * 2,
  build({ prompt, index }) {
    const aside = context.distractors[index % context.distractors.length] as string;
    const before = index >= context.distractors.length;
    return {
      prompt: before ? `${aside} ${prompt}` : `${prompt} ${aside}`,
      label: `distractor ${before ? 'before' : 'after'}`,
      meta: { aside },
    };
  },
});

/** Sizes of context overflow padding, in characters (about four per token). */
const OVERFLOW_SIZES = [16_000, 32_000, 64_000, 128_000];

/** The request buried in tens of thousands of characters of filler, to push instructions out of the window. */
export const contextOverflowMutator: Mutator = defineRuleMutator({
  type: 'context_overflow',
  group: 'injection',
  description:
    'The request buried in 16k-128k characters of filler, to push system instructions out of the window.',
  defaultWeight: 1.3,
  preservesMeaning: true,
  preservation: 'verbatim',
  space: (_p, options) =>
    spaceSize([
      context.overflowFrames.length,
      context.fillers.length,
      options.chars === undefined ? OVERFLOW_SIZES.length : 1,
    ]),
  build({ prompt, index, options }) {
    const [f, l, s] = splitIndex(index, [
      context.overflowFrames.length,
      context.fillers.length,
      options.chars === undefined ? OVERFLOW_SIZES.length : 1,
    ]);
    const size = numberOption(options.chars, OVERFLOW_SIZES[s as number] as number);
    const filler = padText(context.fillers[l as number] as string, Math.max(0, Math.min(size, 2_000_000)));
    return {
      prompt: fillTemplate(context.overflowFrames[f as number] as string, {
        ...promptValues(prompt),
        filler,
      }),
      label: `${Math.round(size / 1000)}k characters of filler`,
      meta: { chars: size },
    };
  },
});
