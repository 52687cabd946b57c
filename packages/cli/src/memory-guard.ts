import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Checks memory now and then and asks V8 for a full collection when the process grows past a budget. */
export interface MemoryGuard {
  /** Call once per completed case; cheap (it looks at memory every `everyCases` calls). */
  tick(): void;
}

let cachedGc: (() => void) | undefined | null;

// V8 lets old space fill with garbage long before collecting it (its limit is sized from the machine's
// memory), so a long run's RSS climbs although its live heap stays flat. Exposing gc at run time is the
// one way to bound that from inside the process without a relaunch with --max-old-space-size.
function exposeGc(): (() => void) | undefined {
  if (cachedGc !== undefined) return cachedGc ?? undefined;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    cachedGc = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    cachedGc = null;
  }
  return cachedGc ?? undefined;
}

/** Creates a guard: when RSS exceeds `budgetMb`, a full GC runs (at most once per `everyCases` cases). */
export function createMemoryGuard(options: { budgetMb?: number; everyCases?: number } = {}): MemoryGuard {
  const budget = (options.budgetMb ?? 150) * 1024 * 1024;
  const every = options.everyCases ?? 500;
  const gc = exposeGc();
  let count = 0;
  return {
    tick() {
      if (!gc || ++count % every !== 0) return;
      if (process.memoryUsage.rss() > budget) gc();
    },
  };
}
