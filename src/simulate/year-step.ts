/**
 * One year of one scenario over one range of slots. Births, deaths and the demand shock come
 * first; programmes act next (they see this year's newborns) and before the export decision;
 * the rest of the year runs in one pass per firm (kernel/firm-year.ts), tile by tile.
 */
import type { BudgetSplit } from "../policy/index.ts";
import {
  clearEffects,
  type EffectColumns,
  type ProgrammeYearReport,
  type YearHooks,
} from "./intervention.ts";
import type { ScenarioKernel } from "./kernel/arena.ts";
import { demographyAndDemand } from "./kernel/births.ts";
import { yearConstants } from "./kernel/constants.ts";
import { firmYearPass, type YearTally } from "./kernel/firm-year.ts";
import { staticIndexRange } from "./kernel/static-index.ts";
import {
  type ArenaScenario,
  arenaDemography,
  arenaYearPass,
  prepareArenaYear,
} from "./kernel/wasm-year.ts";
import type { SimParams } from "./params.ts";
import type { Population } from "./population.ts";
import type { StepContext } from "./processes/context.ts";
import type { DecisionScratch } from "./processes/export-decision.ts";

/** Everything one scenario keeps between years (reused, never reallocated). */
export interface ScenarioState {
  pop: Population;
  effects: EffectColumns;
  /** The process-by-process reference path's per-slot scratch (reference-step.ts). */
  scratch: DecisionScratch;
  /** One recipient mask per programme, and their union. */
  masks: Uint8Array[];
  recipients: Uint8Array;
  /** 1 for slots whose firm was born this year. */
  born: Uint8Array;
  /**
   * The static part of each slot's export index (kernel/static-index.ts), kept by the fused
   * pass; `refreshStaticIndex` after filling slots from outside the yearly step.
   */
  staticIndex: Float64Array;
  hooks: YearHooks[];
  /** Its place in the compiled kernel's memory, or null (JavaScript kernels). */
  kernel: ScenarioKernel | null;
}

/** Slots per cache tile: a tile's columns stay in L1/L2 between births and the rest. */
const TILE = 2048;

export interface StepOptions {
  /** 0-based year since the policy start; negative during burn-in (no programme acts). */
  yearIndex: number;
  /** Share of the population weight in this range (the share of annual budgets). */
  budgetShare: number;
  /** The firms this range stands for (SimYear). */
  rangeWeight: number;
  /** How the ranges share whole grants (SimYear). */
  split?: BudgetSplit;
  /** This run of the range's policy years (SimYear.pass). */
  pass?: number;
  /** Where the year's tallies go (policy years); omitted or null in burn-in. */
  tally?: YearTally | null;
}

/** Runs one year; returns the programmes' reports (empty in burn-in or for the baseline). */
export function stepYear(
  s: ScenarioState,
  ctx: StepContext,
  opts: StepOptions,
): ProgrammeYearReport[] {
  const { pop } = s;
  const { start, end } = ctx;
  const acting = opts.yearIndex >= 0 && s.hooks.length > 0;
  const pass = { acting, demography: !acting, tally: opts.tally ?? null };
  const held = s.kernel ? (s as ArenaScenario) : null;
  if (held) prepareArenaYear(held, ctx);
  // Programmes read the whole range after births, so births then run in their own pass.
  if (acting) {
    if (held) arenaDemography(held, ctx, TILE);
    else demographyAndDemand(pop, s.born, s.staticIndex, ctx);
  }
  const reports = acting ? runProgrammes(s, ctx, opts) : [];
  if (held) arenaYearPass(held, ctx, TILE, pass);
  else {
    const tile: StepContext = { ...ctx };
    for (let t0 = start; t0 < end; t0 += TILE) {
      tile.start = t0;
      tile.end = Math.min(end, t0 + TILE);
      firmYearPass(pop, s.effects, s.born, s.staticIndex, tile, pass);
    }
  }
  return reports;
}

/** Recomputes the kept static index of slots [start, end) (after synthesis or a copy). */
export function refreshStaticIndex(
  s: ScenarioState,
  params: SimParams,
  start: number,
  end: number,
): void {
  staticIndexRange(s.pop, s.staticIndex, start, end, yearConstants(params));
}

/**
 * Calls the scenario's programmes for the range (policy years only): zeroes the effect
 * columns and masks, and ORs each programme's mask into `recipients`.
 */
export function runProgrammes(
  s: ScenarioState,
  ctx: StepContext,
  opts: StepOptions,
): ProgrammeYearReport[] {
  const reports: ProgrammeYearReport[] = [];
  if (opts.yearIndex < 0 || s.hooks.length === 0) return reports;
  const { pop } = s;
  const { start, end } = ctx;
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
      rangeWeight: opts.rangeWeight,
      split: opts.split,
      pass: opts.pass,
      rng: ctx.rng,
    };
    reports.push(s.hooks[h].beforeDecision(yctx, pop, s.effects, mask));
    const recipients = s.recipients;
    for (let i = start; i < end; i++) recipients[i] |= mask[i];
  }
  return reports;
}
