/**
 * The trie of an automaton's literals, over their columns (see aho-corasick.ts), with its failure links:
 * states numbered breadth first, the literals ending at each, and the edges twice, in a hash of (state,
 * column) for lookups and as a list of children per state for writing a state's row. Typed arrays only:
 * it is built on every compile, before V8 has optimised anything, and on some machines each fresh page
 * of memory costs about 10 us (a cold compile touched some 3,300), so it writes only what the literals
 * make.
 */
import { PatternError } from '../errors.js';

export interface Trie {
  readonly states: number;
  /** Per state: the column of the edge into it (below 256: there are at most 153 columns). */
  readonly edge: Uint8Array;
  /** Per state: its first child and its next sibling (0: none; the root is nobody's child). */
  readonly firstChild: Int32Array;
  readonly nextSibling: Int32Array;
  /** Per state: its failure state, the longest proper suffix of its path that is a state too. */
  readonly fail: Int32Array;
  /** Per state: 1 when a literal ends there or at its failure state (so some literal ends at its end). */
  readonly final: Uint8Array;
  /** Per state: the literals ending there, as a list through `nextOwn` (literal index + 1; 0 ends it). */
  readonly ownHead: Int32Array;
  readonly nextOwn: Int32Array;
}

// Fibonacci hashing: the high bits of key * 2^32 / phi, as many as the table's size takes (the low bits
// of an edge key are its column's, and repeat across states).
const slotOf = (key: number, shift: number): number => Math.imul(key, 0x9e3779b1) >>> shift;
/** The hash key of the edge from `state` along `column` (0 marks a free slot). */
const edgeKey = (state: number, column: number): number => (state << 8) + column + 1;

/** Puts `key` -> `child` in the first free slot from its own (linear probing; the table has room). */
function insertEdge(keys: Int32Array, children: Int32Array, shift: number, key: number, child: number): void {
  let slot = slotOf(key, shift);
  while (keys[slot] !== 0) slot = (slot + 1) & (keys.length - 1);
  keys[slot] = key;
  children[slot] = child;
}

/**
 * Builds the trie of `literals` (distinct, non-empty), each character read through `columns`, level by
 * level: a state's failure state is shallower than the state, so its children are all made by the time
 * the state's own children need them.
 */
export function buildTrie(literals: readonly string[], columns: Uint16Array): Trie {
  // Sized for every character of every literal (the states are counted only by building); the unused
  // ends are never written, and 0 means none throughout, so nothing needs filling.
  let capacity = 1;
  for (let i = 0; i < literals.length; i++) capacity += literals[i]!.length;
  // Edge keys are 32-bit, room for 2^23 states; the built-in database's literals are 100,000 characters.
  if (capacity >= 1 << 23)
    throw new PatternError(
      'FLAKESTORM_PATTERN_INVALID',
      `the patterns' literals add up to ${capacity} characters, over the 8,388,607 one database can hold; split the database`,
    );
  const edge = new Uint8Array(capacity);
  const firstChild = new Int32Array(capacity);
  const nextSibling = new Int32Array(capacity);
  const fail = new Int32Array(capacity);
  const final = new Uint8Array(capacity);
  const ownHead = new Int32Array(capacity);
  const nextOwn = new Int32Array(literals.length);
  // Slots for about half the characters: shared prefixes leave fewer states than characters (32,403 for
  // 81,707 in the built-in database), and a table that must grow leaves its smaller copies behind.
  let slots = 1024;
  while (slots < capacity / 2) slots *= 2;
  let keys = new Int32Array(slots);
  let children = new Int32Array(slots);
  let shift = Math.clz32(slots) + 1;
  /** The child of `state` along `column`, or 0. */
  const childOf = (state: number, column: number): number => {
    const key = edgeKey(state, column);
    for (let slot = slotOf(key, shift); ; slot = (slot + 1) & (slots - 1)) {
      const k = keys[slot]!;
      if (k === key) return children[slot]!;
      if (k === 0) return 0;
    }
  };
  // Per literal, the state its prefix read so far ends in; the literals still longer than the depth.
  const at = new Int32Array(literals.length);
  const active = new Int32Array(literals.length);
  for (let k = 0; k < literals.length; k++) active[k] = k;
  let activeCount = literals.length;
  let states = 1;
  for (let depth = 0; activeCount > 0; depth++) {
    let kept = 0;
    for (let k = 0; k < activeCount; k++) {
      const index = active[k]!;
      const lit = literals[index]!;
      const s = at[index]!;
      const column = columns[lit.charCodeAt(depth)]!;
      let child = childOf(s, column);
      if (child === 0) {
        child = states++;
        edge[child] = column;
        nextSibling[child] = firstChild[s]!;
        firstChild[s] = child;
        insertEdge(keys, children, shift, edgeKey(s, column), child);
        if (depth > 0) {
          // The failure state: the child along `column` of the nearest failure state of `s` that has one.
          let f = fail[s]!;
          let to = childOf(f, column);
          while (to === 0 && f !== 0) {
            f = fail[f]!;
            to = childOf(f, column);
          }
          fail[child] = to;
          final[child] = final[to]!;
        }
        // At most three quarters full: probes stay short.
        if (4 * states > 3 * slots) {
          const oldKeys = keys;
          const oldChildren = children;
          slots *= 2;
          keys = new Int32Array(slots);
          children = new Int32Array(slots);
          shift = Math.clz32(slots) + 1;
          for (let old = 0; old < oldKeys.length; old++)
            if (oldKeys[old] !== 0) insertEdge(keys, children, shift, oldKeys[old]!, oldChildren[old]!);
        }
      }
      at[index] = child;
      if (lit.length === depth + 1) {
        nextOwn[index] = ownHead[child]!;
        ownHead[child] = index + 1;
        final[child] = 1;
      } else active[kept++] = index;
    }
    activeCount = kept;
  }
  return { states, edge, firstChild, nextSibling, fail, final, ownHead, nextOwn };
}
