/** A 95% (by default) confidence interval of a pass rate. */
export interface WilsonInterval {
  low: number;
  high: number;
}

/**
 * Wilson score interval of `passed` successes in `n` trials. Unlike the normal approximation it stays
 * inside [0, 1] and is sensible for the small `repeat` counts users run (3, 5, 10).
 */
export function wilsonInterval(passed: number, n: number, z = 1.96): WilsonInterval {
  if (!Number.isFinite(n) || n <= 0) return { low: 0, high: 1 };
  const k = Math.min(Math.max(passed, 0), n);
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const margin = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // Clamp float noise: at p = 0 the low bound is exactly 0, at p = 1 the high bound exactly 1.
  return {
    low: k === 0 ? 0 : Math.max(0, centre - margin),
    high: k === n ? 1 : Math.min(1, centre + margin),
  };
}
