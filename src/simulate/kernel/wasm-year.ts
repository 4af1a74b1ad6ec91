/**
 * The year of a scenario held in a kernel arena: the same steps as year-step.ts with the
 * JavaScript kernels (deaths and demand, births, programmes, the firm-year pass), with the
 * deaths, births and the firm-year pass run by the compiled kernel. Programmes and the
 * initial population's synthesis stay in JavaScript.
 */
import { EXP_GRID_TABLE } from "../fastmath.ts";
import type { StepContext } from "../processes/context.ts";
import type { ScenarioState } from "../year-step.ts";
import type { ScenarioKernel } from "./arena.ts";
import type { YearTally } from "./firm-year.ts";

const EXP_MID = EXP_GRID_TABLE.mid;

/** A scenario held in an arena. */
export type ArenaScenario = ScenarioState & { kernel: ScenarioKernel };

/** Writes the year's parameters and draw keys for the kernel: once per scenario and year. */
export function prepareArenaYear(s: ArenaScenario, ctx: StepContext): void {
  s.kernel.arena.useParams(ctx.params);
  s.kernel.arena.useYear(s.kernel, ctx.rng, ctx.year);
}

/** Deaths and demand shocks of slots [t0, t1), then newborns in the slots of the dead. */
function tileDemography(k: ScenarioKernel, t0: number, t1: number, year: number): void {
  const kernel = k.arena.kernel;
  if (kernel.deathsAndDemand(k.descriptor, t0, t1, year) > 0) {
    kernel.birthsInRange(k.descriptor, t0, t1, year, EXP_MID);
  }
}

/** Deaths, demand shocks and births over [ctx.start, ctx.end), tile by tile. */
export function arenaDemography(s: ArenaScenario, ctx: StepContext, tile: number): void {
  for (let t0 = ctx.start; t0 < ctx.end; t0 += tile) {
    tileDemography(s.kernel, t0, Math.min(ctx.end, t0 + tile), ctx.year);
  }
}

/**
 * The firm-year pass over [ctx.start, ctx.end), tile by tile; with `demography`, each tile's
 * deaths, demand shocks and newborns come first, while the tile is in cache (per slot the same
 * order as one loop, so the same bits). Both passes expect `prepareArenaYear` for the year.
 */
export function arenaYearPass(
  s: ArenaScenario,
  ctx: StepContext,
  tile: number,
  opts: { acting: boolean; demography: boolean; tally: YearTally | null },
): void {
  const { arena, descriptor } = s.kernel;
  const { start, end, year } = ctx;
  const tally = opts.tally;
  if (tally) {
    arena.cells.set(tally.cells);
    arena.useTally(
      s.kernel,
      tally.segment_N,
      tally.segmentBorn_N,
      tally.recipients_N,
      tally.baselineExporting_N,
      tally.referenceRecipients_N,
      start,
      end,
    );
  }
  const k = arena.kernel;
  const acting = opts.acting ? 1 : 0;
  const tallying = tally ? 1 : 0;
  for (let t0 = start; t0 < end; t0 += tile) {
    const t1 = Math.min(end, t0 + tile);
    if (opts.demography) tileDemography(s.kernel, t0, t1, year);
    k.firmYearPass(descriptor, t0, t1, year, acting, tallying, EXP_MID);
  }
  if (tally) tally.cells.set(arena.cells);
}
