/**
 * Within (fixed-effects) estimator: the absorbed effects are projected out of y and X
 * (see demean.ts), then least squares on the residuals. One-way (unit or period) and two-way.
 * A regressor that the effects explain entirely (e.g. constant within firm in a `| firm` model)
 * is dropped with a note rather than left to produce a meaningless coefficient.
 */
import type { Result } from "../../framework/index.ts";
import { type Codes, connectedComponents } from "../codes.ts";
import { type Absorbed, absorbEffects, type DemeanParams } from "../demean.ts";
import type { PanelFit } from "../fit.ts";
import type { PreparedPanel } from "../prepare.ts";
import { totalSS } from "./ols.ts";
import { collinearNotes } from "./pooled.ts";
import { groupedMoments, groupedRuns } from "./within-grouped.ts";
import { fusedWithin } from "./within-kernel.ts";

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
  // Unweighted one-way on unit-contiguous rows: means from runs, one pass (within-grouped.ts).
  const grouped =
    fe.length === 1 && !prep.weights && prep.X.length > 0 && groupedRuns(fe[0].codes)
      ? groupedMoments(prep.y, prep.X, fe[0].codes, fe[0].nLevels)
      : undefined;
  const ab: Absorbed = grouped
    ? {
        coefs: [{ alpha: grouped.alphaY, gamma: undefined }],
        A: fe[0],
        B: undefined,
        iterations: [prep.y, ...prep.X].map(() => 0),
        converged: true,
        method: "one-way",
      }
    : absorbEffects([prep.y, ...prep.X], fe, prep.weights, params);
  if (!ab.converged) {
    return {
      ok: false,
      issues: [
        {
          code: "not_converged",
          message: `demeaning on ${fe.map((f) => f.name).join(" + ")} did not converge within ${params.maxIter ?? 10000} iterations (tolerance ${params.tol ?? 1e-10}; iterations per column: ${ab.iterations.join(", ")}); raise the iteration cap or loosen the tolerance`,
        },
      ],
    };
  }
  const feNames = fe.map((f) => f.name).join(" + ");
  const fw = fusedWithin(
    prep.y,
    prep.X,
    prep.xNames,
    prep.weights,
    ab,
    undefined,
    grouped?.moments,
  );
  const lin = fw.lin;
  const notes = [
    ...fw.absorbedNames.map((nm) => `${nm} dropped: collinear with the fixed effects (${feNames})`),
    ...collinearNotes(lin.dropped, "collinear with earlier regressors"),
  ];
  const n = lin.n;
  const k = lin.names.length;
  const feDof = fixedEffectDof(fe);
  const dfResid = n - k - feDof;
  const K = k + feDof;
  const r2 = 1 - lin.ssr / fw.tssWithin;
  const tss = grouped?.tssOverall ?? ab.tssFirst ?? totalSS(prep.y, prep.weights, true);
  const r2Overall = 1 - lin.ssr / tss;
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
      demeaning: { method: ab.method, iterations: ab.iterations },
      rowsLostToTransform: 0,
    },
  };
}
