/**
 * The within transformation: residuals of each column after projecting out one or more fixed
 * effects, computed without dummy matrices.
 *
 * - one effect: closed form, x - group mean (two passes);
 * - two effects, one of them small (<= `exactMaxLevels` levels, e.g. years): exact. The small
 *   effect's coefficients solve a small system once the large one is concentrated out
 *   (diag(w_t) - sum_i c_i c_i' / w_i) gamma = D' W M_A x, so no iteration is needed;
 * - otherwise: alternating projections on the coefficients of the second effect, accelerated
 *   with Irons & Tuck (1969) extrapolation, stopped at a stated tolerance; non-convergence is
 *   reported with the iteration count, never returned as a fit.
 */
import { choleskyDrop, cholSolve } from "../stats/index.ts";
import type { Codes } from "./codes.ts";

export interface DemeanParams {
  /** Convergence tolerance on the largest change of a fixed-effect coefficient, relative to the column's scale. Default 1e-10. */
  tol?: number;
  /** Iteration cap for alternating projections. Default 10000 (as fixest's fixef.iter). */
  maxIter?: number;
  /** "auto" (default) picks the exact path when one of two effects is small; "iterate" forces alternating projections. */
  method?: "auto" | "exact" | "iterate";
  /** Largest number of levels for which the exact two-effect path is used. Default 1000. */
  exactMaxLevels?: number;
}

export interface DemeanResult {
  readonly out: Float64Array[];
  /** Iterations used per column (0 for closed forms). */
  readonly iterations: number[];
  readonly converged: boolean;
  readonly method: "none" | "one-way" | "two-way exact" | "alternating projections";
}

function groupWeights(fe: Codes, w: Float64Array | undefined): Float64Array {
  const s = new Float64Array(fe.nLevels);
  const c = fe.codes;
  if (w) for (let i = 0; i < c.length; i++) s[c[i]] += w[i];
  else for (let i = 0; i < c.length; i++) s[c[i]] += 1;
  return s;
}

/** Weighted group means of (x - offset[other]) into `mean_G`. */
function groupMeans(
  x_N: Float64Array,
  codes: Int32Array,
  wsum_G: Float64Array,
  w_N: Float64Array | undefined,
  mean_G: Float64Array,
  offset_L?: Float64Array,
  otherCodes?: Int32Array,
): void {
  mean_G.fill(0);
  const n = x_N.length;
  if (offset_L && otherCodes) {
    if (w_N)
      for (let i = 0; i < n; i++) mean_G[codes[i]] += w_N[i] * (x_N[i] - offset_L[otherCodes[i]]);
    else for (let i = 0; i < n; i++) mean_G[codes[i]] += x_N[i] - offset_L[otherCodes[i]];
  } else if (w_N) for (let i = 0; i < n; i++) mean_G[codes[i]] += w_N[i] * x_N[i];
  else for (let i = 0; i < n; i++) mean_G[codes[i]] += x_N[i];
  for (let g = 0; g < mean_G.length; g++) mean_G[g] /= wsum_G[g];
}

function oneWay(cols: Float64Array[], fe: Codes, w: Float64Array | undefined): Float64Array[] {
  const wsum = groupWeights(fe, w);
  const mean = new Float64Array(fe.nLevels);
  const c = fe.codes;
  return cols.map((x) => {
    groupMeans(x, c, wsum, w, mean);
    const out = new Float64Array(x.length);
    // for (i) out[i] = x[i] - mean[c[i]]
    for (let i = 0; i < x.length; i++) out[i] = x[i] - mean[c[i]];
    return out;
  });
}

/** Exact two-way: A = large effect, B = small effect. */
function twoWayExact(
  cols: Float64Array[],
  A: Codes,
  B: Codes,
  w: Float64Array | undefined,
): Float64Array[] {
  const n = A.codes.length;
  const T = B.nLevels;
  const wA = groupWeights(A, w);
  const wB = groupWeights(B, w);
  // Rows ordered by A (counting sort) to collect each unit's period weights c_i.
  const start = new Int32Array(A.nLevels + 1);
  for (let i = 0; i < n; i++) start[A.codes[i] + 1]++;
  for (let g = 0; g < A.nLevels; g++) start[g + 1] += start[g];
  const fill = start.slice(0, A.nLevels);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[A.codes[i]]++] = i;
  const M = new Float64Array(T * T);
  for (let t = 0; t < T; t++) M[t * T + t] = wB[t];
  const ci = new Float64Array(T);
  const touched = new Int32Array(T);
  for (let g = 0; g < A.nLevels; g++) {
    let m = 0;
    for (let p = start[g]; p < start[g + 1]; p++) {
      const r = order[p];
      const t = B.codes[r];
      if (ci[t] === 0) touched[m++] = t;
      ci[t] += w ? w[r] : 1;
    }
    const inv = 1 / wA[g];
    for (let a = 0; a < m; a++)
      for (let b = 0; b < m; b++) {
        const ta = touched[a];
        const tb = touched[b];
        M[ta * T + tb] -= ci[ta] * ci[tb] * inv;
      }
    for (let a = 0; a < m; a++) ci[touched[a]] = 0;
  }
  const chol = choleskyDrop(M, T, 1e-9);
  const r = chol.kept.length;
  const meanA = new Float64Array(A.nLevels);
  const gamma = new Float64Array(T);
  return cols.map((x) => {
    groupMeans(x, A.codes, wA, w, meanA);
    const rhs = new Float64Array(T);
    if (w) for (let i = 0; i < n; i++) rhs[B.codes[i]] += w[i] * (x[i] - meanA[A.codes[i]]);
    else for (let i = 0; i < n; i++) rhs[B.codes[i]] += x[i] - meanA[A.codes[i]];
    const sub = new Float64Array(r);
    for (let a = 0; a < r; a++) sub[a] = rhs[chol.kept[a]];
    const sol = cholSolve(chol.L, r, sub);
    gamma.fill(0);
    for (let a = 0; a < r; a++) gamma[chol.kept[a]] = sol[a];
    groupMeans(x, A.codes, wA, w, meanA, gamma, B.codes);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = x[i] - meanA[A.codes[i]] - gamma[B.codes[i]];
    return out;
  });
}

/** Alternating projections in the space of B's coefficients, with Irons-Tuck acceleration. */
function twoWayIterate(
  cols: Float64Array[],
  A: Codes,
  B: Codes,
  w: Float64Array | undefined,
  tol: number,
  maxIter: number,
): { out: Float64Array[]; iterations: number[]; converged: boolean } {
  const n = A.codes.length;
  const wA = groupWeights(A, w);
  const wB = groupWeights(B, w);
  const alpha = new Float64Array(A.nLevels);
  const iterations: number[] = [];
  let converged = true;
  const sweep = (x: Float64Array, g: Float64Array, out: Float64Array): void => {
    groupMeans(x, A.codes, wA, w, alpha, g, B.codes);
    groupMeans(x, B.codes, wB, w, out, alpha, A.codes);
  };
  const out = cols.map((x) => {
    let scale = 0;
    for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(x[i]));
    const eps = tol * Math.max(scale, 1e-300);
    let g0 = new Float64Array(B.nLevels);
    let g1 = new Float64Array(B.nLevels);
    let g2 = new Float64Array(B.nLevels);
    let it = 0;
    let done = false;
    while (it < maxIter) {
      sweep(x, g0, g1);
      sweep(x, g1, g2);
      it += 2;
      let maxd = 0;
      let num = 0;
      let den = 0;
      for (let t = 0; t < g0.length; t++) {
        const d1 = g2[t] - g1[t];
        const d2 = d1 - (g1[t] - g0[t]);
        num += d1 * d2;
        den += d2 * d2;
        maxd = Math.max(maxd, Math.abs(d1));
      }
      if (maxd <= eps) {
        done = true;
        g0 = g2;
        break;
      }
      const step = den > 0 ? num / den : 0;
      for (let t = 0; t < g0.length; t++) g0[t] = g2[t] - step * (g2[t] - g1[t]);
      [g1, g2] = [g2, g1];
    }
    iterations.push(it);
    if (!done) converged = false;
    groupMeans(x, A.codes, wA, w, alpha, g0, B.codes);
    const res = new Float64Array(n);
    for (let i = 0; i < n; i++) res[i] = x[i] - alpha[A.codes[i]] - g0[B.codes[i]];
    return res;
  });
  return { out, iterations, converged };
}

/** Projects the fixed effects `fe` out of every column. */
export function demean(
  cols: readonly Float64Array[],
  fe: readonly Codes[],
  w: Float64Array | undefined,
  params: DemeanParams = {},
): DemeanResult {
  const list = [...cols];
  if (fe.length === 0) {
    return { out: list, iterations: list.map(() => 0), converged: true, method: "none" };
  }
  if (fe.length === 1) {
    return {
      out: oneWay(list, fe[0], w),
      iterations: list.map(() => 0),
      converged: true,
      method: "one-way",
    };
  }
  if (fe.length > 2) throw new RangeError("at most two absorbed fixed effects are supported");
  const [big, small] = fe[0].nLevels >= fe[1].nLevels ? [fe[0], fe[1]] : [fe[1], fe[0]];
  const method = params.method ?? "auto";
  if (
    method === "exact" ||
    (method === "auto" && small.nLevels <= (params.exactMaxLevels ?? 1000))
  ) {
    return {
      out: twoWayExact(list, big, small, w),
      iterations: list.map(() => 0),
      converged: true,
      method: "two-way exact",
    };
  }
  const r = twoWayIterate(list, big, small, w, params.tol ?? 1e-10, params.maxIter ?? 10000);
  return { ...r, method: "alternating projections" };
}
