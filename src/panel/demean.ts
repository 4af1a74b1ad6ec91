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
import { twoWayGroupedCoefs } from "./demean-grouped.ts";

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

/**
 * Fixed-effect coefficients of one column: x̃_i = x_i - alpha[a_i] - gamma[b_i] (gamma only with
 * two effects). Kernels return coefficients, not N-length arrays, so that the caller can apply
 * them in one fused pass (see within.ts) instead of materialising every transformed column.
 */
export interface EffectCoefficients {
  readonly alpha: Float64Array;
  readonly gamma: Float64Array | undefined;
}

export interface Absorbed {
  readonly coefs: EffectCoefficients[];
  /** Codes of the effects alpha and gamma index (A = first, B = second). */
  readonly A: Codes | undefined;
  readonly B: Codes | undefined;
  readonly iterations: number[];
  readonly converged: boolean;
  readonly method: DemeanResult["method"];
  /** Total sum of squares of the first column about its mean, when the kernel had it for free. */
  readonly tssFirst?: number;
}

function oneWayCoefs(
  cols: Float64Array[],
  fe: Codes,
  w: Float64Array | undefined,
): EffectCoefficients[] {
  const wsum = groupWeights(fe, w);
  return cols.map((x) => {
    const mean = new Float64Array(fe.nLevels);
    groupMeans(x, fe.codes, wsum, w, mean);
    return { alpha: mean, gamma: undefined };
  });
}

/** True when codes are non-decreasing (rows grouped, groups in code order). */
function rowsInCodeOrder(codes: Int32Array): boolean {
  for (let i = 1; i < codes.length; i++) if (codes[i] < codes[i - 1]) return false;
  return true;
}

/** Weighted sums of x by both codings in one pass. */
function sumsTwo(
  x: Float64Array,
  a: Int32Array,
  b: Int32Array,
  w: Float64Array | undefined,
  sa: Float64Array,
  sb: Float64Array,
): void {
  const n = x.length;
  if (w)
    for (let i = 0; i < n; i++) {
      const v = w[i] * x[i];
      sa[a[i]] += v;
      sb[b[i]] += v;
    }
  else
    for (let i = 0; i < n; i++) {
      const v = x[i];
      sa[a[i]] += v;
      sb[b[i]] += v;
    }
}

/** Exact two-way: A = large effect, B = small effect. */
function twoWayExactCoefs(
  cols: Float64Array[],
  A: Codes,
  B: Codes,
  w: Float64Array | undefined,
): EffectCoefficients[] {
  const n = A.codes.length;
  const T = B.nLevels;
  const wA = groupWeights(A, w);
  const wB = groupWeights(B, w);
  // Rows ordered by A to collect each unit's period weights c_i: a counting sort, skipped when
  // each unit's rows are already contiguous with codes in order of appearance (the usual layout).
  const start = new Int32Array(A.nLevels + 1);
  for (let i = 0; i < n; i++) start[A.codes[i] + 1]++;
  for (let g = 0; g < A.nLevels; g++) start[g + 1] += start[g];
  let order: Int32Array | undefined;
  if (!rowsInCodeOrder(A.codes)) {
    const fill = start.slice(0, A.nLevels);
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[fill[A.codes[i]]++] = i;
  }
  const M = new Float64Array(T * T);
  for (let t = 0; t < T; t++) M[t * T + t] = wB[t];
  const ci = new Float64Array(T);
  const touched = new Int32Array(T);
  for (let g = 0; g < A.nLevels; g++) {
    let m = 0;
    for (let p = start[g]; p < start[g + 1]; p++) {
      const r = order ? order[p] : p;
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
  const a = A.codes;
  const b = B.codes;
  const K = cols.length;
  // Pass 1 (per column): unit means of x. The other two passes read only the codes, for all
  // columns at once: D_B'W(alpha[a]) for the right-hand side, then the unit sums of gamma[b].
  const alphas: Float64Array[] = [];
  const sumsB: Float64Array[] = [];
  for (const x of cols) {
    const sa = new Float64Array(A.nLevels);
    const sb = new Float64Array(T);
    sumsTwo(x, a, b, w, sa, sb);
    for (let g = 0; g < sa.length; g++) sa[g] /= wA[g];
    alphas.push(sa);
    sumsB.push(sb);
  }
  const rhs_KT = new Float64Array(K * T);
  for (let j = 0; j < K; j++) {
    const al = alphas[j];
    const rj = new Float64Array(T);
    if (w) for (let i = 0; i < n; i++) rj[b[i]] += w[i] * al[a[i]];
    else for (let i = 0; i < n; i++) rj[b[i]] += al[a[i]];
    for (let t = 0; t < T; t++) rhs_KT[j * T + t] = sumsB[j][t] - rj[t];
  }
  return cols.map((_, j) => {
    const sub = new Float64Array(r);
    for (let q = 0; q < r; q++) sub[q] = rhs_KT[j * T + chol.kept[q]];
    const sol = cholSolve(chol.L, r, sub);
    const gamma = new Float64Array(T);
    for (let q = 0; q < r; q++) gamma[chol.kept[q]] = sol[q];
    // alpha_g = mean_g(x) - (sum over g's rows of w gamma[b]) / w_g
    const alpha = alphas[j];
    const sg = new Float64Array(A.nLevels);
    if (w) for (let i = 0; i < n; i++) sg[a[i]] += w[i] * gamma[b[i]];
    else for (let i = 0; i < n; i++) sg[a[i]] += gamma[b[i]];
    for (let g = 0; g < alpha.length; g++) alpha[g] -= sg[g] / wA[g];
    return { alpha, gamma };
  });
}

/** Alternating projections in the space of B's coefficients, with Irons-Tuck acceleration. */
function twoWayIterateCoefs(
  cols: Float64Array[],
  A: Codes,
  B: Codes,
  w: Float64Array | undefined,
  tol: number,
  maxIter: number,
): { coefs: EffectCoefficients[]; iterations: number[]; converged: boolean } {
  const n = A.codes.length;
  const wA = groupWeights(A, w);
  const wB = groupWeights(B, w);
  const iterations: number[] = [];
  let converged = true;
  const coefs = cols.map((x) => {
    const alpha = new Float64Array(A.nLevels);
    const sweep = (g: Float64Array, out: Float64Array): void => {
      groupMeans(x, A.codes, wA, w, alpha, g, B.codes);
      groupMeans(x, B.codes, wB, w, out, alpha, A.codes);
    };
    let scale = 0;
    for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(x[i]));
    const eps = tol * Math.max(scale, 1e-300);
    let g0 = new Float64Array(B.nLevels);
    let g1 = new Float64Array(B.nLevels);
    let g2 = new Float64Array(B.nLevels);
    let it = 0;
    let done = false;
    while (it < maxIter) {
      sweep(g0, g1);
      sweep(g1, g2);
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
    return { alpha, gamma: g0 };
  });
  return { coefs, iterations, converged };
}

/** Fixed-effect coefficients of every column (the expensive part of the within transformation). */
export function absorbEffects(
  cols: readonly Float64Array[],
  fe: readonly Codes[],
  w: Float64Array | undefined,
  params: DemeanParams = {},
): Absorbed {
  const list = [...cols];
  const zeros = list.map(() => 0);
  if (fe.length === 0) {
    return {
      coefs: [],
      A: undefined,
      B: undefined,
      iterations: zeros,
      converged: true,
      method: "none",
    };
  }
  if (fe.length === 1) {
    return {
      coefs: oneWayCoefs(list, fe[0], w),
      A: fe[0],
      B: undefined,
      iterations: zeros,
      converged: true,
      method: "one-way",
    };
  }
  if (fe.length > 2) throw new RangeError("at most two absorbed fixed effects are supported");
  const [A, B] = fe[0].nLevels >= fe[1].nLevels ? [fe[0], fe[1]] : [fe[1], fe[0]];
  const method = params.method ?? "auto";
  if (method === "exact" || (method === "auto" && B.nLevels <= (params.exactMaxLevels ?? 1000))) {
    // Unweighted rows grouped by the large effect (the usual layout) take a two-scan path.
    const grouped = !w && rowsInCodeOrder(A.codes) ? twoWayGroupedCoefs(list, A, B) : undefined;
    return {
      coefs: grouped ? grouped.coefs : twoWayExactCoefs(list, A, B, w),
      tssFirst: grouped?.tssFirst,
      A,
      B,
      iterations: zeros,
      converged: true,
      method: "two-way exact",
    };
  }
  const r = twoWayIterateCoefs(list, A, B, w, params.tol ?? 1e-10, params.maxIter ?? 10000);
  return { ...r, A, B, method: "alternating projections" };
}

/** x̃ = x - alpha[a] - gamma[b] as a new array. */
export function applyEffects(
  x: Float64Array,
  c: EffectCoefficients | undefined,
  ab: Absorbed,
): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  if (!c || !ab.A) {
    out.set(x);
    return out;
  }
  const a = ab.A.codes;
  const alpha = c.alpha;
  if (c.gamma && ab.B) {
    const b = ab.B.codes;
    const gamma = c.gamma;
    for (let i = 0; i < n; i++) out[i] = x[i] - alpha[a[i]] - gamma[b[i]];
  } else for (let i = 0; i < n; i++) out[i] = x[i] - alpha[a[i]];
  return out;
}

/** Projects the fixed effects `fe` out of every column. */
export function demean(
  cols: readonly Float64Array[],
  fe: readonly Codes[],
  w: Float64Array | undefined,
  params: DemeanParams = {},
): DemeanResult {
  const ab = absorbEffects(cols, fe, w, params);
  if (fe.length === 0)
    return { out: [...cols], iterations: ab.iterations, converged: true, method: "none" };
  return {
    out: cols.map((x, j) => applyEffects(x, ab.coefs[j], ab)),
    iterations: ab.iterations,
    converged: ab.converged,
    method: ab.method,
  };
}
