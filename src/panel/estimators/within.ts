/**
 * Within (fixed-effects) estimator: the absorbed effects are projected out of y and X
 * (see demean.ts), then least squares on the residuals. One-way (unit or period) and two-way.
 * A regressor that the effects explain entirely (e.g. constant within firm in a `| firm` model)
 * is dropped with a note rather than left to produce a meaningless coefficient.
 */
import type { Result } from "../../framework/index.ts";
import { type Codes, connectedComponents } from "../codes.ts";
import { type DemeanParams, demean } from "../demean.ts";
import type { PanelFit } from "../fit.ts";
import type { PreparedPanel } from "../prepare.ts";
import { olsKernel, totalSS } from "./ols.ts";
import { collinearNotes } from "./pooled.ts";

/** Degrees of freedom of absorbed effects: levels minus redundancies (exact for two effects). */
export function fixedEffectDof(fe: readonly Codes[]): number {
  if (fe.length === 0) return 0;
  if (fe.length === 1) return fe[0].nLevels;
  return fe[0].nLevels + fe[1].nLevels - connectedComponents(fe[0], fe[1]);
}

export function withinKernel(
  prep: PreparedPanel,
  fe: readonly Codes[],
  params: DemeanParams = {},
): Result<PanelFit> {
  const dm = demean([prep.y, ...prep.X], fe, prep.weights, params);
  if (!dm.converged) {
    return {
      ok: false,
      issues: [
        {
          code: "not_converged",
          message: `demeaning on ${fe.map((f) => f.name).join(" + ")} did not converge within ${params.maxIter ?? 10000} iterations (tolerance ${params.tol ?? 1e-10}; iterations per column: ${dm.iterations.join(", ")}); raise the iteration cap or loosen the tolerance`,
        },
      ],
    };
  }
  const [yt, ...Xt] = dm.out;
  const notes: string[] = [];
  const keepX: Float64Array[] = [];
  const keepNames: string[] = [];
  const feNames = fe.map((f) => f.name).join(" + ");
  prep.X.forEach((x, j) => {
    // A column is absorbed when almost none of its variation survives the transformation.
    const before = totalSS(x, prep.weights, true);
    const after = totalSS(Xt[j], prep.weights, false);
    if (!(before > 0) || after <= 1e-10 * before) {
      notes.push(`${prep.xNames[j]} dropped: collinear with the fixed effects (${feNames})`);
    } else {
      keepX.push(Xt[j]);
      keepNames.push(prep.xNames[j]);
    }
  });
  const lin = olsKernel(keepX, keepNames, yt, prep.weights);
  notes.push(...collinearNotes(lin.dropped, "collinear with earlier regressors"));
  const n = lin.n;
  const k = lin.names.length;
  const feDof = fixedEffectDof(fe);
  const dfResid = n - k - feDof;
  const K = k + feDof;
  const r2 = 1 - lin.ssr / totalSS(yt, prep.weights, false);
  const r2Overall = 1 - lin.ssr / totalSS(prep.y, prep.weights, true);
  const twoway = fe.length === 2;
  return {
    ok: true,
    value: {
      model: twoway ? "twoways" : "within",
      label: `within (${feNames})`,
      lin,
      family: "gaussian",
      prep,
      rowMap: undefined,
      absorbed: fe,
      feDof,
      dfResid,
      sigma2: lin.ssr / dfResid,
      r2: {
        r2,
        adjR2: 1 - ((1 - r2) * (n - 1)) / dfResid,
        r2Overall,
        adjR2Overall: 1 - ((1 - r2Overall) * (n - 1)) / (n - K),
        adjR2WithinFixest: 1 - ((1 - r2) * (n - feDof)) / (n - K),
      },
      notes,
      demeaning: { method: dm.method, iterations: dm.iterations },
      rowsLostToTransform: 0,
    },
  };
}
