import { qnorm } from "../../stats/index.ts";
import { argsortAscending } from "./sort.ts";
import { survivalVarianceIJ } from "./survival-robust.ts";

/**
 * How the standard error of S is computed. `greenwood` (Greenwood, 1926) reads weights as case
 * (frequency) weights, so integer weights equal duplicated spells. `robust` is the
 * infinitesimal-jackknife variance, clustered when a cluster per spell is given (e.g. the firm,
 * whose successive spells are not independent); R's survfit switches to it by itself when any
 * weight is not a whole number.
 */
export type SurvivalVariance = "greenwood" | "robust";

export interface KaplanMeierOptions {
  /** Confidence level of the log-type intervals. Default 0.95. */
  level?: number;
  /** Default: `greenwood` when every weight is a whole number, else `robust` (as survfit). */
  variance?: SurvivalVariance;
  /** Dense cluster index per spell for the robust variance. Default: each spell alone. */
  cluster?: Int32Array;
  /** Upper limit of the restricted mean. Default: the curve's last time. */
  rmeanHorizon?: number;
}

/** A Kaplan-Meier curve at every distinct time (event or censoring), as survfit reports it. */
export interface SurvivalCurve {
  time: number[];
  /** Weighted number at risk, events and censorings at each time. */
  n_risk: number[];
  n_event: number[];
  n_censor: number[];
  survival: number[];
  /** Standard error of S (what `summary.survfit` prints). */
  std_err: number[];
  /** Standard error of -log S (survfit's `std.err` for Greenwood fits). */
  std_err_log: number[];
  /** Log-type interval, exp(log S -+ z se(-log S)), upper capped at 1; NaN where S = 0. */
  lower: number[];
  upper: number[];
  /** Nelson-Aalen cumulative hazard and its standard error (survfit ctype = 1). */
  cumhaz: number[];
  std_err_cumhaz: number[];
  median: number;
  median_lower: number;
  median_upper: number;
  /** Restricted mean survival time up to the horizon. */
  rmean: number;
  /** Number of spells (unweighted) and weighted total. */
  n: number;
  n_weighted: number;
  variance: SurvivalVariance;
  level: number;
}

/** Kaplan-Meier product-limit estimate with ties: events before censorings at the same time. */
export function kaplanMeier(
  time_S: ArrayLike<number>,
  event_S: ArrayLike<number>,
  weight_S?: ArrayLike<number>,
  options: KaplanMeierOptions = {},
): SurvivalCurve {
  const S = time_S.length;
  const level = options.level ?? 0.95;
  const w = (s: number) => (weight_S ? weight_S[s] : 1);
  const wholeWeights = !weight_S || Array.prototype.every.call(weight_S, Number.isInteger);
  const variance = options.variance ?? (wholeWeights ? "greenwood" : "robust");
  const idx = argsortAscending(time_S);
  const c: SurvivalCurve = {
    ...{ time: [], n_risk: [], n_event: [], n_censor: [], survival: [], std_err: [] },
    ...{ std_err_log: [], lower: [], upper: [], cumhaz: [], std_err_cumhaz: [] },
    ...{
      median: Number.NaN,
      median_lower: Number.NaN,
      median_upper: Number.NaN,
      rmean: Number.NaN,
    },
    ...{ n: S, n_weighted: 0, variance, level },
  };
  let atRisk = 0;
  for (let s = 0; s < S; s++) atRisk += w(s);
  c.n_weighted = atRisk;
  const eventCount: number[] = [];
  for (let p = 0; p < S; ) {
    const t = time_S[idx[p]];
    let d = 0;
    let dn = 0;
    let cens = 0;
    for (; p < S && time_S[idx[p]] === t; p++) {
      const s = idx[p];
      if (event_S[s]) {
        d += w(s);
        dn++;
      } else cens += w(s);
    }
    c.time.push(t);
    c.n_risk.push(atRisk);
    c.n_event.push(d);
    c.n_censor.push(cens);
    eventCount.push(dn);
    atRisk -= d + cens;
  }
  let km = 1;
  let greenwood = 0;
  let na = 0;
  let naVar = 0;
  for (let i = 0; i < c.time.length; i++) {
    const n = c.n_risk[i];
    const d = c.n_event[i];
    // zero-weight events do not move the curve (as survfit)
    if (eventCount[i] > 0 && d > 0) {
      km *= (n - d) / n;
      greenwood += d / (n * (n - d));
      na += d / n;
      naVar += d / (n * n);
    }
    c.survival.push(km);
    c.std_err_log.push(Math.sqrt(greenwood));
    c.std_err.push(km * Math.sqrt(greenwood));
    c.cumhaz.push(na);
    c.std_err_cumhaz.push(Math.sqrt(naVar));
  }
  if (variance === "robust") {
    const ij = survivalVarianceIJ(time_S, event_S, weight_S, options.cluster, c.time);
    c.std_err = ij.seSurvival;
    c.std_err_log = ij.seSurvival.map((se, i) => se / c.survival[i]);
    c.std_err_cumhaz = ij.seCumhaz;
  }
  const z = qnorm(1 - (1 - level) / 2);
  for (let i = 0; i < c.time.length; i++) {
    const s = c.survival[i];
    const se = c.std_err_log[i];
    const ok = s > 0 && Number.isFinite(se);
    c.lower.push(ok ? Math.exp(Math.log(s) - z * se) : Number.NaN);
    c.upper.push(ok ? Math.min(1, Math.exp(Math.log(s) + z * se)) : Number.NaN);
  }
  c.median = survivalQuantileTime(c.survival, c.time);
  c.median_lower = survivalQuantileTime(c.lower, c.time);
  c.median_upper = survivalQuantileTime(c.upper, c.time);
  c.rmean = restrictedMean(c.time, c.survival, options.rmeanHorizon ?? c.time[c.time.length - 1]);
  return c;
}

/**
 * Median as survfit defines it: the first time the curve is at or below 0.5; when it sits at
 * exactly 0.5, halfway between that time and the time it next drops. NaN if never reached.
 */
export function survivalQuantileTime(curve: number[], time: number[]): number {
  const tol = Math.sqrt(Number.EPSILON);
  const keep: number[] = [];
  for (let i = 0; i < curve.length; i++)
    if (!Number.isNaN(curve[i]) && curve[i] < 0.5 + tol) keep.push(i);
  if (keep.length === 0) return Number.NaN;
  const first = keep[0];
  if (Math.abs(curve[first] - 0.5) < tol) {
    const next = keep.find((i) => curve[i] < curve[first]);
    if (next !== undefined) return (time[first] + time[next]) / 2;
  }
  return time[first];
}

/** Area under the step curve from 0 to the horizon (S = 1 before the first time). */
export function restrictedMean(time: number[], survival: number[], horizon: number): number {
  let area = 0;
  let prevT = Math.min(0, time[0] ?? 0);
  let prevS = 1;
  for (let i = 0; i < time.length && time[i] <= horizon; i++) {
    area += (time[i] - prevT) * prevS;
    prevT = time[i];
    prevS = survival[i];
  }
  return area + (horizon - prevT) * prevS;
}
