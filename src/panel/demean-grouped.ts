/**
 * The exact two-way solve of demean.ts (large effect A, small effect B) for unweighted rows whose
 * A-groups are contiguous runs (codes non-decreasing). One sequential scan builds the concentrated
 * system M and, for every column at once, the unit means and the right-hand side; a second scan
 * over the codes alone gives the unit sums of gamma[b]. Every sum is taken in row order, as in
 * demean.ts's general path, so the coefficients are bit-for-bit the same.
 */
import { choleskyDrop, cholSolve } from "../stats/index.ts";
import type { Codes } from "./codes.ts";
import type { EffectCoefficients } from "./demean.ts";

export function twoWayGroupedCoefs(
  cols: readonly Float64Array[],
  A: Codes,
  B: Codes,
): EffectCoefficients[] {
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
  let s = 0;
  while (s < n) {
    const g = a[s];
    let e = s + 1;
    while (e < n && a[e] === g) e++;
    wA[g] = e - s;
    // M -= c_g c_g' / w_g, with c_g the unit's row count per period.
    let m = 0;
    for (let r = s; r < e; r++) {
      const t = b[r];
      if (ci[t] === 0) touched[m++] = t;
      ci[t] += 1;
    }
    // M is symmetric: only its lower triangle is accumulated (mirrored after the scan), each
    // cell receiving the same terms in the same order as the full update of demean.ts.
    const inv = 1 / wA[g];
    for (let p = 0; p < m; p++) {
      const tp = touched[p];
      const cp = ci[tp];
      for (let q = 0; q <= p; q++) {
        const tq = touched[q];
        const cell = tp >= tq ? tp * T + tq : tq * T + tp;
        M[cell] -= cp * ci[tq] * inv;
      }
    }
    for (let p = 0; p < m; p++) ci[touched[p]] = 0;
    for (let j = 0; j < K; j++) {
      const x = cols[j];
      const sb = sumsB[j];
      const rb = rj[j];
      // readable: alpha0 = mean(x[s:e]); sb[b[r]] += x[r]; rb[b[r]] += alpha0 (rows r in run)
      let q = 0;
      for (let r = s; r < e; r++) {
        q += x[r];
        sb[b[r]] += x[r];
      }
      const mean = q / wA[g];
      alphas[j][g] = mean;
      for (let r = s; r < e; r++) rb[b[r]] += mean;
    }
    s = e;
  }
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
  s = 0;
  while (s < n) {
    const g = a[s];
    let e = s + 1;
    while (e < n && a[e] === g) e++;
    for (let j = 0; j < K; j++) {
      const gamma = gammas[j];
      let q = 0;
      for (let r = s; r < e; r++) q += gamma[b[r]];
      alphas[j][g] -= q / wA[g];
    }
    s = e;
  }
  return cols.map((_, j) => ({ alpha: alphas[j], gamma: gammas[j] }));
}
