/**
 * Turns a fit and a vcov into the reported result: a coefficient table keyed by regressor name
 * and a ledger saying exactly which rows, parameters and corrections produced the numbers, so
 * a reader can see why two packages' standard errors differ.
 */
import { pFUpper, pTwoSided, qt, quadFormInv, subMatrix } from "../stats/index.ts";
import type { PanelFit, RandomComponents } from "./fit.ts";
import type { VcovResult } from "./vcov/index.ts";

export interface CoefficientRow {
  readonly estimate: number;
  readonly se: number;
  readonly t: number;
  readonly p: number;
  readonly ciLow: number;
  readonly ciHigh: number;
}

export interface Ledger {
  readonly nInput: number;
  readonly nobs: number;
  readonly groups: number;
  readonly periods: number;
  readonly rowsDroppedMissing: number;
  readonly missingBy: Readonly<Record<string, number>>;
  readonly rowsDroppedZeroWeight: number;
  readonly singletonsDropped: number;
  readonly singletonRule: string;
  readonly rowsLostToTransform: number;
  /** Reported coefficients. */
  readonly k: number;
  readonly absorbed: readonly { readonly name: string; readonly levels: number }[];
  readonly feDof: number;
  readonly dfResid: number;
  readonly vcov: string;
  readonly clusters: readonly { readonly name: string; readonly G: number }[];
  /** Parameter count used by the small-sample correction and why. */
  readonly K: number;
  readonly kNote: string;
  readonly ssc: string | null;
  readonly sscFactor: number;
  readonly sscFormula: string | null;
  readonly dfT: number | "normal";
  readonly demeaning: string | null;
  readonly dropped: readonly string[];
}

export interface EstimateSummary {
  readonly model: string;
  readonly label: string;
  readonly formula: string;
  readonly response: string;
  readonly coefficients: Readonly<Record<string, CoefficientRow>>;
  readonly nobs: number;
  readonly groups: number;
  readonly periods: number;
  readonly r2: Readonly<Record<string, number>>;
  readonly ssr: number;
  readonly sigma2: number;
  /** Wald test that all slopes (not the intercept) are zero, with the chosen vcov. */
  readonly fTest: { statistic: number; df1: number; df2: number | "normal"; p: number } | null;
  readonly random: RandomComponents | null;
  readonly notes: readonly string[];
  readonly ledger: Ledger;
}

/**
 * @param level confidence level of the intervals (default 0.95)
 */
export function summarize(fit: PanelFit, vc: VcovResult, level = 0.95): EstimateSummary {
  const lin = fit.lin;
  const k = lin.names.length;
  const dfT = fit.family === "binomial" ? Number.POSITIVE_INFINITY : (vc.ssc?.dfT ?? fit.dfResid);
  const q = qt(1 - (1 - level) / 2, dfT);
  const coefficients: Record<string, CoefficientRow> = {};
  lin.names.forEach((name, a) => {
    const est = lin.beta[a];
    const se = Math.sqrt(vc.V[a * k + a]);
    const t = est / se;
    coefficients[name] = {
      estimate: est,
      se,
      t,
      p: pTwoSided(t, dfT),
      ciLow: est - q * se,
      ciHigh: est + q * se,
    };
  });
  const slopes = lin.names.map((nm, j) => (nm === "(Intercept)" ? -1 : j)).filter((j) => j >= 0);
  let fTest: EstimateSummary["fTest"] = null;
  if (slopes.length > 0) {
    try {
      const d = Float64Array.from(slopes, (j) => lin.beta[j]);
      const stat = quadFormInv(subMatrix(vc.V, k, slopes), slopes.length, d) / slopes.length;
      fTest = {
        statistic: stat,
        df1: slopes.length,
        df2: Number.isFinite(dfT) ? dfT : "normal",
        p: Number.isFinite(dfT) ? pFUpper(stat, slopes.length, dfT) : Number.NaN,
      };
    } catch {
      fTest = null;
    }
  }
  const prep = fit.prep;
  const r2: Record<string, number> = { r2: fit.r2.r2, adj_r2: fit.r2.adjR2 };
  if (fit.r2.r2Overall !== undefined) {
    r2.within = fit.r2.r2;
    r2.overall = fit.r2.r2Overall;
    r2.adj_overall = fit.r2.adjR2Overall ?? Number.NaN;
    r2.adj_within_fixest = fit.r2.adjR2WithinFixest ?? Number.NaN;
  }
  const ledger: Ledger = {
    nInput: prep.ledger.nInput,
    nobs: lin.n,
    groups: prep.id.nLevels,
    periods: prep.periods ?? prep.time.nLevels,
    rowsDroppedMissing: prep.ledger.droppedMissing,
    missingBy: prep.ledger.missingBy,
    rowsDroppedZeroWeight: prep.ledger.droppedZeroWeight,
    singletonsDropped: prep.ledger.singletonsDropped,
    singletonRule: prep.ledger.singletonRule,
    rowsLostToTransform: fit.rowsLostToTransform,
    k,
    absorbed: fit.absorbed.map((f) => ({ name: f.name, levels: f.nLevels })),
    feDof: fit.feDof,
    dfResid: fit.dfResid,
    vcov: vc.type,
    clusters: vc.clusterNames.map((name, j) => ({ name, G: vc.G[j] })),
    K: vc.K,
    kNote: vc.kNote,
    ssc: vc.ssc?.name ?? null,
    sscFactor: vc.ssc?.factor ?? 1,
    sscFormula: vc.ssc?.formula ?? null,
    dfT: Number.isFinite(dfT) ? dfT : "normal",
    demeaning: fit.demeaning
      ? `${fit.demeaning.method}; iterations per column: ${fit.demeaning.iterations.join(", ")}`
      : null,
    dropped: lin.dropped,
  };
  return {
    model: fit.model,
    label: fit.label,
    formula: prep.spec.text,
    response: prep.yName,
    coefficients,
    nobs: lin.n,
    groups: prep.id.nLevels,
    periods: prep.periods ?? prep.time.nLevels,
    r2,
    ssr: lin.ssr,
    sigma2: fit.sigma2,
    fTest,
    random: fit.random ?? null,
    notes: fit.notes,
    ledger,
  };
}
