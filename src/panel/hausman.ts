/**
 * Hausman (1978) test of fixed against random effects.
 * - classic: H = d' (V_fe - V_re)^-1 d over the common slopes, conventional vcovs;
 * - auxiliary regression (Wooldridge 2010, Mundlak form, as plm's phtest(method = "aux")):
 *   pooled OLS of the quasi-demeaned y on an intercept, the quasi-demeaned X and the
 *   within-demeaned X; Wald test that the within-demeaned X's coefficients are zero, with the
 *   conventional or the cluster-robust (CR0, clustered by unit) vcov.
 */
import type { Result } from "../framework/index.ts";
import { pChisqUpper, quadFormInv, sandwich, solveGeneral, subMatrix } from "../stats/index.ts";
import { olsKernel } from "./estimators/ols.ts";
import { randomTransform } from "./estimators/random.ts";
import type { PanelFit, RandomMethod } from "./fit.ts";
import type { PreparedPanel } from "./prepare.ts";
import { meatCluster } from "./vcov/cluster.ts";

export interface HausmanResult {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
  readonly method: "classic" | "aux" | "aux-cluster";
}

function wald(
  beta: Float64Array,
  V: Float64Array,
  k: number,
  idx: number[],
  method: HausmanResult["method"],
): HausmanResult {
  const d = Float64Array.from(idx, (j) => beta[j]);
  const stat = quadFormInv(subMatrix(V, k, idx), idx.length, d);
  return { statistic: stat, df: idx.length, pValue: pChisqUpper(stat, idx.length), method };
}

/** Classic test from a within fit and a random-effects fit of the same equation. */
export function hausmanClassic(fe: PanelFit, re: PanelFit): Result<HausmanResult> {
  const common = fe.lin.names.filter((nm) => re.lin.names.includes(nm));
  const q = common.length;
  const d = new Float64Array(q);
  const V = new Float64Array(q * q);
  const kf = fe.lin.names.length;
  const kr = re.lin.names.length;
  const fi = common.map((nm) => fe.lin.names.indexOf(nm));
  const ri = common.map((nm) => re.lin.names.indexOf(nm));
  for (let a = 0; a < q; a++) {
    d[a] = fe.lin.beta[fi[a]] - re.lin.beta[ri[a]];
    for (let b = 0; b < q; b++) {
      V[a * q + b] =
        fe.sigma2 * fe.lin.bread[fi[a] * kf + fi[b]] - re.sigma2 * re.lin.bread[ri[a] * kr + ri[b]];
    }
  }
  try {
    // V_fe - V_re need not be positive definite in finite samples; plm solves it as it is.
    const x = solveGeneral(V, q, d);
    let stat = 0;
    for (let a = 0; a < q; a++) stat += d[a] * x[a];
    return {
      ok: true,
      value: { statistic: stat, df: q, pValue: pChisqUpper(stat, q), method: "classic" },
    };
  } catch {
    return {
      ok: false,
      issues: [
        {
          code: "singular",
          message: "V_fe - V_re is singular; use the auxiliary-regression form",
        },
      ],
    };
  }
}

/** Auxiliary-regression test; `robust` clusters by unit (CR0), as vcovHC(arellano, HC0). */
export function hausmanAux(
  prep: PreparedPanel,
  robust: boolean,
  method: RandomMethod = "swar",
): Result<HausmanResult> {
  const tr = randomTransform(prep, method, prep.id);
  if (!tr.ok) return tr;
  const { yStar, XStar, names } = tr.value;
  const wf = tr.value.withinFit;
  const slopesStar = XStar.filter((_, j) => names[j] !== "(Intercept)");
  const slopeNames = names.filter((nm) => nm !== "(Intercept)");
  // The within-demeaned regressors come from the within fit's transformed columns.
  const tilde = wf.lin.X;
  const X = [new Float64Array(prep.n).fill(1), ...slopesStar, ...tilde];
  const allNames = ["(Intercept)", ...slopeNames, ...wf.lin.names.map((nm) => `${nm}.tilde`)];
  const lin = olsKernel(X, allNames, yStar, undefined);
  const k = lin.names.length;
  const idx = lin.names.map((nm, j) => (nm.endsWith(".tilde") ? j : -1)).filter((j) => j >= 0);
  let V: Float64Array;
  if (robust) V = sandwich(lin.bread, meatCluster(lin, prep.id), k);
  else {
    const s2 = lin.ssr / (lin.n - k);
    V = lin.bread.map((v) => v * s2);
  }
  return { ok: true, value: wald(lin.beta, V, k, idx, robust ? "aux-cluster" : "aux") };
}
