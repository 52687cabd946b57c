import type { Random } from '../random.js';
import type { DriftType } from './chaos-rule.js';

/** Keeps the first maxTokens whitespace-separated tokens (a cheap, format-free token count). */
export function truncateTokens(text: string, maxTokens: number): string {
  const parts = text.split(/(\s+)/);
  let kept = '';
  let count = 0;
  for (const part of parts) {
    if (part.trim() !== '') {
      if (count >= maxTokens) break;
      count++;
    }
    kept += part;
  }
  return kept.trimEnd();
}

const GARBAGE = [
  '\uFFFD',
  'ĠĠ',
  '<|endoftext|>',
  '▁▁',
  '###',
  'undefined',
  'NaN',
  '0xDEADBEEF',
  'ÿþ',
  '\u200b',
  '{{',
  '}}',
  'lorem',
  '@@',
  '�',
];

/** As many random junk tokens as the text had words (at least five). */
export function garbageText(text: string, random: Random): string {
  const words = Math.max(5, text.split(/\s+/).filter(Boolean).length);
  return Array.from({ length: words }, () => random.pick(GARBAGE)).join(' ');
}

function renameKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      // A newer model prefers other names: snake_case becomes camelCase, and camelCase gets a suffix.
      key.includes('_') ? key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) : `${key}_value`,
      renameKeys(inner),
    ]),
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Rewrites an answer as a silently upgraded model would. `json_field_rename` renames the keys of a JSON
 * answer (text answers are left to the wire-level rename, see llm-faults); the rest change wording.
 */
export function driftText(text: string, drift: DriftType, factor = 2): string {
  switch (drift) {
    case 'json_field_rename': {
      const json = parseJson(text);
      return typeof json === 'object' && json !== null ? JSON.stringify(renameKeys(json)) : text;
    }
    case 'format_change': {
      const json = parseJson(text);
      if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
        return Object.entries(json)
          .map(([key, value]) => `- **${key}**: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
          .join('\n');
      }
      return `\`\`\`json\n${JSON.stringify({ answer: text })}\n\`\`\``;
    }
    case 'verbosity_shift': {
      if (factor < 1) {
        const first = text.match(/^[^.!?]*[.!?]?/)?.[0] ?? text;
        return truncateTokens(first, Math.max(1, Math.round(first.split(/\s+/).length * factor)));
      }
      const filler =
        ' To elaborate further, it is worth noting that there are several considerations to keep in mind here.';
      return `Great question! ${text}${filler.repeat(Math.max(1, Math.round(factor)))} Let me know if you need anything else!`;
    }
    case 'refusal_rephrase':
      return "As an AI model, I'm not able to provide assistance with that particular request at this time.";
    case 'tone_shift':
      return `Ugh, fine. ${text.charAt(0).toLowerCase()}${text.slice(1)} Whatever. Don't ask again.`;
  }
}

/** Breaks JSON text so that it no longer parses (a cut value and a stray brace). */
export function corruptJson(text: string): string {
  const cut = Math.max(1, Math.floor(text.length * 0.6));
  return `${text.slice(0, cut)}"}{,`;
}
