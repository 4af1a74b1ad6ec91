/**
 * Between estimator: one row per unit holding its (weighted) means, unweighted least squares
 * across units, df = units - K (as plm's "between").
 */
import type { PanelFit } from "../fit.ts";
import type { PreparedPanel } from "../prepare.ts";
import { r2Cor } from "../r2.ts";
import { olsKernel } from "./ols.ts";
import { collinearNotes, withIntercept } from "./pooled.ts";

/** Unit means of a column (weighted when weights are given). */
export function unitMeans(v: Float64Array, prep: PreparedPanel): Float64Array {
  const G = prep.id.nLevels;
  const s = new Float64Array(G);
  const sw = new Float64Array(G);
  const c = prep.id.codes;
  const w = prep.weights;
  for (let i = 0; i < v.length; i++) {
    const wi = w ? w[i] : 1;
    s[c[i]] += wi * v[i];
    sw[c[i]] += wi;
  }
  for (let g = 0; g < G; g++) s[g] /= sw[g];
  return s;
}

export function betweenKernel(prep: PreparedPanel): PanelFit {
  const G = prep.id.nLevels;
  const { X, names } = withIntercept(prep);
  const Xb = X.map((x) => unitMeans(x, prep));
  const yb = unitMeans(prep.y, prep);
  const lin = olsKernel(Xb, names, yb, undefined);
  const rowMap = new Int32Array(G).fill(-1);
  for (let i = 0; i < prep.n; i++) if (rowMap[prep.id.codes[i]] < 0) rowMap[prep.id.codes[i]] = i;
  const k = lin.names.length;
  const dfResid = G - k;
  const r2 = r2Cor(yb, lin.resid, undefined);
  return {
    model: "between",
    label: "between (unit means)",
    lin,
    family: "gaussian",
    prep,
    rowMap,
    absorbed: [],
    feDof: 0,
    dfResid,
    sigma2: lin.ssr / dfResid,
    r2: { r2, adjR2: 1 - ((1 - r2) * (G - 1)) / dfResid },
    notes: collinearNotes(lin.dropped, "collinear across unit means"),
    rowsLostToTransform: prep.n - G,
    yFit: yb,
  };
}
