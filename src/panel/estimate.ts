/**
 * Public entry point for panel regressions: formula text + frame + options -> fit (kept for
 * further vcovs) and summary. Validation problems come back as issues naming the column.
 */
import type { Issue, Result } from "../framework/index.ts";
import type { Frame } from "../io/index.ts";
import type { Codes } from "./codes.ts";
import type { DemeanParams } from "./demean.ts";
import { betweenKernel } from "./estimators/between.ts";
import { fdKernel } from "./estimators/fd.ts";
import { type LogitParams, logitKernel } from "./estimators/logit.ts";
import { pooledKernel } from "./estimators/pooled.ts";
import { randomKernel } from "./estimators/random.ts";
import { withinKernel } from "./estimators/within.ts";
import type { ModelName, PanelFit, RandomMethod } from "./fit.ts";
import { parseFormula } from "./formula.ts";
import { defaultThreads } from "./parallel/pool.ts";
import { type PreparedPanel, preparePanel, type SingletonRule } from "./prepare.ts";
import { type EstimateSummary, summarize } from "./summary.ts";
import { computeVcov, type SscName, type VcovType } from "./vcov/index.ts";

export type Effect = "individual" | "time" | "twoways";

export interface EstimateOptions {
  /** Unit column. Required. */
  id: string;
  /** Period column (numeric). Required. */
  time: string;
  /** Default "pooled" when the formula has no `|` part, "within" when it has one. */
  model?: ModelName;
  /** Which effects a within/random model removes when the formula has no `|` part. Default "individual". */
  effect?: Effect;
  /** Variance-components method for "random". Default "swar" (Swamy-Arora). */
  randomMethod?: RandomMethod;
  /** Default "iid". */
  vcov?: VcovType;
  /** Cluster columns (one or two). Default: the unit column when vcov is "cluster". */
  cluster?: readonly string[];
  /** Small-sample convention. Default "fixest". */
  ssc?: SscName;
  /** Observation weights column. Default: none. */
  weights?: string;
  /** Default "keep" (see PrepareOptions.singletons). */
  singletons?: SingletonRule;
  demean?: DemeanParams;
  logit?: LogitParams;
  /** Confidence level of intervals. Default 0.95. */
  level?: number;
  /**
   * Threads for the row passes of within fits on large panels stored unit by unit (used only
   * when the columns are in shared memory, e.g. readColumnar with `shared`). Results do not
   * depend on it. Default: the number of cores, at most 4.
   */
  threads?: number;
}

export interface Estimated {
  readonly fit: PanelFit;
  readonly summary: EstimateSummary;
}

function fail(message: string, code = "invalid_option"): { ok: false; issues: Issue[] } {
  return { ok: false, issues: [{ code, message }] };
}

function absorbFor(
  model: ModelName,
  effect: Effect,
  fes: readonly string[],
  o: EstimateOptions,
): string[] {
  if (fes.length > 0) return [...fes];
  if (model === "twoways") return [o.id, o.time];
  if (model !== "within") return [];
  if (effect === "twoways") return [o.id, o.time];
  return effect === "time" ? [o.time] : [o.id];
}

/** Fits the model on a prepared panel. */
export function fitPrepared(
  prep: PreparedPanel,
  model: ModelName,
  o: EstimateOptions,
): Result<PanelFit> {
  const fe = prep.fe;
  switch (model) {
    case "pooled":
    case "lpm":
      if (fe.length > 0) return withinKernel(prep, fe, o.demean, o.threads ?? defaultThreads());
      return { ok: true, value: pooledKernel(prep, model) };
    case "within":
    case "twoways":
      return withinKernel(prep, fe, o.demean, o.threads ?? defaultThreads());
    case "random": {
      if ((o.effect ?? "individual") === "twoways")
        return fail("random effects support effect individual or time");
      const unit: Codes = o.effect === "time" ? prep.time : prep.id;
      return randomKernel(prep, o.randomMethod ?? "swar", unit);
    }
    case "fd":
      return { ok: true, value: fdKernel(prep, true) };
    case "fd0":
      return { ok: true, value: fdKernel(prep, false) };
    case "between":
      return { ok: true, value: betweenKernel(prep) };
    case "logit":
      return logitKernel(prep, o.logit);
  }
}

/** Parses, prepares, fits and summarises. */
export function estimate(frame: Frame, formula: string, o: EstimateOptions): Result<Estimated> {
  const spec = parseFormula(formula);
  if (!spec.ok) return spec;
  const model = o.model ?? (spec.value.fixedEffects.length > 0 ? "within" : "pooled");
  const fes = spec.value.fixedEffects;
  if (fes.length > 0 && ["random", "fd", "fd0", "between", "logit"].includes(model)) {
    return fail(`model "${model}" does not take fixed effects after "|"; use within or pooled`);
  }
  if (fes.length > 2) return fail("at most two fixed effects can be absorbed");
  const absorb = absorbFor(model, o.effect ?? "individual", fes, o);
  if (model === "twoways" && absorb.length !== 2)
    return fail("model twoways needs two fixed effects");
  const prep = preparePanel(frame, spec.value, {
    id: o.id,
    time: o.time,
    absorb,
    weights: o.weights,
    cluster: o.cluster,
    singletons: o.singletons,
  });
  if (!prep.ok) return prep;
  const fit = fitPrepared(prep.value, model, o);
  if (!fit.ok) return fit;
  if (fit.value.dfResid <= 0) {
    return fail(
      `${fit.value.label} leaves ${fit.value.dfResid} residual degrees of freedom (n = ${fit.value.lin.n}, ${fit.value.lin.names.length} coefficients, ${fit.value.feDof} fixed-effect parameters); the model is not identified`,
      "not_identified",
    );
  }
  const clusters = o.cluster && o.cluster.length > 0 ? prep.value.clusters : undefined;
  const vc = computeVcov(fit.value, {
    type: o.vcov ?? (clusters ? "cluster" : "iid"),
    clusters,
    ssc: o.ssc,
  });
  if (!vc.ok) return vc;
  return { ok: true, value: { fit: fit.value, summary: summarize(fit.value, vc.value, o.level) } };
}
