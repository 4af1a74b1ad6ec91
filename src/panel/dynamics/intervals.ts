import { qnorm } from "../../stats/index.ts";

/** How the 95% (or other level) intervals of transition probabilities are built. */
export type ProportionInterval = "wilson" | "goodman";

/**
 * Interval for each cell proportion c_j / n of one row (counts may be weighted: they are read
 * as frequency weights, so n is the weighted row total).
 *
 * - `wilson`: Wilson (1927) score interval per cell, pointwise at `level` (R's
 *   `prop.test(correct = FALSE)`).
 * - `goodman`: Goodman (1965) simultaneous intervals for the K cells of a multinomial row:
 *   the score interval with chi-square(1) quantile at 1 - (1 - level) / K, so that all K
 *   intervals hold jointly at `level`.
 *
 * Rows with n = 0 get NaN bounds.
 */
export function rowIntervals(
  counts: ArrayLike<number>,
  level: number,
  method: ProportionInterval,
): { lower: number[]; upper: number[] } {
  const K = counts.length;
  let n = 0;
  for (let j = 0; j < K; j++) n += counts[j];
  const alpha = 1 - level;
  const z = method === "wilson" ? qnorm(1 - alpha / 2) : qnorm(1 - alpha / (2 * K));
  const lower: number[] = new Array(K);
  const upper: number[] = new Array(K);
  for (let j = 0; j < K; j++) {
    const [lo, hi] = scoreInterval(counts[j], n, z);
    lower[j] = lo;
    upper[j] = hi;
  }
  return { lower, upper };
}

/** Score interval for c successes out of n: roots of (p - c/n)^2 = z^2 p (1 - p) / n. */
export function scoreInterval(c: number, n: number, z: number): [number, number] {
  if (!(n > 0)) return [Number.NaN, Number.NaN];
  const p = c / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
