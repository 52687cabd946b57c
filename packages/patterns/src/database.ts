/**
 * Parsing and validation of pattern databases: the shipped one and users' own files share one format
 * and one set of checks, so a bad user pattern fails with the same clear message as a bad built-in one.
 */

import { builtinDatabase } from './builtin.js';
import { countCaptures, expandMacros } from './engine/macros.js';
import { minMatchLength, parseRegexSource, type RegexNode } from './engine/regex-ast.js';
import { findBacktrackingRiskInAst } from './engine/regex-safety.js';
import { findRunBacktrackingInAst } from './engine/run-backtracking.js';
import { PatternError } from './errors.js';
import {
  injectionCategories,
  type PatternDatabase,
  type PatternDefinition,
  type PatternKind,
  patternKinds,
  piiCategories,
  type Severity,
  severities,
} from './types.js';
import { getValidator, validatorNames } from './validators/registry.js';

const ID = /^[a-z0-9][a-z0-9_]{1,63}$/;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

function invalid(message: string, patternId?: string): PatternError {
  return new PatternError(
    'FLAKESTORM_PATTERN_INVALID',
    patternId === undefined ? message : `pattern '${patternId}': ${message}`,
    patternId === undefined ? undefined : { patternId },
  );
}

/** Regex flags a pattern compiles with: always Unicode, case-insensitive unless asked otherwise. */
export function flagsOf(def: Pick<PatternDefinition, 'caseSensitive' | 'regex'>): string {
  // The `u` flag only where the pattern needs it (\p{...}, \u{...}): with `i`, it makes V8 several times slower.
  const unicode = /\\[pP]\{|\\u\{/.test(def.regex) ? 'u' : '';
  return `g${def.caseSensitive ? '' : 'i'}${unicode}`;
}

// Every field of PatternDefinition: a misspelt one ("contextRequird") would otherwise be dropped
// silently, and the rule would load without what its author asked for.
const FIELDS: ReadonlySet<string> = new Set([
  'id',
  'kind',
  'category',
  'severity',
  'description',
  'literals',
  'minDigits',
  'window',
  'regex',
  'caseSensitive',
  'view',
  'group',
  'context',
  'contextRequired',
  'weakShape',
  'validator',
  'keepPlaceholders',
  'confidence',
  'weight',
  'compliance',
  'examples',
]);

// The optional fields of one type each, checked in a loop.
const FLAG_FIELDS = ['caseSensitive', 'contextRequired', 'keepPlaceholders'] as const;
const WORD_LIST_FIELDS = ['context', 'compliance'] as const;
const FRACTION_FIELDS = ['confidence', 'weight'] as const;

/** Validates one pattern object and returns it typed; throws PatternError naming the pattern and the fix. */
export function parsePattern(raw: unknown, index = 0): PatternDefinition {
  if (!isObject(raw)) throw invalid(`patterns[${index}] must be an object`);
  const id = raw.id;
  if (typeof id !== 'string' || !ID.test(id)) {
    throw invalid(
      `patterns[${index}].id must be 2-64 characters of a-z, 0-9 and _ (got ${JSON.stringify(id)})`,
    );
  }
  // Indexed loops here and below: a cold compile runs this for every pattern before V8 optimises it,
  // and each for-of step allocated an iterator result.
  const keys = Object.keys(raw);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (!FIELDS.has(key))
      throw invalid(
        `unknown field ${JSON.stringify(key)}; a pattern's fields are ${[...FIELDS].join(', ')}`,
        id,
      );
  }
  for (let k = 0; k < FLAG_FIELDS.length; k++) {
    const key = FLAG_FIELDS[k]!;
    if (raw[key] !== undefined && typeof raw[key] !== 'boolean')
      throw invalid(`${key} must be true or false`, id);
  }
  const kind = raw.kind as PatternKind;
  if (!patternKinds.includes(kind)) throw invalid(`kind must be one of ${patternKinds.join(', ')}`, id);
  const category = raw.category;
  const allowed: readonly string[] = kind === 'injection' ? injectionCategories : piiCategories;
  if (typeof category !== 'string' || !allowed.includes(category)) {
    throw invalid(`category must be one of ${allowed.join(', ')} for kind '${kind}'`, id);
  }
  if (!severities.includes(raw.severity as Severity))
    throw invalid(`severity must be one of ${severities.join(', ')}`, id);
  if (typeof raw.description !== 'string' || raw.description.length === 0)
    throw invalid('description is required', id);
  if (typeof raw.regex !== 'string' || raw.regex.length === 0)
    throw invalid('regex must be a non-empty string', id);
  if (raw.view !== undefined) {
    if (raw.view !== 'source')
      throw invalid(
        `view must be "source" (got ${JSON.stringify(raw.view)}), or left out for the normalised text`,
        id,
      );
    // PII and secret findings are masked and ranked on the normalised text's offsets and context words.
    if (kind !== 'injection') throw invalid('view "source" is for injection rules only', id);
  }
  if (raw.literals !== undefined) {
    if (!isStringArray(raw.literals) || raw.literals.some((l) => l.length === 0 || l !== l.toLowerCase())) {
      throw invalid('literals must be non-empty lowercase strings', id);
    }
  }
  for (let k = 0; k < WORD_LIST_FIELDS.length; k++) {
    const key = WORD_LIST_FIELDS[k]!;
    const v = raw[key];
    // A blank word starts with a space (or is empty): only those are trimmed, on a cold compile.
    if (
      v !== undefined &&
      (!isStringArray(v) || v.some((w) => w.length === 0 || (w.charCodeAt(0) <= 32 && w.trim() === '')))
    )
      throw invalid(`${key} must be an array of non-empty strings`, id);
  }
  // Without a context word, such a candidate could only stand by its checksum; with neither, never.
  const words = (raw.context as string[] | undefined)?.length ?? 0;
  if (
    (raw.contextRequired === true || raw.weakShape !== undefined) &&
    words === 0 &&
    raw.validator === undefined
  )
    throw invalid('contextRequired and weakShape need context words (or a validator) to find anything', id);
  for (let k = 0; k < FRACTION_FIELDS.length; k++) {
    const key = FRACTION_FIELDS[k]!;
    const v = raw[key];
    if (v !== undefined && (typeof v !== 'number' || v < 0 || v > 1))
      throw invalid(`${key} must be between 0 and 1`, id);
  }
  if (raw.group !== undefined && (!Number.isInteger(raw.group) || (raw.group as number) < 0)) {
    throw invalid('group must be a non-negative integer', id);
  }
  if (
    raw.window !== undefined &&
    (!Number.isInteger(raw.window) || (raw.window as number) < 16 || (raw.window as number) > 65536)
  ) {
    throw invalid('window must be an integer between 16 and 65536', id);
  }
  if (raw.minDigits !== undefined && (!Number.isInteger(raw.minDigits) || (raw.minDigits as number) < 0)) {
    throw invalid('minDigits must be a non-negative integer', id);
  }
  if (raw.validator !== undefined && (typeof raw.validator !== 'string' || !getValidator(raw.validator))) {
    throw new PatternError(
      'FLAKESTORM_PATTERN_UNKNOWN_VALIDATOR',
      `pattern '${id}': unknown validator ${JSON.stringify(raw.validator)}; use one of ${validatorNames().join(', ')}`,
      { patternId: id },
    );
  }
  if (raw.weakShape !== undefined) checkWeakShape(raw.weakShape, id);
  const ex = raw.examples;
  if (!isObject(ex) || !isStringArray(ex.positive) || !isStringArray(ex.negative)) {
    throw invalid('examples must be { positive: string[], negative: string[] }', id);
  }
  if (ex.positive.length < 2 || ex.negative.length < 2) {
    throw invalid('examples need at least 2 positive and 2 negative strings', id);
  }
  const def = raw as unknown as PatternDefinition;
  checkRegex(def);
  if (def.group !== undefined) {
    const groups = countCaptures(expandMacros(def.regex));
    if (def.group > groups)
      throw invalid(
        `group ${def.group} does not exist: the regex has ${groups} capturing group${groups === 1 ? '' : 's'}`,
        id,
      );
  }
  return def;
}

// A weak shape is tested against one match, never a whole text, but a user's file must not bring a
// regex that can backtrack catastrophically all the same.
function checkWeakShape(shape: unknown, id: string | undefined): void {
  if (typeof shape !== 'string' || shape.length === 0)
    throw invalid('weakShape must be a non-empty regex string', id);
  const verdict = vetSource(shape, '');
  if ('problem' in verdict) throw invalid(`weakShape ${verdict.problem}`, id);
}

// The parse of each validated definition, reused by the compiler within the same compile.
const parsedRegex = new WeakMap<PatternDefinition, RegexNode[][]>();

/** The parsed regex of a definition that checkRegex has accepted, if any. */
export function parsedRegexOf(def: PatternDefinition): RegexNode[][] | undefined {
  return parsedRegex.get(def);
}

// Regexes (exact source and flags, never a hash) known to pass vetRegex: those of the built-in
// database, which its tests vet on every build, and those this process has vetted already. Parsing
// them again on every compile (a fresh process, a hot swap) would only repeat the same answer. Kept as
// written, per flags: the macros are fixed, so the written form names the expanded one, and a key
// joined from both strings was a new string to flatten and hash for every rule of every compile.
const vetted = new Map<string, Set<string>>();
const VETTED_LIMIT = 4096;
let vettedCount = 0;
let builtinTrusted = false;

function remember(regex: string, flags: string): void {
  let set = vetted.get(flags);
  if (set === undefined) {
    set = new Set();
    vetted.set(flags, set);
  }
  set.add(regex);
  vettedCount++;
}

function isVetted(regex: string, flags: string): boolean {
  if (!builtinTrusted) {
    builtinTrusted = true;
    for (const p of builtinDatabase().patterns) remember(p.regex, flagsOf(p));
  }
  return vetted.get(flags)?.has(regex) === true;
}

/** Rejects syntax errors and catastrophic-backtracking shapes in a pattern's regex (see vetRegex). */
export function checkRegex(def: PatternDefinition): void {
  const flags = flagsOf(def);
  if (isVetted(def.regex, flags)) return;
  vetRegex(def, expandMacros(def.regex), flags);
  if (vettedCount >= VETTED_LIMIT) {
    vetted.clear();
    vettedCount = 0;
    builtinTrusted = false;
  }
  remember(def.regex, flags);
}

/**
 * A regex source that compiles, parses and cannot backtrack catastrophically, as its parse; or what is
 * wrong with it (`unsafe` for the backtracking checks, else a syntax error).
 */
type SourceVerdict = { ast: RegexNode[][] } | { problem: string; unsafe: boolean; cause?: unknown };

function vetSource(source: string, flags: string): SourceVerdict {
  try {
    new RegExp(source, flags);
  } catch (cause) {
    return { problem: `does not compile: ${(cause as Error).message}`, unsafe: false, cause };
  }
  let ast: RegexNode[][];
  try {
    ast = parseRegexSource(source);
  } catch (cause) {
    const problem = `cannot be analysed for backtracking (${(cause as Error).message}); simplify it`;
    return { problem, unsafe: true, cause };
  }
  const risk = findBacktrackingRiskInAst(ast, flags);
  if (risk) {
    const problem = `can backtrack catastrophically: ${risk}; bound the inner quantifier or make the alternatives disjoint`;
    return { problem, unsafe: true };
  }
  return { ast };
}

/** Compiles a pattern's (macro-expanded) regex and rejects syntax errors and catastrophic backtracking. */
export function vetRegex(def: PatternDefinition, source: string, flags: string): void {
  const verdict = vetSource(source, flags);
  if ('problem' in verdict) {
    throw new PatternError(
      verdict.unsafe ? 'FLAKESTORM_PATTERN_UNSAFE_REGEX' : 'FLAKESTORM_PATTERN_INVALID',
      `pattern '${def.id}': regex ${verdict.problem}`,
      { patternId: def.id, cause: verdict.cause },
    );
  }
  const { ast } = verdict;
  const runRisk = findRunBacktrackingInAst(ast, flags);
  if (runRisk) {
    throw new PatternError(
      'FLAKESTORM_PATTERN_UNSAFE_REGEX',
      `pattern '${def.id}': regex slows down quadratically on long runs of its own characters: ${runRisk}`,
      { patternId: def.id },
    );
  }
  // From the parse, not regex.test(''): testing makes V8 compile every regex up front, which costs
  // more than all the rest of a database compile; unused rules then never compile at all.
  if (minMatchLength(ast) === 0) {
    throw invalid('regex matches the empty string; it would flag every text', def.id);
  }
  parsedRegex.set(def, ast);
}

/** Validates an unknown JSON value (a user's pattern file) as a pattern database; throws PatternError. */
export function parsePatternDatabase(raw: unknown): PatternDatabase {
  const obj = Array.isArray(raw) ? { version: 'user', patterns: raw } : raw;
  if (!isObject(obj))
    throw invalid('a pattern database must be an object { version, patterns } or an array of patterns');
  if (!Array.isArray(obj.patterns)) throw invalid('"patterns" must be an array');
  for (const key of Object.keys(obj)) {
    if (!['version', 'patterns', 'attacks'].includes(key))
      throw invalid(
        `unknown field ${JSON.stringify(key)}; a pattern database has version, patterns and attacks`,
      );
  }
  if (obj.version !== undefined && typeof obj.version !== 'string')
    throw invalid('"version" must be a string, such as "2026.11.28"');
  const version = typeof obj.version === 'string' ? obj.version : 'user';
  const seen = new Set<string>();
  const patterns = obj.patterns.map((p, i) => {
    const def = parsePattern(p, i);
    if (seen.has(def.id)) {
      throw new PatternError(
        'FLAKESTORM_PATTERN_DUPLICATE',
        `pattern '${def.id}' is defined twice; ids must be unique`,
        {
          patternId: def.id,
        },
      );
    }
    seen.add(def.id);
    return def;
  });
  let attacks: Record<string, readonly string[]> | undefined;
  if (obj.attacks !== undefined) {
    if (!isObject(obj.attacks) || !Object.values(obj.attacks).every(isStringArray)) {
      throw invalid('"attacks" must map category ids to arrays of strings');
    }
    const unknown = Object.keys(obj.attacks).find(
      (c) => !(injectionCategories as readonly string[]).includes(c),
    );
    if (unknown !== undefined)
      throw invalid(
        `"attacks" has unknown category ${JSON.stringify(unknown)}; use one of ${injectionCategories.join(', ')}`,
      );
    attacks = obj.attacks as Record<string, readonly string[]>;
  }
  return attacks === undefined ? { version, patterns } : { version, patterns, attacks };
}

/** Merges databases; later ones override patterns with the same id (a user file refining a built-in). */
export function mergeDatabases(...dbs: readonly PatternDatabase[]): PatternDatabase {
  const byId = new Map<string, PatternDefinition>();
  const attacks: Record<string, string[]> = {};
  for (const db of dbs) {
    for (const p of db.patterns) byId.set(p.id, p);
    for (const [cat, list] of Object.entries(db.attacks ?? {}))
      attacks[cat] = [...(attacks[cat] ?? []), ...list];
  }
  return { version: dbs.map((d) => d.version).join('+'), patterns: [...byId.values()], attacks };
}
