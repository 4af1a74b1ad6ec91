/**
 * Pooled logit by iteratively reweighted least squares (as R's glm, binomial/logit), e.g. the
 * probability of exporting on last year's export status: with sunk entry costs, past exporting
 * raises the chance of exporting now (Roberts & Tybout 1997). The fit keeps the bread
 * (X'WX)^-1 at the optimum and the score multipliers w_i (y_i - p_i), so the vcov registry's
 * robust and cluster-robust sandwiches apply unchanged.
 */
import type { Issue, Result } from "../../framework/index.ts";
import { choleskyDrop, cholInverse, cholSolve, crossprod } from "../../stats/index.ts";
import type { PanelFit } from "../fit.ts";
import type { PreparedPanel } from "../prepare.ts";
import type { LinearFit } from "./ols.ts";
import { collinearNotes, withIntercept } from "./pooled.ts";

export interface LogitParams {
  /** Relative deviance change at which IRLS stops. Default 1e-12. */
  tol?: number;
  /** Iteration cap; reaching it is an error, not a fit. Default 50. */
  maxIter?: number;
}

export interface LogitExtras {
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly logLik: number;
  readonly iterations: number;
}

function deviance(y: Float64Array, p: Float64Array, w: Float64Array | undefined): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i] : 1;
    const pi = y[i] === 1 ? p[i] : 1 - p[i];
    d -= 2 * wi * Math.log(pi);
  }
  return d;
}

export function logitKernel(
  prep: PreparedPanel,
  params: LogitParams = {},
): Result<PanelFit & { logit: LogitExtras }> {
  const { y, weights: w, n } = prep;
  const issues: Issue[] = [];
  for (let i = 0; i < n && issues.length < 5; i++) {
    if (y[i] !== 0 && y[i] !== 1) {
      issues.push({
        code: "not_binary",
        row: prep.rows[i] + 1,
        field: prep.yName,
        value: y[i],
        message: `logit response ${prep.yName} is ${y[i]}; expected 0 or 1`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const { X: Xall, names: allNames } = withIntercept(prep);
  // Collinearity is decided once on X'WX with unit weights.
  const chol0 = choleskyDrop(crossprod(Xall, y, w).XtX, Xall.length);
  const X = chol0.kept.map((j) => Xall[j]);
  const names = chol0.kept.map((j) => allNames[j]);
  const k = X.length;
  const tol = params.tol ?? 1e-12;
  const maxIter = params.maxIter ?? 50;
  let beta: Float64Array = new Float64Array(k);
  const eta = new Float64Array(n);
  const p = new Float64Array(n).fill(0.5);
  const z = new Float64Array(n);
  const wW = new Float64Array(n);
  let dev = deviance(y, p, w);
  let iter = 0;
  let converged = false;
  while (iter < maxIter) {
    iter++;
    for (let i = 0; i < n; i++) {
      const v = p[i] * (1 - p[i]);
      wW[i] = (w ? w[i] : 1) * v;
      z[i] = eta[i] + (y[i] - p[i]) / v;
    }
    const cp = crossprod(X, z, wW);
    const ch = choleskyDrop(cp.XtX, k, 0);
    beta = cholSolve(ch.L, k, cp.Xty);
    eta.fill(0);
    for (let a = 0; a < k; a++) for (let i = 0; i < n; i++) eta[i] += beta[a] * X[a][i];
    for (let i = 0; i < n; i++) p[i] = 1 / (1 + Math.exp(-eta[i]));
    const devNew = deviance(y, p, w);
    if (Math.abs(devNew - dev) / (Math.abs(devNew) + 0.1) < tol) {
      dev = devNew;
      converged = true;
      break;
    }
    dev = devNew;
  }
  if (!converged) {
    return {
      ok: false,
      issues: [
        {
          code: "not_converged",
          message: `logit IRLS did not converge in ${maxIter} iterations (tolerance ${tol}); the data may separate the outcome perfectly`,
        },
      ],
    };
  }
  for (let i = 0; i < n; i++) wW[i] = (w ? w[i] : 1) * p[i] * (1 - p[i]);
  const ch = choleskyDrop(crossprod(X, z, wW).XtX, k, 0);
  const resid = new Float64Array(n);
  const scoreMult = new Float64Array(n);
  let sw = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    resid[i] = y[i] - p[i];
    scoreMult[i] = (w ? w[i] : 1) * resid[i];
    sw += w ? w[i] : 1;
    sy += (w ? w[i] : 1) * y[i];
  }
  const nullDev = deviance(y, new Float64Array(n).fill(sy / sw), w);
  const lin: LinearFit = {
    names,
    dropped: chol0.dropped.map((j) => allNames[j]),
    beta,
    bread: cholInverse(ch.L, k),
    X,
    resid,
    weights: w,
    n,
    ssr: dev,
    scoreMult,
  };
  const r2 = 1 - dev / nullDev;
  return {
    ok: true,
    value: {
      model: "logit",
      label: "pooled logit",
      lin,
      family: "binomial",
      prep,
      rowMap: undefined,
      absorbed: [],
      feDof: 0,
      dfResid: n - k,
      sigma2: 1,
      r2: { r2, adjR2: 1 - (dev + 2 * k) / nullDev },
      notes: [
        "r2 is McFadden's pseudo-R² (1 - deviance/null deviance); inference uses the normal distribution",
        ...collinearNotes(lin.dropped, "collinear with earlier regressors"),
      ],
      rowsLostToTransform: 0,
      logit: { deviance: dev, nullDeviance: nullDev, logLik: -dev / 2, iterations: iter },
    },
  };
}
