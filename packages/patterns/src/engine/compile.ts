/**
 * Compiles a validated database into matching structures: one literal prefilter per text view and,
 * per rule, its regex and validator. Compilation is all-or-nothing so a hot swap never sees half a database.
 */
import { checkRegex, parsePatternDatabase } from '../database.js';
import type { PatternDatabase, PatternDefinition, PatternKind, Severity } from '../types.js';
import { getValidator, type Validator } from '../validators/registry.js';

/** A rule ready to run. */
export interface CompiledRule {
  readonly def: PatternDefinition;
  readonly regex: RegExp;
  readonly validator: Validator | undefined;
  readonly context: readonly string[];
  /** Contribution to the injection score. */
  readonly weight: number;
  /** Characters either side of a literal or digit hit the regex needs to see. */
  readonly window: number;
  readonly minDigits: number;
}

/** Rules of one text view (injection on the folded view; PII and secrets on the plain view). */
export interface ViewIndex {
  readonly rules: readonly CompiledRule[];
  /** Alternation of all literals of the view, run once over the lowercased text; undefined if none. */
  readonly prefilter: RegExp | undefined;
  /** Rule indexes (into `rules`) triggered by each literal, including literals it contains. */
  readonly byLiteral: ReadonlyMap<string, readonly number[]>;
  /** Rules without literals, tried around digit runs of at least `minDigits` digits. */
  readonly digitRules: readonly number[];
  /** Rules without literals and without a digit requirement: run on the whole text. */
  readonly alwaysRules: readonly number[];
}

/** The compiled, immutable form of a database. */
export interface CompiledDatabase {
  readonly db: PatternDatabase;
  readonly injection: ViewIndex;
  readonly data: ViewIndex;
  readonly compileMs: number;
}

// performance.now() where available (Node, browsers); no platform typings needed.
const now = (): number =>
  (globalThis as { performance?: { now(): number } }).performance?.now() ?? Date.now();

const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = {
  critical: 0.9,
  high: 0.7,
  medium: 0.5,
  low: 0.3,
};
const escapeLiteral = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileRule(def: PatternDefinition): CompiledRule {
  return {
    def,
    regex: checkRegex(def),
    validator: def.validator === undefined ? undefined : getValidator(def.validator),
    context: (def.context ?? []).map((w) => w.toLowerCase()),
    weight: def.weight ?? SEVERITY_WEIGHT[def.severity],
    window: def.window ?? 256,
    minDigits: def.minDigits ?? 0,
  };
}

function buildView(rules: CompiledRule[]): ViewIndex {
  const byLiteral = new Map<string, number[]>();
  const digitRules: number[] = [];
  const alwaysRules: number[] = [];
  rules.forEach((rule, i) => {
    const lits = rule.def.literals ?? [];
    if (lits.length === 0) (rule.minDigits > 0 ? digitRules : alwaysRules).push(i);
    for (const lit of lits) {
      const list = byLiteral.get(lit) ?? [];
      list.push(i);
      byLiteral.set(lit, list);
    }
  });
  const literals = [...byLiteral.keys()].sort((a, b) => b.length - a.length);
  // The alternation finds one literal per position; a literal containing another must trigger both.
  const closed = new Map<string, readonly number[]>();
  for (const lit of literals) {
    const set = new Set<number>();
    for (const other of literals) if (lit.includes(other)) for (const r of byLiteral.get(other)!) set.add(r);
    closed.set(lit, [...set]);
  }
  // One combined V8 regex without the `u` flag: measured faster than Aho-Corasick below a few thousand literals.
  const prefilter =
    literals.length === 0 ? undefined : new RegExp(literals.map(escapeLiteral).join('|'), 'g');
  return { rules, prefilter, byLiteral: closed, digitRules, alwaysRules };
}

/** Validates and compiles `db`; throws PatternError without side effects if anything is wrong. */
export function compileDatabase(db: PatternDatabase): CompiledDatabase {
  const t0 = now();
  const parsed = parsePatternDatabase(db);
  const rules = parsed.patterns.map(compileRule);
  const ofKinds = (kinds: readonly PatternKind[]): CompiledRule[] =>
    rules.filter((r) => kinds.includes(r.def.kind));
  const injection = buildView(ofKinds(['injection']));
  const data = buildView(ofKinds(['pii', 'secret']));
  return { db: parsed, injection, data, compileMs: now() - t0 };
}
