/**
 * What every panel estimator returns: the sufficient statistics of the final least-squares (or
 * IRLS) step plus the bookkeeping needed to explain inference — degrees of freedom, absorbed
 * effects, and the map from the fit's rows back to the prepared panel's rows.
 */
import type { Codes } from "./codes.ts";
import type { LinearFit } from "./estimators/ols.ts";
import type { PreparedPanel } from "./prepare.ts";

export const MODELS = [
  "pooled",
  "within",
  "twoways",
  "random",
  "fd",
  "fd0",
  "between",
  "lpm",
  "logit",
] as const;
export type ModelName = (typeof MODELS)[number];

export type RandomMethod = "swar" | "amemiya" | "walhus" | "nerlove";

export interface RandomComponents {
  readonly method: RandomMethod;
  readonly sigma2Idios: number;
  readonly sigma2Id: number;
  /** theta by unit size T_i (one entry when balanced). */
  readonly thetaByT: Readonly<Record<string, number>>;
  readonly thetaMin: number;
  readonly thetaMean: number;
  readonly thetaMax: number;
}

export interface R2 {
  /** R² of the estimated (transformed) equation: within R² for FE models, plm's definitions otherwise. */
  readonly r2: number;
  readonly adjR2: number;
  /** R² on the untransformed response including the fixed effects (fixest's r2), FE models only. */
  readonly r2Overall?: number;
  readonly adjR2Overall?: number;
  /** fixest's adjusted within R²: 1 - (1 - r2)(n - FE dof)/(n - K). */
  readonly adjR2WithinFixest?: number;
}

export interface PanelFit {
  readonly model: ModelName;
  /** Human label, e.g. "within (firm + year)". */
  readonly label: string;
  readonly lin: LinearFit;
  /** Logit fits use dispersion 1 and normal-based inference. */
  readonly family: "gaussian" | "binomial";
  readonly prep: PreparedPanel;
  /** Fit row -> prepared row; undefined when they coincide. */
  readonly rowMap: Int32Array | undefined;
  /** Absorbed fixed effects on the fit rows. */
  readonly absorbed: readonly Codes[];
  /** Degrees of freedom taken by the absorbed effects (levels minus redundancies). */
  readonly feDof: number;
  /** Residual degrees of freedom: n - reported coefficients - FE dof. */
  readonly dfResid: number;
  /** Residual variance used by the conventional vcov (1 for logit). */
  readonly sigma2: number;
  readonly r2: R2;
  readonly random?: RandomComponents;
  /** Soft problems and facts a reader needs (dropped collinear terms, rows lost to differencing...). */
  readonly notes: readonly string[];
  readonly demeaning?: { readonly method: string; readonly iterations: readonly number[] };
  /** Extra counts for the ledger, e.g. rows lost to differencing. */
  readonly rowsLostToTransform: number;
  /** Response values on the fit rows, used by some R² definitions. */
  readonly yFit?: Float64Array;
}

/** Maps prepared-row codes onto fit rows. */
export function codesOnFit(fit: PanelFit, c: Codes): Codes {
  if (!fit.rowMap) return c;
  const out = new Int32Array(fit.rowMap.length);
  for (let i = 0; i < out.length; i++) out[i] = c.codes[fit.rowMap[i]];
  return { name: c.name, codes: out, nLevels: c.nLevels };
}
