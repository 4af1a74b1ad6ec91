/**
 * One-way within moments when each unit's rows are contiguous (the usual panel layout, and what
 * the codes of such a file look like: non-decreasing). The group means then come from runs of
 * rows instead of a scatter over the codes, so each column is read from memory once: a chunk of
 * whole groups is demeaned while it sits in cache and its cross-products are accumulated at once.
 * The means are the same sums in the same order as demean.ts's, so x̃ is bit-for-bit the same.
 */

import type { Moments } from "./within-moments.ts";
import { dot, dotOff, sum } from "./within-moments.ts";

/** Rows per chunk before it is extended to the end of the group it stops in. */
const CHUNK = 2048;

/** True when codes never decrease, i.e. every group's rows are one contiguous run. */
export function groupedRuns(codes: Int32Array): boolean {
  for (let i = 1; i < codes.length; i++) if (codes[i] < codes[i - 1]) return false;
  return true;
}

/**
 * out[r - off] = x[r] - mean of x over r's run, for rows [s, e) that hold whole runs; stores each
 * run's mean in means[code] when given.
 */
function demeanRuns(
  x: Float64Array,
  out: Float64Array,
  off: number,
  s: number,
  e: number,
  codes: Int32Array,
  means: Float64Array | undefined,
): void {
  let i = s;
  while (i < e) {
    const g = codes[i];
    let j = i;
    let q = 0;
    while (j < e && codes[j] === g) q += x[j++];
    const m = q / (j - i);
    if (means) means[g] = m;
    for (let r = i; r < j; r++) out[r - off] = x[r] - m;
    i = j;
  }
}

/**
 * One pass over the rows: writes X̃ (new arrays), accumulates X̃'X̃ (lower triangle), X̃'ỹ, ỹ'ỹ
 * and the raw moments of each x; returns the unit means of y (needed again for the residuals).
 */
export function groupedMoments(
  y: Float64Array,
  X: readonly Float64Array[],
  codes: Int32Array,
  nLevels: number,
): { moments: Moments; alphaY: Float64Array } {
  const n = y.length;
  const k = X.length;
  const Xt = X.map(() => new Float64Array(n));
  const XtX = new Float64Array(k * k);
  const Xty = new Float64Array(k);
  const sx = new Float64Array(k);
  const sxx = new Float64Array(k);
  const alphaY = new Float64Array(nLevels);
  let yb = new Float64Array(CHUNK);
  let yty = 0;
  let s = 0;
  while (s < n) {
    let e = Math.min(n, s + CHUNK);
    while (e < n && codes[e] === codes[e - 1]) e++;
    if (e - s > yb.length) yb = new Float64Array(e - s);
    demeanRuns(y, yb, s, s, e, codes, alphaY);
    yty += dotOff(yb, yb, 0, 0, e - s);
    for (let p = 0; p < k; p++) {
      const xp = X[p];
      const tp = Xt[p];
      demeanRuns(xp, tp, 0, s, e, codes, undefined);
      sx[p] += sum(xp, s, e);
      sxx[p] += dot(xp, xp, s, e);
      Xty[p] += dotOff(tp, yb, s, s, e);
      for (let q = 0; q <= p; q++) XtX[p * k + q] += dot(tp, Xt[q], s, e);
    }
    s = e;
  }
  return { moments: { Xt, XtX, Xty, yty, sw: n, sx, sxx }, alphaY };
}
