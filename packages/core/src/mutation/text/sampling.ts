import type { Random } from '../../random.js';

/**
 * Yields 0..size-1 in a seeded random order, lazily (a sparse Fisher-Yates): taking k indexes of a space of
 * millions costs O(k), so types can enumerate template x payload products without building them.
 */
export function* shuffledIndexes(random: Random, size: number): Generator<number> {
  const swapped = new Map<number, number>();
  for (let i = 0; i < size; i++) {
    const j = i + random.int(size - i);
    const atJ = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    yield atJ;
  }
}

/** Splits one index of a product space into one index per dimension (mixed radix). */
export function splitIndex(index: number, sizes: readonly number[]): number[] {
  const parts: number[] = [];
  let rest = index;
  for (const size of sizes) {
    parts.push(rest % size);
    rest = Math.floor(rest / size);
  }
  return parts;
}

/** Product of dimension sizes (0 when any is empty). */
export function spaceSize(sizes: readonly number[]): number {
  return sizes.reduce((a, b) => a * b, 1);
}

/** Reads an option as a list of strings (a single string counts as a one-element list). */
export function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return undefined;
}

/** Reads a numeric option, falling back when absent or not a finite number. */
export function numberOption(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
