/**
 * A linear probability model of exporting on last year's export status with firm controls,
 * estimated on the simulated firm-years as they are produced (cross-products accumulated,
 * memory O(k^2)). This is how Roberts & Tybout (1997)-style hysteresis is read off a panel;
 * it is compared with the model's own state dependence in calibration and tests.
 */
import { invertSpd, solveSpd } from "../../stats/index.ts";
import type { Population } from "../population.ts";

export const LPM_TERMS = [
  "(intercept)",
  "exported_last_year",
  "sector_knowledge_manufacturing",
  "sector_traditional_manufacturing",
  "sector_business_services",
  "sector_consumer_services",
  "tech_medium",
  "tech_high",
  "log_employees",
  "founder_export_experience",
  "large_firm_links",
  "client_pull",
  "serial",
  "portfolio",
  "mean_barrier",
  "young",
] as const;
const K = LPM_TERMS.length;

export interface LpmFit {
  terms: readonly string[];
  coef: Float64Array;
  /** iid standard errors (serial correlation within firms makes these optimistic). */
  se: Float64Array;
  n: number;
}

export interface LpmAccumulator {
  /** A YearObserver for scenario `scenario` (default 0); skips firms born this year. */
  observe(scenario: number, year: number, pop: Population, start: number, end: number): void;
  fit(): LpmFit;
}

/** Regress exporter_t on exporter_{t-1} and controls over tradable firms older than a year. */
export function lpmAccumulator(scenario = 0): LpmAccumulator {
  const xtx = new Float64Array(K * K);
  const xty = new Float64Array(K);
  let yty = 0;
  let n = 0;
  const x = new Float64Array(K);
  return {
    observe(s, year, pop, start, end) {
      if (s !== scenario) return;
      for (let i = start; i < end; i++) {
        if (pop.tradable[i] === 0 || year - pop.founded[i] < 1) continue;
        const sector = pop.sector[i];
        const tech = pop.techIntensity[i];
        const type = pop.entrepreneurType[i];
        x.fill(0);
        x[0] = 1;
        x[1] = pop.exportHistory[i] & 1;
        if (sector < 4) x[2 + sector] = 1;
        if (tech > 0) x[5 + tech] = 1;
        x[8] = Math.log(pop.employees[i]);
        x[9] = pop.founderExportExperience[i];
        x[10] = pop.largeFirmLinks[i];
        x[11] = pop.clientPull[i];
        if (type > 0) x[11 + type] = 1;
        x[14] =
          0.25 *
          (pop.barrierAttitudinal[i] +
            pop.barrierResource[i] +
            pop.barrierOperational[i] +
            pop.barrierStrategic[i]);
        x[15] = year - pop.founded[i] < 5 ? 1 : 0;
        const y = pop.exporting[i];
        for (let a = 0; a < K; a++) {
          const xa = x[a];
          if (xa === 0) continue;
          xty[a] += xa * y;
          for (let b = 0; b < K; b++) xtx[a * K + b] += xa * x[b];
        }
        yty += y;
        n++;
      }
    },
    fit() {
      const coef = solveSpd(xtx, K, xty);
      let rss = yty;
      for (let a = 0; a < K; a++) rss -= coef[a] * xty[a];
      const sigma2 = rss / (n - K);
      const inv = invertSpd(xtx, K);
      const se = new Float64Array(K);
      for (let a = 0; a < K; a++) se[a] = Math.sqrt(sigma2 * inv[a * K + a]);
      return { terms: LPM_TERMS, coef, se, n };
    },
  };
}
