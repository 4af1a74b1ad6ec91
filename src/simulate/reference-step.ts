/**
 * One year of one scenario over one range of slots: the processes in their fixed order.
 * Programmes act after births, deaths and the demand shock and before the export decision.
 */
import {
  clearEffects,
  type EffectColumns,
  type ProgrammeYearReport,
  type YearHooks,
} from "./intervention.ts";
import type { Population } from "./population.ts";
import { classifyKernel } from "./processes/classify.ts";
import type { StepContext } from "./processes/context.ts";
import { domesticDemandKernel } from "./processes/demand.ts";
import { demographyKernel } from "./processes/demography.ts";
import { type DecisionScratch, exportDecisionKernel } from "./processes/export-decision.ts";
import { intensityKernel } from "./processes/intensity.ts";
import { learningKernel } from "./processes/learning.ts";
import { partnerNetworksKernel } from "./processes/networks.ts";
import { performanceKernel } from "./processes/performance.ts";
import { applySupportKernel } from "./processes/support.ts";

/** Everything one scenario keeps between years (reused, never reallocated). */
export interface ScenarioState {
  pop: Population;
  effects: EffectColumns;
  scratch: DecisionScratch;
  /** One recipient mask per programme, and their union. */
  masks: Uint8Array[];
  recipients: Uint8Array;
  /** 1 for slots whose firm was born this year. */
  born: Uint8Array;
  hooks: YearHooks[];
}

/** Slots per cache tile (columns of a tile fit in L2 across the processes). */
const TILE = 2048;

export interface StepOptions {
  /** 0-based year since the policy start; negative during burn-in (no programme acts). */
  yearIndex: number;
  /** Share of the population weight in this range (the share of annual budgets). */
  budgetShare: number;
}

/** Runs one year; returns the programmes' reports (empty in burn-in or for the baseline). */
export function stepYear(
  s: ScenarioState,
  ctx: StepContext,
  opts: StepOptions,
): ProgrammeYearReport[] {
  const { pop } = s;
  const { start, end } = ctx;
  demographyKernel(pop, ctx, s.born);
  domesticDemandKernel(pop.domesticDemand, pop.salesGrowth, ctx);

  const reports: ProgrammeYearReport[] = [];
  const acting = opts.yearIndex >= 0 && s.hooks.length > 0;
  if (acting) {
    // Without programmes the effect columns stay zero and are never touched.
    clearEffects(s.effects, start, end);
    s.recipients.fill(0, start, end);
    for (let h = 0; h < s.hooks.length; h++) {
      const mask = s.masks[h];
      mask.fill(0, start, end);
      const yctx = {
        year: ctx.year,
        yearIndex: opts.yearIndex,
        start,
        end,
        budgetShare: opts.budgetShare,
        rng: ctx.rng,
      };
      reports.push(s.hooks[h].beforeDecision(yctx, pop, s.effects, mask));
      const recipients = s.recipients;
      for (let i = start; i < end; i++) recipients[i] |= mask[i];
    }
  }
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
