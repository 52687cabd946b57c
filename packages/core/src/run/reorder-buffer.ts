/**
 * Holds results that finished early until every lower index has finished, then releases them in index
 * order. Workers ask for room before starting a case, which bounds what the buffer can hold.
 */
export interface ReorderBuffer<T> {
  /** Stores the item of `index`, releasing it and any items it unblocks. */
  put(index: number, item: T): void;
  /** Marks `index` as never coming (an interrupted case), unblocking later items. */
  skip(index: number): void;
  /** Resolves once `index` is within `window` of the next index to release (or on `wake`). */
  waitForRoom(index: number): Promise<void>;
  /** Releases every waiting worker (used on cancellation). */
  wake(): void;
  /** Releases everything held, in order, skipping gaps (end of an interrupted run). */
  flush(): void;
  readonly next: number;
  readonly size: number;
  readonly peak: number;
}

/** Creates a reorder buffer releasing items to `release` in index order, from index 0. */
export function createReorderBuffer<T>(window: number, release: (item: T) => void): ReorderBuffer<T> {
  const held = new Map<number, T | null>();
  let next = 0;
  let peak = 0;
  let waiters: Array<{ index: number; resolve: () => void }> = [];

  const drain = () => {
    while (held.has(next)) {
      const item = held.get(next);
      held.delete(next);
      next++;
      if (item !== null && item !== undefined) release(item);
    }
    if (waiters.length > 0) {
      const still: typeof waiters = [];
      for (const waiter of waiters) {
        if (waiter.index < next + window) waiter.resolve();
        else still.push(waiter);
      }
      waiters = still;
    }
  };

  return {
    put(index, item) {
      held.set(index, item);
      drain();
      if (held.size > peak) peak = held.size;
    },
    skip(index) {
      held.set(index, null);
      drain();
    },
    waitForRoom(index) {
      if (index < next + window) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ index, resolve }));
    },
    wake() {
      for (const waiter of waiters) waiter.resolve();
      waiters = [];
    },
    flush() {
      const indices = [...held.keys()].sort((a, b) => a - b);
      for (const index of indices) {
        const item = held.get(index);
        if (item !== null && item !== undefined) release(item);
      }
      held.clear();
      if (indices.length > 0) next = Math.max(next, (indices.at(-1) ?? 0) + 1);
    },
    get next() {
      return next;
    },
    get size() {
      return held.size;
    },
    get peak() {
      return peak;
    },
  };
}
