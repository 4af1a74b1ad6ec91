/**
 * The exact two-way solve of demean.ts (large effect A, small effect B) for unweighted rows whose
 * A-groups are contiguous runs (codes non-decreasing). One sequential scan builds the concentrated
 * system M and, for every column at once, the unit means and the right-hand side; a second scan
 * over the codes alone gives the unit sums of gamma[b]. The column sums are taken in row order,
 * as in demean.ts's general path; M is summed per pattern of periods (count / n once rather than
 * 1 / n count times), so it may differ from the general path in the last bits only. The total
 * sum of squares of the first column (the response) comes out of the same scan.
 */
import { choleskyDrop, cholSolve } from "../stats/index.ts";
import type { Codes } from "./codes.ts";
import type { EffectCoefficients } from "./demean.ts";
import { MASK_PERIODS, patternSystem, periodMask, unitSystem } from "./period-system.ts";

/** End of the run of equal codes starting at s. */
function runEnd(a: Int32Array, s: number, n: number): number {
  const g = a[s];
  let e = s + 1;
  while (e < n && a[e] === g) e++;
  return e;
}

/** readable: mean = mean(x[s:e]); sb[b[r]] += x[r]; rb[b[r]] += mean (rows r of the unit). */
function unitSums(
  x: Float64Array,
  b: Int32Array,
  s: number,
  e: number,
  sb: Float64Array,
  rb: Float64Array,
): number {
  let q = 0;
  for (let r = s; r < e; r++) {
    const v = x[r];
    q += v;
    sb[b[r]] += v;
  }
  const mean = q / (e - s);
  for (let r = s; r < e; r++) rb[b[r]] += mean;
  return mean;
}

/** sum of (x[r] - mean)^2 over rows [s, e). */
function unitSS(x: Float64Array, s: number, e: number, mean: number): number {
  let q = 0;
  for (let r = s; r < e; r++) {
    const d = x[r] - mean;
    q += d * d;
  }
  return q;
}

/** sum of gamma[b[r]] over rows [s, e). */
function unitGamma(gamma: Float64Array, b: Int32Array, s: number, e: number): number {
  let q = 0;
  for (let r = s; r < e; r++) q += gamma[b[r]];
  return q;
}

export function twoWayGroupedCoefs(
  cols: readonly Float64Array[],
  A: Codes,
  B: Codes,
): { coefs: EffectCoefficients[]; tssFirst: number } {
  const n = A.codes.length;
  const G = A.nLevels;
  const T = B.nLevels;
  const K = cols.length;
  const a = A.codes;
  const b = B.codes;
  const wA = new Float64Array(G);
  const wB = new Float64Array(T);
  for (let i = 0; i < n; i++) wB[b[i]] += 1;
  const M = new Float64Array(T * T);
  for (let t = 0; t < T; t++) M[t * T + t] = wB[t];
  const alphas = cols.map(() => new Float64Array(G));
  // sumsB[j][t] = sum of x_j over period t; rj[j][t] = sum of unit mean of x_j over period t.
  const sumsB = cols.map(() => new Float64Array(T));
  const rj = cols.map(() => new Float64Array(T));
  const ci = new Float64Array(T);
  const touched = new Int32Array(T);
  let withinFirst = 0;
  // Units whose periods are distinct (the usual case) only record their period set; the rest
  // (repeated periods, or more than 30 of them) update M directly.
  const patterns = new Map<number, number>();
  const masks = T <= MASK_PERIODS;
  for (let s = 0; s < n; ) {
    const e = runEnd(a, s, n);
    const g = a[s];
    wA[g] = e - s;
    const mask = masks ? periodMask(b, s, e) : -1;
    if (mask >= 0) patterns.set(mask, (patterns.get(mask) ?? 0) + 1);
    else unitSystem(b, s, e, ci, touched, M, 0, T);
    for (let j = 0; j < K; j++) alphas[j][g] = unitSums(cols[j], b, s, e, sumsB[j], rj[j]);
    // The first column's spread about its unit means, while the run is in cache.
    if (K > 0) withinFirst += unitSS(cols[0], s, e, alphas[0][g]);
    s = e;
  }
  // Total SS of the first column about its mean = within-unit part + sum_g n_g (mean_g - mean)^2.
  let tssFirst = 0;
  if (K > 0) {
    let total = 0;
    for (let t = 0; t < T; t++) total += sumsB[0][t];
    const mean = total / n;
    let between = 0;
    for (let g = 0; g < G; g++) {
      const d = alphas[0][g] - mean;
      between += wA[g] * d * d;
    }
    tssFirst = withinFirst + between;
  }
  patternSystem(patterns, M, T);
  for (let p = 0; p < T; p++) for (let q = 0; q < p; q++) M[q * T + p] = M[p * T + q];
  const chol = choleskyDrop(M, T, 1e-9);
  const r = chol.kept.length;
  const gammas = cols.map((_, j) => {
    const sub = new Float64Array(r);
    for (let q = 0; q < r; q++) sub[q] = sumsB[j][chol.kept[q]] - rj[j][chol.kept[q]];
    const sol = cholSolve(chol.L, r, sub);
    const gamma = new Float64Array(T);
    for (let q = 0; q < r; q++) gamma[chol.kept[q]] = sol[q];
    return gamma;
  });
  // alpha_g = mean_g(x) - (sum over g's rows of gamma[b]) / w_g, all columns in one scan.
  for (let s = 0; s < n; ) {
    const e = runEnd(a, s, n);
    const g = a[s];
    for (let j = 0; j < K; j++) alphas[j][g] -= unitGamma(gammas[j], b, s, e) / wA[g];
    s = e;
  }
  return { coefs: cols.map((_, j) => ({ alpha: alphas[j], gamma: gammas[j] })), tssFirst };
}
