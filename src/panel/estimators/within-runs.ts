/**
 * The within estimator for unweighted panels whose rows are grouped by unit (the usual layout),
 * one-way (`| firm`) or two-way with a small second effect (`| firm + year`), as passes over row
 * slices (within-runs-kernels.ts) that run on several threads when the columns are shared:
 *
 * - moments: unit means, one-way cross-products, raw sums; two-way adds each column's sums by
 *   period and the period system with the unit effects concentrated out (Frisch-Waugh-Lovell),
 *   solved exactly;
 * - two-way only: cross-products of the fully transformed columns, given the period effects;
 * - residuals: SSR and each unit's score sums (the cluster-by-unit meat needs nothing more).
 *
 * The transformed regressors and the residuals are not stored: the fit recomputes them in one
 * more pass the first time something reads them (a hetero vcov, a Hausman test).
 */
import { choleskyDrop, cholInverse, cholSolve, subMatrix } from "../../stats/index.ts";
import type { Codes } from "../codes.ts";
import { runSlices } from "../parallel/pool.ts";
import { allocFloat64, allocInt32, isShared } from "../parallel/shared.ts";
import { SLICE_ROWS, sliceBounds } from "../parallel/slices.ts";
import { patternSystem } from "../period-system.ts";
import type { LinearFit } from "./ols.ts";
import { momentsWidth, type RunsInput } from "./within-runs-kernels.ts";

export interface RunsWithin {
  readonly lin: LinearFit;
  /** Regressors the effects absorb entirely (named in a note). */
  readonly absorbedNames: string[];
  /** ỹ'ỹ after the transformation. */
  readonly tssWithin: number;
  /** Total sum of squares of y about its mean. */
  readonly tssOverall: number;
  /** Degrees of freedom of the absorbed effects. */
  readonly feDof: number;
}

const EMPTY_F: Float64Array = new Float64Array(0);
const EMPTY_I: Int32Array = new Int32Array(0);

/** Sums the P partials of `width` values each, in slice order. */
function combine(out: Float64Array, P: number, width: number): Float64Array {
  const tot = new Float64Array(width);
  for (let s = 0; s < P; s++) for (let i = 0; i < width; i++) tot[i] += out[s * width + i];
  return tot;
}

/** Connected components of the periods linked by a shared unit (M's off-diagonal non-zeros). */
function periodComponents(M: Float64Array, T: number): number {
  const parent = Int32Array.from({ length: T }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  let comps = T;
  for (let p = 1; p < T; p++)
    for (let q = 0; q < p; q++) {
      if (M[p * T + q] === 0) continue;
      const rp = find(p);
      const rq = find(q);
      if (rp !== rq) {
        parent[rp] = rq;
        comps--;
      }
    }
  return comps;
}

/** Units per period pattern (units whose periods repeat, mask -1, added their own terms). */
function patternCounts(masks: Int32Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (let g = 0; g < masks.length; g++) {
    const mask = masks[g];
    if (mask >= 0) counts.set(mask, (counts.get(mask) ?? 0) + 1);
  }
  return counts;
}

/** Period effects of every column: gamma_c = M^- (period sums of the one-way-demeaned column). */
function periodEffects(
  tot: Float64Array,
  masks: Int32Array,
  K: number,
  T: number,
): { gamma: Float64Array; M: Float64Array } {
  const oP = K * K + 2 * K;
  const oM = oP + T * K;
  const oW = oM + T * T;
  const L = tot.slice(oM, oM + T * T);
  patternSystem(patternCounts(masks), L, T);
  const M = new Float64Array(T * T);
  for (let p = 0; p < T; p++) {
    for (let q = 0; q < p; q++) M[p * T + q] = M[q * T + p] = L[p * T + q];
    M[p * T + p] = tot[oW + p] + L[p * T + p];
  }
  const chol = choleskyDrop(M, T, 1e-9);
  const r = chol.kept.length;
  const gamma = new Float64Array(K * T);
  for (let c = 0; c < K; c++) {
    const rhs = Float64Array.from(chol.kept, (t) => tot[oP + t * K + c]);
    const sol = cholSolve(chol.L, r, rhs);
    for (let q = 0; q < r; q++) gamma[c * T + chol.kept[q]] = sol[q];
  }
  return { gamma, M };
}

/** Lower-triangle cross-products of [y, X] -> XtX (full, k × k), Xty, yty. */
function unpack(cross: Float64Array, K: number) {
  const k = K - 1;
  const XtX = new Float64Array(k * k);
  const Xty = new Float64Array(k);
  for (let p = 0; p < k; p++) {
    Xty[p] = cross[(p + 1) * K];
    for (let q = 0; q <= p; q++) XtX[p * k + q] = XtX[q * k + p] = cross[(p + 1) * K + q + 1];
  }
  return { XtX, Xty, yty: cross[0] };
}

/**
 * Fits y on X with the unit effect A (codes in runs) and, when given, the small effect B.
 * @param threads threads for the passes (used when the arrays are shared)
 * @param tol collinearity tolerance on the relative pivot (default 1e-10)
 * @param sliceRows rows per slice (default SLICE_ROWS); the results depend on it in the last
 *   bits only, never on `threads`
 */
export function runsWithin(
  y: Float64Array,
  X: readonly Float64Array[],
  names: readonly string[],
  A: Codes,
  B: Codes | undefined,
  threads: number,
  tol = 1e-10,
  sliceRows = SLICE_ROWS,
): RunsWithin {
  const n = y.length;
  const k = X.length;
  const K = k + 1;
  const G = A.nLevels;
  const T = B ? B.nLevels : 0;
  const a = A.codes;
  const b = B ? B.codes : EMPTY_I;
  const bounds = sliceBounds(a, sliceRows);
  const P = bounds.length - 1;
  const shared =
    threads > 1 && P > 1 && [y, ...X, a, b].every((v) => v.length === 0 || isShared(v));
  const base = { a, b, T, bounds, beta: EMPTY_F, S: EMPTY_F, resid: EMPTY_F, Xt: [] };
  const width = momentsWidth(K, T);
  const meanY = allocFloat64(G, shared);
  const sizes = allocInt32(G, shared);
  const mom: RunsInput = {
    ...base,
    C: [y, ...X],
    gamma: EMPTY_F,
    out: allocFloat64(P * width, shared),
    width,
    meanY,
    sizes,
    masks: allocInt32(B ? G : 0, shared),
  };
  runSlices("moments", mom, P, threads);
  const tot = combine(mom.out, P, width);
  const oneWay = unpack(tot, K);
  // Total SS of y about its mean = within-unit part + sum_g n_g (mean_g - mean)^2.
  const ybar = tot[K * K] / n;
  let between = 0;
  for (let g = 0; g < G; g++) {
    const d = meanY[g] - ybar;
    between += sizes[g] * d * d;
  }
  const tssOverall = oneWay.yty + between;
  let m = oneWay;
  let gamma = EMPTY_F;
  let feDof = G;
  if (B) {
    const pe = periodEffects(tot, mom.masks, K, T);
    gamma = pe.gamma;
    feDof = G + T - periodComponents(pe.M, T);
    const c2: RunsInput = { ...mom, gamma, out: allocFloat64(P * K * K, shared), width: K * K };
    runSlices("cross2", c2, P, threads);
    m = unpack(combine(c2.out, P, K * K), K);
  }
  const { XtX, Xty, yty } = m;
  const absorbedNames: string[] = [];
  const cand: number[] = [];
  for (let p = 0; p < k; p++) {
    const sx = tot[K * K + p + 1];
    const sxx = oneWay.XtX[p * k + p] + tot[K * K + K + p + 1];
    const before = sxx - (sx * sx) / n;
    if (!(before > 0) || XtX[p * k + p] <= 1e-10 * before) absorbedNames.push(names[p]);
    else cand.push(p);
  }
  const chol = choleskyDrop(subMatrix(XtX, k, cand), cand.length, tol);
  const kept = chol.kept.map((j) => cand[j]);
  const r = kept.length;
  const beta = cholSolve(
    chol.L,
    r,
    Float64Array.from(kept, (p) => Xty[p]),
  );
  // The residual pass reads y and the kept regressors, with their period effects.
  const cols = [0, ...kept.map((p) => p + 1)];
  const gammaKept = allocFloat64(B ? cols.length * T : 0, false);
  if (B) {
    cols.forEach((c, i) => {
      gammaKept.set(gamma.subarray(c * T, (c + 1) * T), i * T);
    });
  }
  const res: RunsInput = {
    ...base,
    C: cols.map((c) => (c === 0 ? y : X[c - 1])),
    gamma: gammaKept,
    beta,
    out: allocFloat64(P, shared),
    width: 1,
    meanY: EMPTY_F,
    sizes: EMPTY_I,
    masks: EMPTY_I,
    S: allocFloat64(G * r, shared),
  };
  runSlices("resid", res, P, threads);
  const ssr = combine(res.out, P, 1)[0];
  let stored: { resid: Float64Array; Xt: Float64Array[] } | undefined;
  const materialize = () => {
    if (!stored) {
      const out = { resid: allocFloat64(n, shared), Xt: kept.map(() => allocFloat64(n, shared)) };
      runSlices("resid", { ...res, ...out, S: EMPTY_F, out: allocFloat64(P, shared) }, P, threads);
      stored = out;
    }
    return stored;
  };
  const lin: LinearFit = {
    names: kept.map((p) => names[p]),
    dropped: chol.dropped.map((j) => names[cand[j]]),
    beta,
    bread: cholInverse(chol.L, r),
    get X() {
      return materialize().Xt;
    },
    get resid() {
      return materialize().resid;
    },
    get scoreMult() {
      return materialize().resid;
    },
    weights: undefined,
    n,
    ssr,
    unitScores: { codes: a, nLevels: G, S: res.S },
  };
  return { lin, absorbedNames, tssWithin: yty, tssOverall, feDof };
}
