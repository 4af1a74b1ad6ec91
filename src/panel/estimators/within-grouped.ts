/**
 * One-way within moments when each unit's rows are contiguous (the usual panel layout, and what
 * the codes of such a file look like: non-decreasing). The group means then come from runs of
 * rows instead of a scatter over the codes, so each column is read from memory once: a chunk of
 * whole groups is demeaned while it sits in cache and its cross-products are accumulated at once.
 * The means are the same sums in the same order as demean.ts's, so x̃ is bit-for-bit the same.
 */

import type { Moments } from "./within-moments.ts";
import { dot, dotOff } from "./within-moments.ts";

/** Rows per chunk before it is extended to the end of the group it stops in. */
const CHUNK = 2048;

/** True when codes never decrease, i.e. every group's rows are one contiguous run. */
export function groupedRuns(codes: Int32Array): boolean {
  for (let i = 1; i < codes.length; i++) if (codes[i] < codes[i - 1]) return false;
  return true;
}

/**
 * out[r - off] = x[r] - mean of x over r's run, for rows [s, e) that hold whole runs. Stores each
 * run's mean in means[code] and length in counts[code] when given, and adds the run sums q and
 * q * mean (the between part of x'x) to acc[0] and acc[1].
 */
function demeanRuns(
  x: Float64Array,
  out: Float64Array,
  off: number,
  s: number,
  e: number,
  codes: Int32Array,
  acc: Float64Array,
  means: Float64Array | undefined,
  counts: Int32Array | undefined,
): void {
  let i = s;
  let sq = 0;
  let sqm = 0;
  while (i < e) {
    const g = codes[i];
    let j = i;
    let q = 0;
    while (j < e && codes[j] === g) q += x[j++];
    const m = q / (j - i);
    if (means) means[g] = m;
    if (counts) counts[g] = j - i;
    sq += q;
    sqm += q * m;
    for (let r = i; r < j; r++) out[r - off] = x[r] - m;
    i = j;
  }
  acc[0] += sq;
  acc[1] += sqm;
}

/**
 * One pass over the rows: writes X̃ (new arrays), accumulates X̃'X̃ (lower triangle), X̃'ỹ and
 * ỹ'ỹ; returns the unit means of y (needed again for the residuals). The raw moments x'x and the
 * total sum of squares of y follow from the within/between split (x'x = x̃'x̃ + sum_g n_g m_g^2),
 * so the raw columns are not read a second time.
 */
export function groupedMoments(
  y: Float64Array,
  X: readonly Float64Array[],
  codes: Int32Array,
  nLevels: number,
): { moments: Moments; alphaY: Float64Array; tssOverall: number } {
  const n = y.length;
  const k = X.length;
  const Xt = X.map(() => new Float64Array(n));
  const XtX = new Float64Array(k * k);
  const Xty = new Float64Array(k);
  const accY = new Float64Array(2);
  const acc = X.map(() => new Float64Array(2));
  const alphaY = new Float64Array(nLevels);
  const countY = new Int32Array(nLevels);
  let yb = new Float64Array(CHUNK);
  let yty = 0;
  let s = 0;
  while (s < n) {
    let e = Math.min(n, s + CHUNK);
    while (e < n && codes[e] === codes[e - 1]) e++;
    if (e - s > yb.length) yb = new Float64Array(e - s);
    demeanRuns(y, yb, s, s, e, codes, accY, alphaY, countY);
    yty += dotOff(yb, yb, 0, 0, e - s);
    for (let p = 0; p < k; p++) {
      const tp = Xt[p];
      demeanRuns(X[p], tp, 0, s, e, codes, acc[p], undefined, undefined);
      Xty[p] += dotOff(tp, yb, s, s, e);
      for (let q = 0; q <= p; q++) XtX[p * k + q] += dot(tp, Xt[q], s, e);
    }
    s = e;
  }
  const sx = Float64Array.from(acc, (a) => a[0]);
  const sxx = Float64Array.from(acc, (a, p) => XtX[p * k + p] + a[1]);
  // Total SS of y about its mean = within part + sum_g n_g (mean_g - mean)^2.
  const ybar = accY[0] / n;
  let between = 0;
  for (let g = 0; g < nLevels; g++) {
    const d = alphaY[g] - ybar;
    between += countY[g] * d * d;
  }
  return {
    moments: { Xt, XtX, Xty, yty, sw: n, sx, sxx },
    alphaY,
    tssOverall: yty + between,
  };
}
