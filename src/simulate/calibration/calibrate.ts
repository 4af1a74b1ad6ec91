/**
 * Runs the default baseline and reports it against TARGETS. The LPM is estimated on the
 * simulated firm-years (in this thread, through the run's observer).
 */
import { at, M } from "../metrics.ts";
import type { SimParams } from "../params.ts";
import { type RunResult, runSimulation } from "../runner.ts";
import { spellSurvival } from "../summarize.ts";
import { type LpmFit, lpmAccumulator } from "./lpm.ts";
import { type CalibrationTarget, TARGETS } from "./targets.ts";

export interface CalibrationOptions {
  /** Firms simulated. Default 100000. */
  firms?: number;
  /** Years observed. Default 10. */
  years?: number;
  /** Default 1. */
  seed?: number;
  /** Default: the documented defaults. */
  params?: SimParams;
}

export interface CalibrationCheck extends CalibrationTarget {
  value: number;
  pass: boolean;
}

export interface CalibrationReport {
  checks: CalibrationCheck[];
  lpm: LpmFit;
  /** The model's own average state dependence: P(export | exported) - P(export | not). */
  model_hysteresis: number;
  run: RunResult;
}

export async function calibrate(opts: CalibrationOptions = {}): Promise<CalibrationReport> {
  const lpm = lpmAccumulator(0);
  const run = await runSimulation({
    firms: opts.firms ?? 100_000,
    years: opts.years ?? 10,
    seed: opts.seed ?? 1,
    params: opts.params,
    observer: lpm.observe,
  });
  const a = run.aggregates[0][0];
  const total = (m: number) => {
    let s = 0;
    for (let t = 0; t < run.stamp.years; t++) s += a[at(t, 0, m)];
    return s;
  };
  const share = total(M.exporters) / total(M.firms);
  const survival = spellSurvival(run, 0, 2);
  const fit = lpm.fit();
  const values: Record<string, number> = {
    sme_exporter_share: share,
    uk_sme_employer_exporter_share: share,
    lpm_prior_export_effect: fit.coef[1],
    new_spell_survival_1y: survival[0].mean,
    new_spell_survival_2y: survival[1].mean,
    mean_export_intensity: total(M.intensity_sum) / total(M.exporters),
    reentry_recency_ratio:
      total(M.gap1_reentries) /
      total(M.gap1_at_risk) /
      (total(M.gap3plus_reentries) / total(M.gap3plus_at_risk)),
    diversified_exit_ratio:
      total(M.three_plus_market_exits) /
      total(M.three_plus_market_exporters) /
      (total(M.one_market_exits) / total(M.one_market_exporters)),
    founder_experience_ratio:
      total(M.founder_experience_exporters) / total(M.founder_experience_firms) / share,
  };
  const checks = TARGETS.map((t) => {
    const value = values[t.id];
    return { ...t, value, pass: value >= t.lo && value <= t.hi };
  });
  return {
    checks,
    lpm: fit,
    model_hysteresis: total(M.hysteresis_sum) / total(M.hysteresis_n),
    run,
  };
}
