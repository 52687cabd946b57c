/**
 * The trigger table: what each automaton hit of a literal means to the rules (open a window, record a
 * match start, satisfy a gate set), the automata over every literal of every rule (one for the literals
 * written in ASCII, one built on first use for the others), the slot masks per request, and the scratch
 * arrays every scan reuses.
 */
import { type Automaton, buildAutomaton } from './aho-corasick.js';
import { NON_ASCII } from './char-codes.js';
import { CIPHER_SIGNS } from './ciphers.js';
import type { CompiledRule, ViewIndex } from './compile.js';

/**
 * What an automaton hit of a literal means to one slot: open windows around it, record a possible
 * match start (a leading literal), or only satisfy one of the rule's gate sets.
 */
export const TRIGGER_WINDOW = 0;
export const TRIGGER_ALSO = 1;
export const TRIGGER_START = 2;
export const TRIGGER_GATE = 3;

/** Slot ranges in the automaton's triggers: injection, data, then one slot per cipher's signs. */
export interface TriggerTable {
  /** The automaton of the literals written in ASCII, which every text is walked with. */
  readonly automaton: Automaton;
  /**
   * The literals holding a character outside ASCII, and their indexes among all literals: their
   * automaton is built the first time a text that is not plain ASCII needs it (`otherAutomaton`). A
   * third of the states are theirs, and most texts never read them.
   */
  readonly otherLiterals: readonly string[];
  readonly otherIds: Int32Array;
  otherAutomaton: Automaton | undefined;
  /** Per literal: start of its triggers in `triggers` (length literals + 1). */
  readonly triggerStart: Int32Array;
  /** Trigger codes: slot * 4 + one of the TRIGGER_ kinds. */
  readonly triggers: Int32Array;
  readonly literalLength: Int32Array;
  /** The longest literal's length. */
  readonly maxLiteral: number;
  /** Per literal: 1 when some slot records its positions (every occurrence counts, not just the first). */
  readonly positional: Uint8Array;
  /** Per slot: the trigger kinds (as bits 1 << kind) that must all occur before its rule runs. */
  readonly required: Uint8Array;
  /**
   * Slot offsets: injection rules at [0, dataOffset), data at [dataOffset, signOffset), then one slot
   * per cipher whose signs were seen (CIPHER_SIGNS order).
   */
  readonly dataOffset: number;
  readonly signOffset: number;
  readonly slots: number;
  /**
   * Per request (bit 1 injection, 2 PII, 4 secrets, 8 cipher signs): 1 for the slots that request
   * wants.
   */
  readonly masks: readonly Uint8Array[];
  /** Per request (as `masks`): the data view's digit-gated rules it wants, by minDigits. */
  readonly digitRules: readonly (readonly number[])[];
  /** Window radius of each slot's rule. */
  readonly radius: Int32Array;
  /** Scratch state reused by every scan (scans are synchronous and never interleave). */
  /** Per slot: the trigger kinds seen (bits 1 << kind). */
  readonly seen: Uint8Array;
  /** Bit per slot: seen at all (32 slots a word). */
  readonly touched: Int32Array;
  /** Per slot: possible match starts recorded from leading literals, and how many this scan. */
  readonly starts: Int32Array[];
  readonly startCount: Int32Array;
  /** Per slot: end of its last window. */
  readonly covered: Int32Array;
  /** Per literal: end position up to which its hits add nothing new (or -pass on small texts). */
  readonly literalDone: Int32Array;
  /**
   * The literals a pass over a large text gave a position in `literalDone`, and how many (at index 0 of
   * `doneCount`): the next such pass resets only those, not the whole array.
   */
  readonly doneLiterals: Int32Array;
  readonly doneCount: Int32Array;
  /** Counter of automaton passes over small texts. */
  readonly pass: Int32Array;
}

/** The automaton of some of the literals, reporting each by its index among all (`ids`). */
function automatonOf(some: readonly string[], ids: ArrayLike<number>): Automaton {
  const automaton = buildAutomaton(some);
  const { outputs } = automaton;
  for (let k = 0; k < outputs.length; k++) outputs[k] = ids[outputs[k]!]!;
  return automaton;
}

/** The automaton of the literals outside ASCII (see TriggerTable.otherLiterals), built on first use. */
export function otherAutomatonOf(table: TriggerTable): Automaton {
  table.otherAutomaton ??= automatonOf(table.otherLiterals, table.otherIds);
  return table.otherAutomaton;
}

/** True when each of `strings` contains one of `set`: wherever one of them occurs, so does the set. */
function impliedBy(set: readonly string[], strings: readonly string[]): boolean {
  // Loops, not every() and some(): a closure per string was garbage for a cold compile to collect.
  outer: for (let i = 0; i < strings.length; i++) {
    for (let k = 0; k < set.length; k++) if (strings[i]!.includes(set[k]!)) continue outer;
    return false;
  }
  return true;
}

/** Builds the table of both views' rules and the ciphers' signs, slot by slot in that order. */
export function buildTriggers(injection: ViewIndex, data: ViewIndex): TriggerTable {
  const dataOffset = injection.rules.length;
  const signOffset = dataOffset + data.rules.length;
  const ciphers = Object.values(CIPHER_SIGNS);
  // Each literal's index, and (literal, code) pairs in the order they come: one counting sort below
  // groups them per literal. An array per literal was thousands of small objects to allocate and
  // promote on a cold compile, where GC was the largest single cost. The pair arrays are sized for
  // every string of every set: growing arrays left their old copies to the collector.
  let bound = 0;
  for (const view of [injection, data])
    for (let i = 0; i < view.rules.length; i++) {
      const rule = view.rules[i]!;
      bound += rule.leading.length + rule.anchors.length + rule.also.length;
    }
  for (let i = 0; i < ciphers.length; i++) bound += ciphers[i]!.length;
  const index = new Map<string, number>();
  const literals: string[] = [];
  const pairLiteral = new Int32Array(bound);
  const pairCode = new Int32Array(bound);
  let pairs = 0;
  const add = (literal: string, code: number): void => {
    let i = index.get(literal);
    if (i === undefined) {
      i = literals.length;
      index.set(literal, i);
      literals.push(literal);
    }
    pairLiteral[pairs] = i;
    pairCode[pairs++] = code;
  };
  const slots = signOffset + ciphers.length;
  const required = new Uint8Array(slots);
  const addSet = (set: readonly string[], slot: number, kind: number): void => {
    if (set.length === 0) return;
    for (let k = 0; k < set.length; k++) add(set[k]!, slot * 4 + kind);
    required[slot]! |= 1 << kind;
  };
  const addRule = (rule: CompiledRule, slot: number): void => {
    if (rule.leading.length > 0) {
      addSet(rule.leading, slot, TRIGGER_START);
      // The other sets still gate the rule ("ignore ... what you were told" runs only beside "told"),
      // unless every leading literal holds one of theirs: then a start already satisfies them.
      if (!impliedBy(rule.anchors, rule.leading)) addSet(rule.anchors, slot, TRIGGER_GATE);
      if (!impliedBy(rule.also, rule.leading)) addSet(rule.also, slot, TRIGGER_ALSO);
      return;
    }
    if (rule.gate === 'anchor') addSet(rule.anchors, slot, TRIGGER_WINDOW);
    else if (rule.gate === 'digits') required[slot]! |= 1 << TRIGGER_WINDOW; // set by digit runs
    addSet(rule.also, slot, TRIGGER_ALSO);
  };
  for (let i = 0; i < injection.rules.length; i++) addRule(injection.rules[i]!, i);
  for (let i = 0; i < data.rules.length; i++) addRule(data.rules[i]!, dataOffset + i);
  for (let i = 0; i < ciphers.length; i++) addSet(ciphers[i]!, signOffset + i, TRIGGER_WINDOW);
  const count = literals.length;
  const triggerStart = new Int32Array(count + 1);
  for (let k = 0; k < pairs; k++) triggerStart[pairLiteral[k]! + 1]!++;
  for (let i = 0; i < count; i++) triggerStart[i + 1]! += triggerStart[i]!;
  const triggers = new Int32Array(pairs);
  const filled = triggerStart.slice(0, count);
  const positional = new Uint8Array(count);
  for (let k = 0; k < pairs; k++) {
    const lit = pairLiteral[k]!;
    const code = pairCode[k]!;
    triggers[filled[lit]!++] = code;
    if ((code & 3) === TRIGGER_START) positional[lit] = 1;
  }
  const asciiIds: number[] = [];
  const otherIds: number[] = [];
  const literalLength = new Int32Array(count);
  let maxLiteral = 0;
  for (let i = 0; i < count; i++) {
    const literal = literals[i]!;
    (NON_ASCII.test(literal) ? otherIds : asciiIds).push(i);
    literalLength[i] = literal.length;
    maxLiteral = Math.max(maxLiteral, literal.length);
  }
  const masks: Uint8Array[] = [];
  for (let bits = 0; bits < 16; bits++) {
    const mask = new Uint8Array(slots);
    if (bits & 1) mask.fill(1, 0, dataOffset);
    for (let i = 0; i < data.rules.length; i++)
      if (bits & (data.rules[i]!.def.kind === 'pii' ? 2 : 4)) mask[dataOffset + i] = 1;
    if (bits & 8) mask.fill(1, signOffset, slots);
    masks.push(mask);
  }
  const radius = new Int32Array(slots);
  for (let slot = 0; slot < signOffset; slot++)
    radius[slot] = slot < dataOffset ? injection.rules[slot]!.radius : data.rules[slot - dataOffset]!.radius;
  const starts: Int32Array[] = [];
  for (let slot = 0; slot < slots; slot++) starts.push(new Int32Array(8));
  return {
    automaton: automatonOf(
      asciiIds.map((i) => literals[i]!),
      asciiIds,
    ),
    otherLiterals: otherIds.map((i) => literals[i]!),
    otherIds: Int32Array.from(otherIds),
    otherAutomaton: undefined,
    triggerStart,
    triggers,
    literalLength,
    maxLiteral,
    positional,
    required,
    dataOffset,
    signOffset,
    slots,
    masks,
    digitRules: masks.map((mask) => data.digitRules.filter((r) => mask[dataOffset + r] === 1)),
    radius,
    seen: new Uint8Array(slots),
    touched: new Int32Array(Math.ceil(slots / 32)),
    starts,
    startCount: new Int32Array(slots),
    covered: new Int32Array(slots),
    literalDone: new Int32Array(count),
    doneLiterals: new Int32Array(count),
    doneCount: new Int32Array(1),
    pass: new Int32Array(1),
  };
}
