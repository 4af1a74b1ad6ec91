/**
 * The within estimator's hot path, fused: the fixed-effect coefficients of every column are
 * computed first (demean.ts: group sums, or the exact/iterative two-way solve), then ONE pass
 * over the rows in cache-sized blocks writes the transformed regressors and accumulates X̃'WX̃
 * and X̃'Wỹ, and a second pass forms the residuals. ỹ is never stored.
 */
import { choleskyDrop, cholInverse, cholSolve, subMatrix } from "../../stats/index.ts";
import type { Absorbed } from "../demean.ts";
import type { LinearFit } from "./ols.ts";
import {
  axpy,
  blockYty,
  dot,
  dotOff,
  dotOffW,
  dotW,
  type Moments,
  sum,
  sumW,
} from "./within-moments.ts";

const BLOCK = 2048;

export interface FusedWithin {
  readonly lin: LinearFit;
  /** Regressors whose variation the effects absorb entirely (named for the note). */
  readonly absorbedNames: string[];
  /** ỹ'Wỹ, the within total sum of squares. */
  readonly tssWithin: number;
}

/** Writes x - alpha[a] - gamma[b] for rows [s, e) into out (offset s). */
function applyBlock(
  x: Float64Array,
  out: Float64Array,
  off: number,
  s: number,
  e: number,
  alpha: Float64Array,
  a: Int32Array,
  gamma: Float64Array | undefined,
  b: Int32Array | undefined,
): void {
  if (gamma && b) sub2(x, out, off, s, e, alpha, a, gamma, b);
  else sub1(x, out, off, s, e, alpha, a);
}

function sub1(
  x: Float64Array,
  out: Float64Array,
  off: number,
  s: number,
  e: number,
  alpha: Float64Array,
  a: Int32Array,
): void {
  for (let i = s; i < e; i++) out[i - off] = x[i] - alpha[a[i]];
}

function sub2(
  x: Float64Array,
  out: Float64Array,
  off: number,
  s: number,
  e: number,
  alpha: Float64Array,
  a: Int32Array,
  gamma: Float64Array,
  b: Int32Array,
): void {
  for (let i = s; i < e; i++) out[i - off] = x[i] - alpha[a[i]] - gamma[b[i]];
}

/** The fused pass: transformed regressors written, cross-products and raw moments accumulated. */
function crossBlocks(
  y: Float64Array,
  X: readonly Float64Array[],
  w: Float64Array | undefined,
  ab: Absorbed,
): Moments {
  const n = y.length;
  const k = X.length;
  const a = ab.A!.codes;
  const b = ab.B?.codes;
  const Xt = X.map(() => new Float64Array(n));
  const XtX = new Float64Array(k * k);
  const Xty = new Float64Array(k);
  let yty = 0;
  // Raw weighted moments of each x, for the "absorbed by the effects" test.
  let sw = 0;
  const sx = new Float64Array(k);
  const sxx = new Float64Array(k);
  const yb = new Float64Array(BLOCK);
  const cy = ab.coefs[0];
  for (let s = 0; s < n; s += BLOCK) {
    const e = Math.min(n, s + BLOCK);
    applyBlock(y, yb, s, s, e, cy.alpha, a, cy.gamma, b);
    if (w) {
      sw += sum(w, s, e);
      yty += blockYty(yb, w, s, e);
    } else {
      sw += e - s;
      yty += dotOff(yb, yb, 0, 0, e - s);
    }
    for (let p = 0; p < k; p++) {
      const c = ab.coefs[p + 1];
      const xp = X[p];
      const tp = Xt[p];
      applyBlock(xp, tp, 0, s, e, c.alpha, a, c.gamma, b);
      if (w) {
        sx[p] += sumW(xp, w, s, e);
        sxx[p] += dotW(xp, xp, w, s, e);
        Xty[p] += dotOffW(tp, yb, w, s, s, e);
        for (let q = 0; q <= p; q++) XtX[p * k + q] += dotW(tp, Xt[q], w, s, e);
      } else {
        sx[p] += sum(xp, s, e);
        sxx[p] += dot(xp, xp, s, e);
        Xty[p] += dotOff(tp, yb, s, s, e);
        for (let q = 0; q <= p; q++) XtX[p * k + q] += dot(tp, Xt[q], s, e);
      }
    }
  }
  return { Xt, XtX, Xty, yty, sw, sx, sxx };
}

/** resid = ỹ - X̃ beta, with ỹ recomputed from the response's effect coefficients. */
function residualPass(
  y: Float64Array,
  Xk: Float64Array[],
  beta: Float64Array,
  ab: Absorbed,
): { resid: Float64Array; ssr: number } {
  const n = y.length;
  const a = ab.A!.codes;
  const b = ab.B?.codes;
  const cy = ab.coefs[0];
  const resid = new Float64Array(n);
  // The unweighted SSR is summed while each block is still in cache.
  let ssr = 0;
  for (let s = 0; s < n; s += BLOCK) {
    const e = Math.min(n, s + BLOCK);
    applyBlock(y, resid, 0, s, e, cy.alpha, a, cy.gamma, b);
    for (let j = 0; j < Xk.length; j++) axpy(resid, -beta[j], Xk[j], s, e);
    ssr += dot(resid, resid, s, e);
  }
  return { resid, ssr };
}

/** Least squares on the transformed columns, their moments from the fused block pass. */
export function fusedWithin(
  y: Float64Array,
  X: readonly Float64Array[],
  names: readonly string[],
  w: Float64Array | undefined,
  ab: Absorbed,
  tol = 1e-10,
): FusedWithin {
  const n = y.length;
  const k = X.length;
  const { Xt, XtX, Xty, yty, sw, sx, sxx } = crossBlocks(y, X, w, ab);
  for (let p = 0; p < k; p++) for (let q = 0; q < p; q++) XtX[q * k + p] = XtX[p * k + q];
  const absorbedNames: string[] = [];
  const cand: number[] = [];
  for (let p = 0; p < k; p++) {
    const before = sxx[p] - (sx[p] * sx[p]) / sw;
    if (!(before > 0) || XtX[p * k + p] <= 1e-10 * before) absorbedNames.push(names[p]);
    else cand.push(p);
  }
  const chol = choleskyDrop(subMatrix(XtX, k, cand), cand.length, tol);
  const kept = chol.kept.map((j) => cand[j]);
  const r = kept.length;
  const rhs = Float64Array.from(kept, (p) => Xty[p]);
  const beta = cholSolve(chol.L, r, rhs);
  const rp = residualPass(
    y,
    kept.map((p) => Xt[p]),
    beta,
    ab,
  );
  const resid = rp.resid;
  let ssr = rp.ssr;
  let scoreMult = resid;
  if (w) {
    ssr = 0;
    scoreMult = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      scoreMult[i] = w[i] * resid[i];
      ssr += scoreMult[i] * resid[i];
    }
  }
  return {
    lin: {
      names: kept.map((p) => names[p]),
      dropped: chol.dropped.map((j) => names[cand[j]]),
      beta,
      bread: cholInverse(chol.L, r),
      X: kept.map((p) => Xt[p]),
      resid,
      weights: w,
      n,
      ssr,
      scoreMult,
    },
    absorbedNames,
    tssWithin: yty,
  };
}
