/**
 * Distribution functions used for inference, over @stdlib (which matches R to ~1e-15).
 */
import chisqCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import fCdf from "@stdlib/stats-base-dists-f-cdf";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

/** Two-sided p-value of a t statistic; `df = Infinity` uses the normal distribution. */
export function pTwoSided(t: number, df: number): number {
  if (!Number.isFinite(df)) return 2 * normalCdf(-Math.abs(t), 0, 1);
  return 2 * tCdf(-Math.abs(t), df);
}

/**
 * Upper-tail p-value of a chi-square statistic. For integer df the closed-form series is used so
 * that tiny p-values keep their relative precision (1 - cdf would round them to 0 or to 1e-16).
 */
export function pChisqUpper(x: number, df: number): number {
  if (!(x > 0)) return 1;
  if (!Number.isInteger(df) || df > 200) return 1 - chisqCdf(x, df);
  if (df % 2 === 0) {
    let term = Math.exp(-x / 2);
    let sum = term;
    for (let j = 1; j < df / 2; j++) {
      term *= x / 2 / j;
      sum += term;
    }
    return sum;
  }
  const r = Math.sqrt(x);
  const dens = Math.exp(-x / 2) / Math.sqrt(2 * Math.PI);
  let sum = 2 * normalCdf(-r, 0, 1);
  let term = r;
  for (let j = 1; j <= (df - 1) / 2; j++) {
    if (j > 1) term *= x / (2 * j - 1);
    sum += 2 * dens * term;
  }
  return sum;
}

/** Upper-tail p-value of an F statistic, P(F(d1,d2) > x) = P(F(d2,d1) < 1/x), without cancellation. */
export function pFUpper(x: number, df1: number, df2: number): number {
  if (!(x > 0)) return 1;
  return fCdf(1 / x, df2, df1);
}

/** Quantile of the t distribution (normal when df is infinite). */
export function qt(p: number, df: number): number {
  return Number.isFinite(df) ? tQuantile(p, df) : normalQuantile(p, 0, 1);
}

export function pnorm(x: number): number {
  return normalCdf(x, 0, 1);
}

export function qnorm(p: number): number {
  return normalQuantile(p, 0, 1);
}
