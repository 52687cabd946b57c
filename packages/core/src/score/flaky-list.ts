import type { FlakyCase } from '../run/summary.js';

/** Keeps the flaky cases most worth a look: bounded, closest to a 50% pass rate first. */
export interface FlakyList {
  add(flaky: FlakyCase): void;
  list(): FlakyCase[];
  /** Cases offered so far, kept or not. */
  readonly seen: number;
  readonly size: number;
}

/**
 * Creates a bounded flaky list. A case near 0.5 is the least predictable, so it ranks first; ties keep
 * arrival (case) order, which keeps reports deterministic.
 */
export function createFlakyList(limit = 200): FlakyList {
  const kept: Array<{ flaky: FlakyCase; distance: number; order: number }> = [];
  let seen = 0;
  return {
    add(flaky) {
      const entry = { flaky, distance: Math.abs(flaky.passRate - 0.5), order: seen++ };
      if (limit <= 0) return;
      const worst = kept[kept.length - 1];
      if (kept.length >= limit && worst && worst.distance <= entry.distance) return;
      // Insertion into a short sorted array: O(limit) per flaky case, and flaky cases are rare.
      let at = kept.length;
      while (at > 0 && (kept[at - 1]?.distance ?? 0) > entry.distance) at--;
      kept.splice(at, 0, entry);
      if (kept.length > limit) kept.pop();
    },
    list: () => kept.map((entry) => ({ ...entry.flaky })),
    get seen() {
      return seen;
    },
    get size() {
      return kept.length;
    },
  };
}
