/** Pooled OLS: least squares on the stacked firm-years, ignoring the panel structure. */
import type { PanelFit } from "../fit.ts";
import type { PreparedPanel } from "../prepare.ts";
import { r2Cor } from "../r2.ts";
import { olsKernel } from "./ols.ts";

/** Design columns with the intercept first (named "(Intercept)", as R does). */
export function withIntercept(prep: PreparedPanel): { X: Float64Array[]; names: string[] } {
  const X = [...prep.X];
  const names = [...prep.xNames];
  if (prep.intercept) {
    X.unshift(new Float64Array(prep.n).fill(1));
    names.unshift("(Intercept)");
  }
  return { X, names };
}

export function collinearNotes(dropped: readonly string[], why: string): string[] {
  return dropped.map((d) => `${d} dropped: ${why}`);
}

export function pooledKernel(prep: PreparedPanel, model: "pooled" | "lpm" = "pooled"): PanelFit {
  const { X, names } = withIntercept(prep);
  const lin = olsKernel(X, names, prep.y, prep.weights);
  const n = lin.n;
  const k = lin.names.length;
  const r2 = r2Cor(prep.y, lin.resid, prep.weights);
  const dfResid = n - k;
  return {
    model,
    label: model === "lpm" ? "linear probability (pooled)" : "pooled OLS",
    lin,
    family: "gaussian",
    prep,
    rowMap: undefined,
    absorbed: [],
    feDof: 0,
    dfResid,
    sigma2: lin.ssr / dfResid,
    r2: { r2, adjR2: 1 - ((1 - r2) * (n - 1)) / dfResid },
    notes: collinearNotes(lin.dropped, "collinear with earlier regressors"),
    rowsLostToTransform: 0,
  };
}
