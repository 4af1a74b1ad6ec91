/**
 * Variance components of the one-way error-components model, u_it = eta_i + nu_it, by the four
 * classic estimators as plm implements them (including its unbalanced-panel formulas):
 * Swamy & Arora (1972), Amemiya (1971), Wallace & Hussain (1969), Nerlove (1971).
 * Each solves M [s2_nu, s2_eta]' = q for two quadratic forms q of residuals.
 */
import type { Result } from "../../framework/index.ts";
import { crossprod, invertSpd, matMul, solveSpd } from "../../stats/index.ts";
import type { Codes } from "../codes.ts";
import type { RandomMethod } from "../fit.ts";
import type { LinearFit } from "./ols.ts";

export interface ComponentInputs {
  readonly unit: Codes;
  readonly y: Float64Array;
  /** Design with intercept first. */
  readonly Z: readonly Float64Array[];
  /** The within fit on the same rows (slopes only). */
  readonly within: LinearFit;
  /** Names of the within fit's slopes, to pick their columns from Z. */
  readonly zNames: readonly string[];
  /**
   * Observation weights. As plm 2.6 does for every method, the auxiliary fits (the within fit
   * above, the between regression of Swamy-Arora, the pooled fit of Wallace-Hussain) are
   * weighted; the quadratic forms of their residuals and the degrees-of-freedom matrix are not,
   * and Nerlove's idiosyncratic variance is the weighted within SSR over the observations.
   * Default: none.
   */
  readonly weights?: Float64Array;
}

function means(v: Float64Array, unit: Codes, T: Float64Array): Float64Array {
  const s = new Float64Array(unit.nLevels);
  for (let i = 0; i < v.length; i++) s[unit.codes[i]] += v[i];
  for (let g = 0; g < s.length; g++) s[g] /= T[g];
  return s;
}

function trace(A: Float64Array, k: number): number {
  let t = 0;
  for (let i = 0; i < k; i++) t += A[i * k + i];
  return t;
}

/** sum_i T_i^p zbar_i zbar_i' over units (p = 1: between cross-product; p = 2: Sum'Z). */
function weightedMeanCross(Zbar: Float64Array[], T: Float64Array, p: number): Float64Array {
  const wts = T.map((t) => t ** p);
  return crossprod(Zbar, new Float64Array(T.length), wts).XtX;
}

function unitTotals(w: Float64Array, unit: Codes): Float64Array {
  const s = new Float64Array(unit.nLevels);
  for (let i = 0; i < w.length; i++) s[unit.codes[i]] += w[i];
  return s;
}

/**
 * (X~'X~)^-1 of the unit-demeaned slopes, unweighted: the degrees-of-freedom matrix of Amemiya's
 * method when the within fit itself was weighted.
 */
function unweightedWithinBread(inp: ComponentInputs, T: Float64Array): Float64Array {
  const Xw = inp.within.names.map((name) => {
    const z = inp.Z[inp.zNames.indexOf(name)];
    const zb = means(z, inp.unit, T);
    return z.map((v, i) => v - zb[inp.unit.codes[i]]);
  });
  return invertSpd(crossprod(Xw, new Float64Array(inp.y.length)).XtX, Xw.length);
}

/** Quadratic forms of y - X b_within in levels (the within fit's slopes, no effects). */
function levelResidualQuads(inp: ComponentInputs, T: Float64Array): { qw: number; qb: number } {
  const e = Float64Array.from(inp.y);
  inp.within.names.forEach((name, a) => {
    const z = inp.Z[inp.zNames.indexOf(name)];
    for (let i = 0; i < e.length; i++) e[i] -= inp.within.beta[a] * z[i];
  });
  return quads(e, inp.unit, T);
}

/** Residual-based quadratic forms: within part and T-weighted between part. */
function quads(e: Float64Array, unit: Codes, T: Float64Array): { qw: number; qb: number } {
  const eb = means(e, unit, T);
  let qw = 0;
  for (let i = 0; i < e.length; i++) {
    const d = e[i] - eb[unit.codes[i]];
    qw += d * d;
  }
  let qb = 0;
  for (let g = 0; g < eb.length; g++) qb += T[g] * eb[g] * eb[g];
  return { qw, qb };
}

export function varianceComponents(
  method: RandomMethod,
  inp: ComponentInputs,
): Result<{ s2nu: number; s2eta: number }> {
  const { unit, y, Z, within } = inp;
  const O = y.length;
  const N = unit.nLevels;
  const T = new Float64Array(N);
  for (let i = 0; i < O; i++) T[unit.codes[i]]++;
  const balanced = T.every((t) => t === T[0]);
  const K = within.names.length;
  const kz = Z.length;
  const Zbar = Z.map((z) => means(z, unit, T));
  let s2nu: number;
  let s2eta: number;
  if (method === "nerlove") {
    s2nu = within.ssr / O;
    // Unit effects alpha_i = ybar_i - xbar_i' b_within, spread around their mean.
    const alpha = means(y, unit, T);
    within.names.forEach((name, a) => {
      const xb = Zbar[inp.zNames.indexOf(name)];
      for (let g = 0; g < N; g++) alpha[g] -= within.beta[a] * xb[g];
    });
    let m = 0;
    for (let g = 0; g < N; g++) m += alpha[g] * T[g];
    m /= O;
    // plm's unbalanced form: N/(N-1) * sum_i T_i (alpha_i - m)^2 / O (the usual one when balanced).
    let s = 0;
    for (let g = 0; g < N; g++) s += T[g] * (alpha[g] - m) ** 2;
    s2eta = ((N / (N - 1)) * s) / O;
  } else if (method === "swar") {
    const w = inp.weights;
    const qw = w ? levelResidualQuads(inp, T).qw : within.ssr;
    // Between regression at observation level (unit means weighted by T_i, or by the units'
    // total weight when the rows are weighted).
    const B = crossprod(Zbar, means(y, unit, T), T);
    const Wg = w ? unitTotals(w, unit) : T;
    const bB = w
      ? solveSpd(
          crossprod(Zbar, new Float64Array(N), Wg).XtX,
          kz,
          crossprod(Zbar, means(y, unit, T), Wg).Xty,
        )
      : solveSpd(B.XtX, kz, B.Xty);
    let qb = 0;
    const ybar = means(y, unit, T);
    for (let g = 0; g < N; g++) {
      let f = 0;
      for (let a = 0; a < kz; a++) f += bB[a] * Zbar[a][g];
      qb += T[g] * (ybar[g] - f) ** 2;
    }
    s2nu = qw / (O - N - K);
    const kB = balanced ? kz - 1 : K;
    const Mnu = N - kB - 1;
    const Meta = balanced
      ? T[0] * Mnu
      : O - trace(matMul(invertSpd(B.XtX, kz), weightedMeanCross(Zbar, T, 2), kz, kz, kz), kz);
    s2eta = (qb - Mnu * s2nu) / Meta;
  } else if (method === "amemiya") {
    // Within residuals in levels, centred (the overall intercept of the within model).
    const e = new Float64Array(O);
    e.set(y);
    within.names.forEach((name, a) => {
      const z = Z[inp.zNames.indexOf(name)];
      for (let i = 0; i < O; i++) e[i] -= within.beta[a] * z[i];
    });
    let m = 0;
    for (let i = 0; i < O; i++) m += e[i];
    m /= O;
    for (let i = 0; i < O; i++) e[i] -= m;
    const { qw, qb } = quads(e, unit, T);
    if (balanced) {
      s2nu = qw / (O - N);
      s2eta = (qb - N * s2nu) / (T[0] * N);
    } else {
      s2nu = qw / (O - N - K);
      const Xb = within.names.map((name) => {
        const xb = Zbar[inp.zNames.indexOf(name)];
        let c = 0;
        for (let g = 0; g < N; g++) c += T[g] * xb[g];
        c /= O;
        return xb.map((v) => v - c);
      });
      const XB = weightedMeanCross(Xb, T, 1);
      const bread = inp.weights ? unweightedWithinBread(inp, T) : within.bread;
      const Mnu = N - 1 + trace(matMul(bread, XB, K, K, K), K);
      let sumT2 = 0;
      for (let g = 0; g < N; g++) sumT2 += T[g] * T[g];
      s2eta = (qb - Mnu * s2nu) / (O - sumT2 / O);
    }
  } else {
    // Wallace-Hussain: pooled OLS residuals for both quadratic forms.
    const P = crossprod(Z, y);
    const Pw = inp.weights ? crossprod(Z, y, inp.weights) : P;
    const b = solveSpd(Pw.XtX, kz, Pw.Xty);
    const e = new Float64Array(O);
    e.set(y);
    for (let a = 0; a < kz; a++) for (let i = 0; i < O; i++) e[i] -= b[a] * Z[a][i];
    const { qw, qb } = quads(e, unit, T);
    let M: number[];
    if (balanced) M = [O - N, 0, N, T[0] * N];
    else {
      const CPZM = invertSpd(P.XtX, kz);
      const ZB = weightedMeanCross(Zbar, T, 1);
      const ZS = weightedMeanCross(Zbar, T, 2);
      const ZW = P.XtX.map((v, i) => v - ZB[i]);
      const mm = (A: Float64Array, Bm: Float64Array) => matMul(A, Bm, kz, kz, kz);
      const A1 = mm(CPZM, ZW);
      const A2 = mm(CPZM, ZS);
      const A3 = mm(CPZM, ZB);
      M = [
        O - N - trace(A1, kz),
        trace(mm(A1, A2), kz),
        N - trace(A3, kz),
        O - 2 * trace(A2, kz) + trace(mm(A3, A2), kz),
      ];
    }
    const det = M[0] * M[3] - M[1] * M[2];
    s2nu = (qw * M[3] - M[1] * qb) / det;
    s2eta = (M[0] * qb - M[2] * qw) / det;
  }
  return { ok: true, value: { s2nu, s2eta: Math.max(s2eta, 0) } };
}
