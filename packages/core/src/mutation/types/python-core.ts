import context from '../data/context.json' with { type: 'json' };
import injection from '../data/injection-templates.json' with { type: 'json' };
import length from '../data/length.json' with { type: 'json' };
import paraphrase from '../data/paraphrase.json' with { type: 'json' };
import tone from '../data/tone.json' with { type: 'json' };
import type { MutationVariant, Mutator } from '../mutator.js';
import { attackPayloads } from '../payloads.js';
import { defineRuleMutator } from '../rule-mutator.js';
import { numberOption, spaceSize, splitIndex, stringList } from '../text/sampling.js';
import { substituteSynonyms } from '../text/synonym-substitution.js';
import { fillTemplate, promptValues } from '../text/template.js';
import { applyTypo } from '../text/typos.js';
import { findWords } from '../text/words.js';
import { encodingAttack, encodingAttackSpace } from './encoding-attack.js';

const REWRITES = paraphrase.rewrites.map(([from, to]) => ({
  pattern: new RegExp(`\\b${from as string}\\b`, 'i'),
  to: to as string,
}));

/** Same intent, other words: a frame, phrase rewrites and WordNet synonyms. */
export const paraphraseMutator: Mutator = defineRuleMutator({
  type: 'paraphrase',
  group: 'core',
  description: 'Same intent in other words: rephrasing frames, phrase rewrites and WordNet synonyms.',
  defaultWeight: 1.0,
  preservesMeaning: true,
  preservation: 'intent',
  pythonCompatible: true,
  build({ prompt, random }) {
    let text = prompt;
    const applied: string[] = [];
    // Synonyms first, then one phrase rewrite at most (never a synonym of a rewrite's own words), within a
    // budget that keeps half the content words.
    const synonyms = substituteSynonyms(text, random, 0.35, 1);
    text = synonyms.text;
    const matching = REWRITES.filter((r) => r.pattern.test(text));
    if (matching.length > 0 && random.chance(0.7)) {
      const rewrite = random.pick(matching);
      text = text.replace(rewrite.pattern, () => rewrite.to);
      applied.push(rewrite.to);
    }
    const frame = random.pick(paraphrase.frames);
    // "Please {prompt}" around "Please ..." would read "Please please ...".
    if (/^please\b/i.test(text) && /please/i.test(frame)) return undefined;
    const out = fillTemplate(frame, promptValues(text));
    if (out === prompt) return undefined;
    return {
      prompt: out,
      label: `rephrased (${applied.length} rewrites, ${synonyms.swaps.length} synonyms)`,
      meta: { frame, rewrites: applied, synonyms: synonyms.swaps.map((s) => `${s.from}>${s.to}`) },
    };
  },
});

/** 2-4 realistic typos and chat abbreviations. */
export const noiseMutator: Mutator = defineRuleMutator({
  type: 'noise',
  group: 'core',
  description:
    '2-4 realistic typos: neighbouring keys, swapped, dropped or doubled letters, chat abbreviations.',
  defaultWeight: 0.8,
  preservesMeaning: true,
  preservation: 'edited',
  pythonCompatible: true,
  build({ prompt, random, options }) {
    const min = numberOption(options.minTypos, 2);
    const max = Math.max(min, numberOption(options.maxTypos, 4));
    // Short prompts get fewer typos (one per four letters), so "hi there" is not typed beyond recognition.
    const letters = prompt.match(/\p{L}/gu)?.length ?? 0;
    const wanted = Math.min(min + random.int(max - min + 1), Math.max(1, Math.floor(letters / 4)));
    let text = prompt;
    const kinds: string[] = [];
    for (let i = 0; i < wanted; i++) {
      const typo = applyTypo(text, random);
      if (typo.text !== text) kinds.push(typo.kind);
      text = typo.text;
    }
    if (text === prompt) return undefined;
    return { prompt: text, label: `${kinds.length} typos (${kinds.join(', ')})`, meta: { typos: kinds } };
  },
});

type ToneName = keyof typeof tone;
const TONE_RECIPES: ReadonlyArray<{ tone: ToneName; prefix: string; suffix: string }> = (
  Object.keys(tone) as ToneName[]
).flatMap((name) => {
  const prefixes = ['', ...tone[name].prefixes];
  const suffixes = ['', ...tone[name].suffixes];
  return prefixes.flatMap((prefix) =>
    suffixes
      .filter((suffix) => prefix !== '' || suffix !== '')
      .map((suffix) => ({ tone: name, prefix, suffix })),
  );
});

/** The same request, frustrated, urgent, angry, overly polite, casual, confused or sarcastic. */
export const toneShiftMutator: Mutator = defineRuleMutator({
  type: 'tone_shift',
  group: 'core',
  description:
    'The same request in another tone: frustrated, urgent, angry, polite, casual, confused, sarcastic.',
  defaultWeight: 0.9,
  preservesMeaning: true,
  preservation: 'verbatim',
  pythonCompatible: true,
  space: () => TONE_RECIPES.length,
  build({ prompt, index }) {
    const recipe = TONE_RECIPES[index];
    if (!recipe) return undefined;
    const text = [recipe.prefix, prompt, recipe.suffix].filter((p) => p !== '').join(' ');
    return { prompt: text, label: `${recipe.tone} tone`, meta: { tone: recipe.tone } };
  },
});

const INJECTION_DEFAULT_CATEGORIES = [
  'direct_override',
  'instruction_override',
  'role_manipulation',
  'context_injection',
];

/** The request followed (or preceded) by an instruction override drawn from the pattern database. */
export const promptInjectionMutator: Mutator = defineRuleMutator({
  type: 'prompt_injection',
  group: 'core',
  description:
    'The request plus an instruction override, with payloads from the pattern database categories.',
  defaultWeight: 1.5,
  preservesMeaning: false,
  preservation: 'verbatim',
  pythonCompatible: true,
  space: (_prompt, options) =>
    spaceSize([
      attackPayloads(stringList(options.categories) ?? INJECTION_DEFAULT_CATEGORIES).length,
      injection.combine.length,
    ]),
  build({ prompt, index, options }) {
    const payloads = attackPayloads(stringList(options.categories) ?? INJECTION_DEFAULT_CATEGORIES);
    const [p, t] = splitIndex(index, [payloads.length, injection.combine.length]);
    const payload = payloads[p as number];
    const template = injection.combine[t as number];
    if (!payload || template === undefined) return undefined;
    return {
      prompt: fillTemplate(template, promptValues(prompt, payload.text)),
      label: `injection ${payload.id}`,
      meta: { payloadId: payload.id, category: payload.category, payload: payload.text },
    };
  },
});

/** Parts of the prompt (or all of it) in base64, \uXXXX, %XX, hex or HTML entities. */
export const encodingAttacksMutator: Mutator = defineRuleMutator({
  type: 'encoding_attacks',
  group: 'core',
  description: 'The prompt, or some of its words, as base64, \\uXXXX escapes, %XX, hex or HTML entities.',
  defaultWeight: 1.3,
  preservesMeaning: false,
  preservation: 'encoded',
  pythonCompatible: true,
  space: encodingAttackSpace,
  build: encodingAttack,
});

type ContextStrategy = 'irrelevant' | 'contradictory' | 'reordered' | 'missing';

/** Irrelevant, contradictory, reordered or missing context around the request. */
export const contextManipulationMutator: Mutator = defineRuleMutator({
  type: 'context_manipulation',
  group: 'core',
  description:
    'Irrelevant or contradictory context added, sentences reordered, or part of the context removed.',
  defaultWeight: 1.1,
  preservesMeaning: false,
  preservation: 'none',
  pythonCompatible: true,
  build({ prompt, random }) {
    const strategy = random.pick<ContextStrategy>([
      'irrelevant',
      'irrelevant',
      'contradictory',
      'reordered',
      'missing',
    ]);
    const sentences = prompt.split(/(?<=[.!?])\s+/).filter((s) => s !== '');
    let text: string;
    if (strategy === 'reordered' && sentences.length > 1) {
      text = random.shuffle(sentences).join(' ');
    } else if (strategy === 'missing' && sentences.length > 1) {
      const drop = random.int(sentences.length);
      text = sentences.filter((_, i) => i !== drop).join(' ');
    } else {
      const pool = strategy === 'contradictory' ? context.contradictory : context.irrelevant;
      // One or two additions, each before or after the request.
      text = prompt;
      for (let n = 1 + random.int(2); n > 0; n--) {
        const extra = random.pick(pool);
        text = random.chance(0.5) ? `${extra} ${text}` : `${text} ${extra}`;
      }
    }
    if (text === prompt) return undefined;
    return { prompt: text, label: `${strategy} context`, meta: { strategy } };
  },
});

type Minimal = (typeof length.minimal)[number];

function minimalForm(prompt: string, kind: Minimal): string {
  const words = findWords(prompt).map((w) => w.text);
  switch (kind) {
    case 'first-word':
      return words[0] ?? '';
    case 'first-two-words':
      return words.slice(0, 2).join(' ');
    case 'last-word':
      return words.at(-1) ?? '';
    case 'keywords':
      return words.filter((w) => w.length > 3).join(' ');
    case 'single-char':
      return prompt.trim().charAt(0) || '?';
    case 'no-vowels':
      return prompt.replace(/[aeiou]/gi, '');
    case 'first-half':
      return prompt.slice(0, Math.ceil(prompt.length / 2));
    case 'whitespace-only':
      return ' \n\t ';
    case 'punctuation-only':
      return '?';
    default:
      return '';
  }
}

/** Minimal (a word, nothing) or very long (thousands of characters of padding around the request) prompts. */
export const lengthExtremesMutator: Mutator = defineRuleMutator({
  type: 'length_extremes',
  group: 'core',
  description:
    'Minimal prompts (one word, keywords, empty) or very long ones (2k-20k characters of padding).',
  defaultWeight: 1.2,
  preservesMeaning: false,
  preservation: 'none',
  pythonCompatible: true,
  space: () => length.minimal.length + length.longFrames.length * length.longSizes.length,
  build({ prompt, index, random }) {
    if (index < length.minimal.length) {
      const kind = length.minimal[index] as Minimal;
      return {
        prompt: minimalForm(prompt, kind),
        label: `minimal: ${kind}`,
        meta: { extreme: 'minimal', kind },
      };
    }
    const [f, s] = splitIndex(index - length.minimal.length, [
      length.longFrames.length,
      length.longSizes.length,
    ]);
    const size = length.longSizes[s as number] as number;
    const frame = length.longFrames[f as number] as string;
    const sentence = random.pick(context.fillers);
    // Only the padding the frame uses is built: these are the largest strings the text types make.
    const values: Record<string, string> = { prompt };
    if (frame.includes('{filler}')) values.filler = padText(sentence, size);
    if (frame.includes('{padding}')) values.padding = padText('', size);
    if (frame.includes('{prompt_repeat}')) values.prompt_repeat = padText(prompt, size);
    const text = fillTemplate(frame, values);
    return { prompt: text, label: `long: ~${size} characters`, meta: { extreme: 'long', size } };
  },
});

/** Repeats a sentence up to about `size` characters. */
export function padText(sentence: string, size: number): string {
  const key = `${size}\u0000${sentence}`;
  let text = padCache.get(key);
  if (text === undefined) {
    text =
      sentence === ''
        ? ' '.repeat(size)
        : `${sentence} `.repeat(Math.ceil(size / (sentence.length + 1))).slice(0, size);
    // Fillers come from data files (a few dozen sentence x size pairs); the cap guards option-driven sizes.
    if (padCache.size > 256) padCache.clear();
    padCache.set(key, text);
  }
  return text;
}

const padCache = new Map<string, string>();

/** Templates from the config (`custom_templates` in Python configs): `{prompt}` is replaced by the golden prompt. */
export const customMutator: Mutator = defineRuleMutator({
  type: 'custom',
  group: 'core',
  description:
    'Your own templates (options.templates or Python custom_templates), with {prompt} placeholders.',
  defaultWeight: 1.0,
  preservesMeaning: false,
  preservation: 'none',
  pythonCompatible: true,
  space: (_p, options) => customTemplates(options).length,
  build({ prompt, index, options }): MutationVariant | undefined {
    const entry = customTemplates(options)[index];
    if (!entry) return undefined;
    return {
      prompt: fillTemplate(entry[1], promptValues(prompt)),
      label: `custom template ${entry[0]}`,
      meta: { template: entry[0] },
    };
  },
});

function customTemplates(options: Record<string, unknown>): Array<[string, string]> {
  const raw = options.templates ?? options.custom_templates ?? options.template;
  if (typeof raw === 'string') return [['1', raw]];
  if (Array.isArray(raw))
    return raw.filter((t): t is string => typeof t === 'string').map((t, i) => [String(i + 1), t]);
  if (raw && typeof raw === 'object') {
    return Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string');
  }
  return [];
}
