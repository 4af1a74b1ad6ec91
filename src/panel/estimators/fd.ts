/**
 * First differences: y_it - y_i,t-1 on x_it - x_i,t-1, with (model "fd", plm's default) or
 * without ("fd0") an intercept, which in levels is a common linear trend. Differences pair a row
 * with the same unit's row one period earlier by time value: a gap in a unit's years means no
 * difference for that row (plm differences successive rows whatever their years; on gap-free
 * panels the two agree). Weights: those of the later row.
 */

import type { PanelFit } from "../fit.ts";
import type { PreparedPanel } from "../prepare.ts";
import { r2Cor } from "../r2.ts";
import { buildTimeIndex, shiftedRows } from "../timeindex.ts";
import { olsKernel } from "./ols.ts";
import { collinearNotes } from "./pooled.ts";

export function fdKernel(prep: PreparedPanel, intercept: boolean): PanelFit {
  const ti = buildTimeIndex(prep.id, prep.timeValue);
  const prev = shiftedRows(ti, prep.timeValue, 1, prep.n);
  let m = 0;
  for (let i = 0; i < prep.n; i++) if (prev[i] >= 0) m++;
  const rowMap = new Int32Array(m);
  for (let i = 0, p = 0; i < prep.n; i++) if (prev[i] >= 0) rowMap[p++] = i;
  const diff = (v: Float64Array): Float64Array => {
    const out = new Float64Array(m);
    for (let p = 0; p < m; p++) out[p] = v[rowMap[p]] - v[prev[rowMap[p]]];
    return out;
  };
  const y = diff(prep.y);
  const X = prep.X.map(diff);
  const names = [...prep.xNames];
  if (intercept) {
    X.unshift(new Float64Array(m).fill(1));
    names.unshift("(Intercept)");
  }
  let w: Float64Array | undefined;
  if (prep.weights) {
    w = new Float64Array(m);
    for (let p = 0; p < m; p++) w[p] = prep.weights[rowMap[p]];
  }
  const lin = olsKernel(X, names, y, w);
  const k = lin.names.length;
  const dfResid = m - k;
  const r2 = r2Cor(y, lin.resid, w);
  return {
    model: intercept ? "fd" : "fd0",
    label: intercept ? "first differences" : "first differences, no intercept",
    lin,
    family: "gaussian",
    prep,
    rowMap,
    absorbed: [],
    feDof: 0,
    dfResid,
    sigma2: lin.ssr / dfResid,
    r2: { r2, adjR2: 1 - ((1 - r2) * (m - 1)) / dfResid },
    notes: [
      `${prep.n - m} rows have no previous-period row of the same unit and give no difference`,
      ...collinearNotes(lin.dropped, "collinear after differencing"),
    ],
    rowsLostToTransform: prep.n - m,
    yFit: y,
  };
}
