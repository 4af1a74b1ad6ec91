/**
 * Within (fixed-effects) estimator: the absorbed effects are projected out of y and X
 * (see demean.ts), then least squares on the residuals. One-way (unit or period) and two-way.
 * A regressor that the effects explain entirely (e.g. constant within firm in a `| firm` model)
 * is dropped with a note rather than left to produce a meaningless coefficient.
 */
import type { Result } from "../../framework/index.ts";
import { type Codes, connectedComponents, inRuns } from "../codes.ts";
import { type Absorbed, absorbEffects, type DemeanParams } from "../demean.ts";
import type { PanelFit } from "../fit.ts";
import type { PreparedPanel } from "../prepare.ts";
import { type LinearFit, totalSS } from "./ols.ts";
import { collinearNotes } from "./pooled.ts";
import { fusedWithin } from "./within-kernel.ts";
import { runsWithin } from "./within-runs.ts";

/** Degrees of freedom of absorbed effects: levels minus redundancies (exact for two effects). */
export function fixedEffectDof(fe: readonly Codes[]): number {
  if (fe.length === 0) return 0;
  if (fe.length === 1) return fe[0].nLevels;
  return fe[0].nLevels + fe[1].nLevels - connectedComponents(fe[0], fe[1]);
}

/**
 * The effects as (unit, small second effect) when the run-based passes apply: unweighted, rows
 * grouped by the larger effect, and a second effect small enough for the exact solve.
 */
function runsLayout(
  prep: PreparedPanel,
  fe: readonly Codes[],
  params: DemeanParams,
): [Codes, Codes | undefined] | undefined {
  if (prep.weights || prep.X.length === 0 || fe.length === 0) return undefined;
  if (fe.length === 1) return inRuns(fe[0]) ? [fe[0], undefined] : undefined;
  const [A, B] = fe[0].nLevels >= fe[1].nLevels ? [fe[0], fe[1]] : [fe[1], fe[0]];
  const method = params.method ?? "auto";
  const exact =
    method === "exact" || (method === "auto" && B.nLevels <= (params.exactMaxLevels ?? 1000));
  return exact && inRuns(A) ? [A, B] : undefined;
}

/** The fit from the run-based passes (within-runs.ts). */
function runsFit(
  prep: PreparedPanel,
  fe: readonly Codes[],
  layout: [Codes, Codes | undefined],
  threads: number,
): Result<PanelFit> {
  const rw = runsWithin(prep.y, prep.X, prep.xNames, layout[0], layout[1], threads);
  const notes = absorbedNotes(rw.absorbedNames, rw.lin.dropped, fe);
  return {
    ok: true,
    value: assemble(prep, fe, rw.lin, rw.feDof, rw.tssWithin, rw.tssOverall, notes, {
      method: fe.length === 2 ? "two-way exact" : "one-way",
      iterations: [prep.y, ...prep.X].map(() => 0),
    }),
  };
}

function absorbedNotes(
  absorbedNames: readonly string[],
  dropped: readonly string[],
  fe: readonly Codes[],
): string[] {
  const feNames = fe.map((f) => f.name).join(" + ");
  return [
    ...absorbedNames.map((nm) => `${nm} dropped: collinear with the fixed effects (${feNames})`),
    ...collinearNotes(dropped, "collinear with earlier regressors"),
  ];
}

/** The fit record shared by both paths (degrees of freedom and R² conventions of plm/fixest). */
function assemble(
  prep: PreparedPanel,
  fe: readonly Codes[],
  lin: LinearFit,
  feDof: number,
  tssWithin: number,
  tss: number,
  notes: string[],
  demeaning: { method: string; iterations: number[] },
): PanelFit {
  const n = lin.n;
  const k = lin.names.length;
  const dfResid = n - k - feDof;
  const K = k + feDof;
  const r2 = 1 - lin.ssr / tssWithin;
  const r2Overall = 1 - lin.ssr / tss;
  return {
    model: fe.length === 2 ? "twoways" : "within",
    label: `within (${fe.map((f) => f.name).join(" + ")})`,
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
    demeaning,
    rowsLostToTransform: 0,
  };
}

/**
 * @param threads threads for the run-based passes on large grouped panels (default 1; the
 *   estimate() entry point passes the core count)
 */
export function withinKernel(
  prep: PreparedPanel,
  fe: readonly Codes[],
  params: DemeanParams = {},
  threads = 1,
): Result<PanelFit> {
  const layout = runsLayout(prep, fe, params);
  if (layout) return runsFit(prep, fe, layout, threads);
  const ab: Absorbed = absorbEffects([prep.y, ...prep.X], fe, prep.weights, params);
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
  const fw = fusedWithin(prep.y, prep.X, prep.xNames, prep.weights, ab);
  const lin = fw.lin;
  const notes = absorbedNotes(fw.absorbedNames, lin.dropped, fe);
  const tss = ab.tssFirst ?? totalSS(prep.y, prep.weights, true);
  return {
    ok: true,
    value: assemble(prep, fe, lin, fixedEffectDof(fe), fw.tssWithin, tss, notes, {
      method: ab.method,
      iterations: ab.iterations,
    }),
  };
}
