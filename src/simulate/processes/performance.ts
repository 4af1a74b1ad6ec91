/**
 * Performance: sales growth responds to domestic demand and, with a lag, to exporting (the
 * review asks researchers to identify the time lag between internationalizing and performing
 * better). Employment follows sales with an elasticity below one; firms stay SMEs (<= 249).
 * exp is the table-based `expFast` (relative error < 1e-10): the library call cost more than
 * the rest of the process.
 * Runs after demand.ts, which wrote the demand part of this year's growth.
 */

import { expFast, logisticFromHash } from "../fastmath.ts";
import type { Population } from "../population.ts";
import { mix32s, SLOT_MULT, STREAM, U32_TO_UNIT } from "../rng.ts";
import { checkRange, type StepContext } from "./context.ts";

// Local aliases: hot loops must not read imported bindings (a getter per call under tsx).
const hash = mix32s;
const MULT = SLOT_MULT;
const _UNIT = U32_TO_UNIT;

const LOG_MAX_EMPLOYEES = Math.log(249);

export function performance(pop: Population, ctx: StepContext): void {
  checkRange(ctx, pop.capacity);
  performanceKernel(pop, ctx);
}

export function performanceKernel(pop: Population, ctx: StepContext): void {
  const { year, start, end, params: p, rng } = ctx;
  // The export decision draw's top 12 bits (its low 20 decide: export-decision.ts).
  const key = rng.key(year, STREAM.decision);
  const { exportHistory, exporting, sales, salesGrowth, employees, logEmployees } = pop;
  // Bit k of the history (updated this year) is "exported k+1 years ago"; lag 1 = last year.
  const lag = p.exportPerformanceLag;
  const bit = lag - 1;
  const base = p.salesGrowthBase;
  const bonus = p.salesGrowthExportLagged;
  const scale = p.salesNoise;
  const empEl = p.employmentElasticity;
  for (let i = start; i < end; i++) {
    const exportedThen = lag === 0 ? exporting[i] : (exportHistory[i] >>> bit) & 1;
    const g =
      salesGrowth[i] +
      base +
      bonus * exportedThen +
      scale * logisticFromHash(hash(key ^ Math.imul(i + 1, MULT)));
    salesGrowth[i] = g;
    sales[i] *= expFast(g);
    // Employment follows sales in logs, bounded to SME sizes 1..249.
    let logEmp = logEmployees[i] + empEl * g;
    logEmp = logEmp < 0 ? 0 : Math.min(logEmp, LOG_MAX_EMPLOYEES);
    logEmployees[i] = logEmp;
    employees[i] = expFast(logEmp);
  }
}
