/**
 * The reference year: each process of `processes/` as its own loop, in the model's order.
 * Programmes act after births, deaths and the demand shock and before the export decision.
 * The runner uses the fused pass of year-step.ts; this readable sequence is its oracle (the two
 * must agree bit for bit, test/simulate/firm-year.test.ts).
 */
import type { ProgrammeYearReport } from "./intervention.ts";
import { classifyKernel } from "./processes/classify.ts";
import type { StepContext } from "./processes/context.ts";
import { domesticDemandKernel } from "./processes/demand.ts";
import { demographyKernel } from "./processes/demography.ts";
import { exportDecisionKernel } from "./processes/export-decision.ts";
import { intensityKernel } from "./processes/intensity.ts";
import { learningKernel } from "./processes/learning.ts";
import { partnerNetworksKernel } from "./processes/networks.ts";
import { performanceKernel } from "./processes/performance.ts";
import { applySupportKernel } from "./processes/support.ts";
import { runProgrammes, type ScenarioState, type StepOptions } from "./year-step.ts";

/** Slots per cache tile (columns of a tile fit in L2 across the processes). */
const TILE = 2048;

/** Runs one year process by process; returns the programmes' reports. */
export function stepYearByProcess(
  s: ScenarioState,
  ctx: StepContext,
  opts: StepOptions,
): ProgrammeYearReport[] {
  const { pop } = s;
  const { start, end } = ctx;
  demographyKernel(pop, ctx, s.born);
  domesticDemandKernel(pop.domesticDemand, pop.salesGrowth, ctx);

  const reports = runProgrammes(s, ctx, opts);
  const acting = reports.length > 0;
  // The remaining processes run tile by tile so a tile's columns stay in cache between them.
  const tile: StepContext = { ...ctx };
  for (let t0 = start; t0 < end; t0 += TILE) {
    tile.start = t0;
    tile.end = Math.min(end, t0 + TILE);
    partnerNetworksKernel(pop, s.effects.linkProbability, tile);
    if (acting) applySupportKernel(pop, s.effects, tile);
    exportDecisionKernel(pop, s.effects, s.scratch, tile);
    learningKernel(pop.knowledge, pop.exporting, tile);
    intensityKernel(pop, s.scratch.transition_N, tile);
    classifyKernel(pop, tile);
    performanceKernel(pop, tile);
  }
  return reports;
}
