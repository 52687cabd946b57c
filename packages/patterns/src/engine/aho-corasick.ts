/**
 * An Aho-Corasick automaton over UTF-16 code units, compiled to a dense transition table. It finds
 * every occurrence of every literal in one pass with one table lookup per character; measured here
 * 2-3x faster than one combined V8 alternation regex of the same 800 literals.
 */

const NON_ASCII_COLUMNS = 8;

/** A compiled automaton; build it with `buildAutomaton`. */
export interface Automaton {
  /** Character code -> column; 0 for characters no literal contains. */
  readonly columns: Uint16Array;
  readonly width: number;
  /**
   * state * width + column -> next state; negative (-state) when the next state ends at least one
   * literal, so the scan loop tests one sign instead of loading an output table. 16-bit while the
   * states fit (half the megabytes to allocate and keep in cache), 32-bit beyond.
   */
  readonly delta: Int16Array | Int32Array;
  /** Per state: start of its literals in `outputs` (length states + 1). */
  readonly outputStart: Int32Array;
  /** Literal indexes ending at each state, including those that are suffixes of it. */
  readonly outputs: Int32Array;
}

/** Builds the automaton of `literals` (non-empty strings); literal i is reported as index i. */
export function buildAutomaton(literals: readonly string[]): Automaton {
  const columns = new Uint16Array(65536);
  let width = 1;
  for (const lit of literals) {
    for (let i = 0; i < lit.length; i++) {
      const c = lit.charCodeAt(i);
      if (c < 128 && columns[c] === 0) columns[c] = width++;
    }
  }
  // Non-ASCII characters share a few columns: the table stays narrow, and a shared column can only
  // report an extra candidate (the rule's regex then decides), never miss one.
  if (literals.some((l) => /[^\0-\x7f]/.test(l))) {
    const base = width;
    width += NON_ASCII_COLUMNS;
    for (let c = 128; c < 65536; c++) columns[c] = base + (c % NON_ASCII_COLUMNS);
  }
  // Trie: per state, its children as [column, state] pairs and the literals ending there.
  const kids: number[][] = [[]];
  const own: number[][] = [[]];
  literals.forEach((lit, index) => {
    let s = 0;
    for (let i = 0; i < lit.length; i++) {
      const col = columns[lit.charCodeAt(i)]!;
      const list = kids[s]!;
      let t = -1;
      for (let k = 0; k < list.length; k += 2) if (list[k] === col) t = list[k + 1]!;
      if (t < 0) {
        t = kids.length;
        kids.push([]);
        own.push([]);
        list.push(col, t);
      }
      s = t;
    }
    own[s]!.push(index);
  });
  const states = kids.length;
  // Dense transitions resolved through failure links, breadth first: a state's row starts as a copy of
  // its failure state's row (one memmove) and only its own children are written over it. Entries are
  // written already encoded (see `delta`): a state's failure state is shallower, so whether it ends a
  // literal is known when the state is first written, and no second pass over the megabyte table
  // (slow in a cold process, before V8 optimises the loop) is needed.
  const goto = states <= 0x7fff ? new Int16Array(states * width) : new Int32Array(states * width);
  const fail = new Int32Array(states);
  const final = new Uint8Array(states);
  const encode = (t: number): number => (final[t] === 1 ? -t : t);
  const out: number[][] = own.map((o) => [...o]);
  const order: number[] = [];
  const root = kids[0]!;
  for (let k = 0; k < root.length; k += 2) {
    const t = root[k + 1]!;
    final[t] = own[t]!.length > 0 ? 1 : 0;
    goto[root[k]!] = encode(t);
    order.push(t);
  }
  for (let q = 0; q < order.length; q++) {
    const s = order[q]!;
    const f = fail[s]!;
    if (out[f]!.length > 0) out[s]!.push(...out[f]!);
    goto.copyWithin(s * width, f * width, f * width + width);
    const list = kids[s]!;
    for (let k = 0; k < list.length; k += 2) {
      const col = list[k]!;
      const t = list[k + 1]!;
      const v = goto[f * width + col]!;
      const ft = v < 0 ? -v : v;
      fail[t] = ft;
      final[t] = own[t]!.length > 0 || final[ft] === 1 ? 1 : 0;
      goto[s * width + col] = encode(t);
      order.push(t);
    }
  }
  const outputStart = new Int32Array(states + 1);
  for (let s = 0; s < states; s++) outputStart[s + 1] = outputStart[s]! + out[s]!.length;
  const outputs = new Int32Array(outputStart[states]!);
  for (let s = 0; s < states; s++) outputs.set(out[s]!, outputStart[s]!);
  const delta = goto;
  return { columns, width, delta, outputStart, outputs };
}

/** Calls `onHit(literalIndex, end)` for every occurrence (end exclusive), in order of end position. */
export function scanAutomaton(
  a: Automaton,
  text: string,
  onHit: (literal: number, end: number) => void,
): void {
  const { columns, delta, width, outputStart, outputs } = a;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    let to = delta[state * width + columns[text.charCodeAt(i)]!]!;
    if (to < 0) {
      to = -to;
      for (let k = outputStart[to]!, e = outputStart[to + 1]!; k < e; k++) onHit(outputs[k]!, i + 1);
    }
    state = to;
  }
}
