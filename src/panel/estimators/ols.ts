/**
 * Weighted least squares on already-transformed columns (demeaned, differenced, quasi-demeaned
 * or raw). Every linear panel estimator ends here; what differs is the transformation before.
 * Collinear columns are dropped (the later of a collinear set) and named.
 */
import { choleskyDrop, cholInverse, cholSolve, crossprod } from "../../stats/index.ts";

/** Sufficient statistics of a fit: enough to compute any vcov later without refitting. */
export interface LinearFit {
  readonly names: readonly string[];
  /** Regressors dropped as collinear, with the reason. */
  readonly dropped: readonly string[];
  readonly beta: Float64Array;
  /** (X'WX)^-1 over the kept columns, row-major. */
  readonly bread: Float64Array;
  /** Kept (transformed) design columns. */
  readonly X: readonly Float64Array[];
  /** Residuals on the transformed scale. */
  readonly resid: Float64Array;
  readonly weights: Float64Array | undefined;
  readonly n: number;
  /** Weighted sum of squared residuals. */
  readonly ssr: number;
  /** Multiplier e_i with score_i = x_i e_i (w_i u_i for least squares). */
  readonly scoreMult: Float64Array;
  /**
   * Score sums per level of a grouping whose levels are contiguous runs of rows (the absorbed
   * unit), S[g * k + j] = sum over g's rows of x_j e: kept by fits whose residual pass had them,
   * so a cluster vcov on that grouping (or one it nests in) needs no pass over the rows.
   */
  readonly unitScores?: UnitScores;
}

export interface UnitScores {
  readonly codes: Int32Array;
  readonly nLevels: number;
  readonly S: Float64Array;
}

/**
 * @param tol collinearity tolerance on the relative pivot (default 1e-10)
 */
export function olsKernel(
  X_K: readonly Float64Array[],
  names: readonly string[],
  y_N: Float64Array,
  w_N: Float64Array | undefined,
  tol = 1e-10,
): LinearFit {
  const k = X_K.length;
  const n = y_N.length;
  const { XtX, Xty } = crossprod(X_K, y_N, w_N);
  const chol = choleskyDrop(XtX, k, tol);
  const r = chol.kept.length;
  const rhs = new Float64Array(r);
  for (let a = 0; a < r; a++) rhs[a] = Xty[chol.kept[a]];
  const beta = cholSolve(chol.L, r, rhs);
  const bread = cholInverse(chol.L, r);
  const X = chol.kept.map((j) => X_K[j]);
  const resid = new Float64Array(n);
  resid.set(y_N);
  for (let a = 0; a < r; a++) {
    const x = X[a];
    const b = beta[a];
    for (let i = 0; i < n; i++) resid[i] -= b * x[i];
  }
  let ssr = 0;
  let scoreMult = resid;
  if (w_N) {
    scoreMult = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      scoreMult[i] = w_N[i] * resid[i];
      ssr += scoreMult[i] * resid[i];
    }
  } else for (let i = 0; i < n; i++) ssr += resid[i] * resid[i];
  return {
    names: chol.kept.map((j) => names[j]),
    dropped: chol.dropped.map((j) => names[j]),
    beta,
    bread,
    X,
    resid,
    weights: w_N,
    n,
    ssr,
    scoreMult,
  };
}

/** Weighted total sum of squares, centered on the weighted mean or not. */
export function totalSS(y: Float64Array, w: Float64Array | undefined, centered: boolean): number {
  let sw = 0;
  let sy = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i] : 1;
    sw += wi;
    sy += wi * y[i];
  }
  const m = centered ? sy / sw : 0;
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const d = y[i] - m;
    s += (w ? w[i] : 1) * d * d;
  }
  return s;
}
