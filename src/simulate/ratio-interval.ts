/**
 * A ratio of two means over replications (spend per additional exporter-year, deadweight among
 * supported firm-years) with Fieller's (1954) 95% interval. The mean of per-replication ratios
 * that this replaces is biased when the denominator is small and noisy, is undefined as soon as
 * one replication adds no exporter, and gives a symmetric interval that can cross zero; cost-
 * effectiveness work uses the ratio of means with Fieller's interval instead (Willan & O'Brien
 * 1996). When the denominator's own interval reaches zero the ratio has no upper bound, and the
 * interval says so rather than inventing one.
 */
import { qt } from "../stats/index.ts";
import type { Interval } from "./reducers.ts";

export interface RatioInterval extends Interval {
  /**
   * Whether [lo, hi] is finite. False when the denominator's mean cannot be told from zero at
   * the 95% level: then `hi` is +Infinity (JSON null) and `lo` the least ratio the replications
   * allow (-Infinity when they allow any), or both NaN when the ratio itself is undefined.
   */
  bounded: boolean;
}

const undefinedRatio = (n: number): RatioInterval => ({
  mean: Number.NaN,
  lo: Number.NaN,
  hi: Number.NaN,
  sd: Number.NaN,
  n,
  bounded: false,
});

/**
 * mean(num) / mean(den) over paired replications, defined when mean(den) > 0. The interval is
 * the set of ratios R for which mean(num) - R mean(den) is within its 95% t interval of zero
 * (n - 1 degrees of freedom, the replications' variances and covariance); `sd` is the
 * delta-method standard deviation of one replication's ratio, on the scale of Interval.sd.
 */
export function ratioInterval(num: readonly number[], den: readonly number[]): RatioInterval {
  const n = num.length;
  if (den.length !== n) throw new RangeError("ratioInterval needs one denominator per numerator");
  if (n === 0) return undefinedRatio(0);
  let b = 0;
  let a = 0;
  for (let k = 0; k < n; k++) {
    b += num[k];
    a += den[k];
  }
  b /= n;
  a /= n;
  if (!(a > 0) || !Number.isFinite(b)) return undefinedRatio(n);
  const r = b / a;
  // One replication gives the ratio but no interval (as meanInterval).
  if (n === 1)
    return { mean: r, lo: Number.NaN, hi: Number.NaN, sd: Number.NaN, n, bounded: false };
  let sbb = 0;
  let saa = 0;
  let sab = 0;
  for (let k = 0; k < n; k++) {
    const db = num[k] - b;
    const da = den[k] - a;
    sbb += db * db;
    saa += da * da;
    sab += db * da;
  }
  sbb /= n - 1;
  saa /= n - 1;
  sab /= n - 1;
  const sd = Math.sqrt(Math.max(0, sbb - 2 * r * sab + r * r * saa)) / a;
  // (b - R a)^2 <= t^2 Var(b - R a), with the variances of the means: A R^2 - 2 B R + C <= 0.
  const t2 = qt(0.975, n - 1) ** 2 / n;
  const A = a * a - t2 * saa;
  const B = a * b - t2 * sab;
  const C = b * b - t2 * sbb;
  const disc = B * B - A * C;
  const root = Math.sqrt(Math.max(0, disc));
  if (A > 0) return { mean: r, lo: (B - root) / A, hi: (B + root) / A, sd, n, bounded: true };
  // The denominator is not distinguishable from zero: the set is unbounded, two rays (or the whole
  // line); report the ray that holds the estimate.
  const ray = (lo: number, hi: number): RatioInterval => ({
    mean: r,
    lo,
    hi,
    sd,
    n,
    bounded: false,
  });
  const { NEGATIVE_INFINITY: below, POSITIVE_INFINITY: above } = Number;
  if (A === 0) {
    if (B === 0) return ray(below, above);
    const edge = C / (2 * B);
    return B > 0 ? ray(edge, above) : ray(below, edge);
  }
  if (disc <= 0) return ray(below, above);
  const upper = Math.max((B + root) / A, (B - root) / A);
  const lower = Math.min((B + root) / A, (B - root) / A);
  return r >= upper ? ray(upper, above) : ray(below, lower);
}
