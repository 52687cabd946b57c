/**
 * How each rule of a database runs, for pattern authors: a rule whose regex must be tried on every text
 * costs every scan, where one gated by a word or a digit run costs only the texts that hold it.
 */
import { type CompiledRule, compileDatabase } from './engine/compile.js';
import { MAX_LEADING_STRINGS } from './engine/leading.js';
import type { PatternDatabase, PatternDefinition } from './types.js';

/**
 * - `at-starts`: tried only where one of the strings its matches start with occurs;
 * - `in-windows`: run in windows around a word every match contains;
 * - `on-digit-runs`: run around runs of digits long enough for it;
 * - `after-shape-check`: run over texts that hold a shape every match has (a long token, a row of digits,
 *   or what the rule's precheck looks for);
 * - `on-every-text`: run over nearly every text, as no word, digit run or long token is in every match;
 * - `on-non-ascii-text`: a rule on the text as sent (`view: source`), run over every text that holds a
 *   character outside printable ASCII.
 */
export const runModes = [
  'at-starts',
  'in-windows',
  'on-digit-runs',
  'after-shape-check',
  'on-every-text',
  'on-non-ascii-text',
] as const;
export type RunMode = (typeof runModes)[number];

// A token this long is rare enough in prose to gate a rule (a hex id, a key, a fiscal code).
const GATING_TOKEN = 8;

function runModeOf(rule: CompiledRule): RunMode {
  if (rule.def.view === 'source') return 'on-non-ascii-text';
  if (rule.gate === 'digits') return 'on-digit-runs';
  if (rule.gate === 'anchor') return rule.leading.length > 0 ? 'at-starts' : 'in-windows';
  const shaped =
    rule.precheck !== undefined ||
    rule.alnumRun >= GATING_TOKEN ||
    rule.tokenRun >= GATING_TOKEN ||
    rule.digitStretch > 0;
  return shaped ? 'after-shape-check' : 'on-every-text';
}

export interface RuleRunMode {
  readonly id: string;
  readonly kind: PatternDefinition['kind'];
  readonly runs: RunMode;
  /**
   * Set when the rule's matches start with more different strings than the engine tries them at
   * (MAX_LEADING_STRINGS): the rule then runs in windows or on every text, and fewer starting words (a
   * shorter list of alternatives at the front of the regex) would bring it back to `at-starts`.
   */
  readonly tooManyStarts?: { readonly strings: number; readonly limit: number };
}

/** How each pattern of `db` runs, in the database's order; throws PatternError if `db` is invalid. */
export function ruleRunModes(db: PatternDatabase): RuleRunMode[] {
  const compiled = compileDatabase(db);
  const rules = new Map<string, CompiledRule>();
  for (const rule of [...compiled.injection.rules, ...compiled.data.rules, ...compiled.source])
    rules.set(rule.def.id, rule);
  return db.patterns.map((p) => {
    // Every pattern compiles to one rule: in the injection view, the data view or on the text as sent.
    const rule = rules.get(p.id)!;
    const mode: RuleRunMode = { id: p.id, kind: p.kind, runs: runModeOf(rule) };
    return rule.startStrings > MAX_LEADING_STRINGS
      ? { ...mode, tooManyStarts: { strings: rule.startStrings, limit: MAX_LEADING_STRINGS } }
      : mode;
  });
}
