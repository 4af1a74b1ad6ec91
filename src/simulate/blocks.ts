/**
 * Simulates a list of allocation blocks for one replication: baseline and reforms in lockstep,
 * year by year within a block, block after block. Firms do not interact across blocks, so a
 * block's result is the same whichever thread runs it; the runner adds block results in block
 * order, which makes the totals bit-identical for any number of threads.
 */
import { allocateEffects, type YearHooks } from "./intervention.ts";
import { ByteCounter, KernelArena } from "./kernel/arena.ts";
import { kernelModule } from "./kernel/wasm-module.ts";
import { aggregateLength, N_GROUPS, N_METRICS, P, PROGRAMME_METRICS } from "./metrics.ts";
import { fastParams, type SimParams } from "./params.ts";
import {
  allocatePopulation,
  type ColumnAllocator,
  columnNames,
  HEAP_COLUMNS,
  type Population,
  weightSum,
} from "./population.ts";
import { collectKernel, foldCells, newCells } from "./processes/collect.ts";
import type { StepContext } from "./processes/context.ts";
import { allocateDecisionScratch } from "./processes/export-decision.ts";
import { stepYearByProcess } from "./reference-step.ts";
import { counterRng } from "./rng.ts";
import { synthesizeRange } from "./synthesize.ts";
import { refreshStaticIndex, type ScenarioState, stepYear } from "./year-step.ts";

export interface BlockPlan {
  /** Firms (slots) in the population. */
  firms: number;
  /** Policy years simulated and reported. */
  years: number;
  /** Calendar year of the first policy year. */
  startYear: number;
  /** Years simulated before `startYear` (no programmes, not reported) to reach a steady state. */
  burnIn: number;
  /** Slots per allocation block. */
  blockSize: number;
  seed: number;
  params: SimParams;
  /**
   * Scenario the others are compared with (deadweight: supported firms that export in it the
   * same year). Default 0, the world without programmes, which is compared with itself only
   * through the others.
   */
  reference?: number;
  /**
   * The scenarios each part of a block owns, when a block's scenarios are split over threads
   * (a replication that is one block, on more threads than replications). Every part also runs
   * the baseline and the reference, which the others read, and reports only what it owns, so
   * the parts add up to the whole. Absent: one part owns every scenario.
   */
  parts?: number[][];
  /**
   * The blocks' weights, summed once by the runner for all its block tasks (`blockWeights`);
   * absent, each call of `simulateBlocks` sums them.
   */
  weights?: BlockWeights;
}

export interface BlockResult {
  block: number;
  /** The part of the block's scenarios (BlockPlan.parts); 0 without parts. */
  part: number;
  /** Per scenario (0 = baseline): aggregates laid out by metrics.ts `at()`. */
  aggregates: Float64Array[];
  /** Per scenario: years x programmes x PROGRAMME_METRICS. */
  programmes: Float64Array[];
}

/** Called after each simulated year of each scenario for a range (panel output, estimation). */
export type YearObserver = (
  scenario: number,
  year: number,
  pop: Population,
  start: number,
  end: number,
) => void;

/** A unit of work for one thread: some blocks of one replication, or a part of them. */
export interface BlockTask {
  replication: number;
  blocks: number[];
  /** Which part of the blocks' scenarios (BlockPlan.parts); 0 without parts. */
  part: number;
}

/**
 * The task of claim number `t` in a run: replications in order, blocks in order within each,
 * and the parts of a block in order.
 */
export function taskAt(t: number, blocksPerReplication: number, parts = 1): BlockTask {
  const perReplication = blocksPerReplication * parts;
  const within = t % perReplication;
  return {
    replication: Math.floor(t / perReplication),
    blocks: [Math.floor(within / parts)],
    part: within % parts,
  };
}

/**
 * Splits a run's scenarios into `count` parts for threads (BlockPlan.parts): the others in
 * contiguous runs, and the baseline and the reference with the first part.
 */
export function scenarioParts(scenarios: number, reference: number, count: number): number[][] {
  const shared = reference === 0 ? [0] : [0, reference];
  const rest = Array.from({ length: scenarios }, (_, k) => k).filter((k) => !shared.includes(k));
  const n = Math.max(1, Math.min(count, rest.length));
  const parts: number[][] = [];
  for (let p = 0; p < n; p++) {
    const own = rest.slice(
      Math.floor((p * rest.length) / n),
      Math.floor(((p + 1) * rest.length) / n),
    );
    parts.push(p === 0 ? [...shared, ...own] : own);
  }
  return parts;
}

export function blockCount(plan: Pick<BlockPlan, "firms" | "blockSize">): number {
  return Math.ceil(plan.firms / plan.blockSize);
}

/** One scenario's state on the JavaScript heap (or from `alloc`), run by the JavaScript kernels. */
export function allocateScenario(
  capacity: number,
  hooks: YearHooks[],
  alloc: ColumnAllocator = HEAP_COLUMNS,
): ScenarioState {
  return {
    pop: allocatePopulation(capacity, alloc),
    effects: allocateEffects(capacity, alloc),
    scratch: allocateDecisionScratch(capacity, alloc),
    masks: hooks.map(() => alloc.u8(capacity)),
    recipients: alloc.u8(capacity),
    born: alloc.u8(capacity),
    staticIndex: alloc.f64(capacity),
    hooks,
    kernel: null,
  };
}

/**
 * Bytes of the compiled kernel's memory that the states of a baseline and its reforms
 * (`hooks[k]` for scenario k) take for `capacity` slots each, windows aside.
 */
export function scenarioBytes(capacity: number, hooks: YearHooks[][]): number {
  const counter = new ByteCounter(null);
  for (const h of hooks) allocateScenario(capacity, h, counter);
  return counter.bytes;
}

/**
 * The states of a baseline and its reforms (`hooks[k]` for scenario k), all in one arena of the
 * compiled kernel's memory when the kernel is available and they fit; on the heap otherwise.
 * With `window` below `capacity`, the arena holds `window` slots of each per-slot column: the
 * runner simulates one block at a time, and `enterBlock` moves every scenario's columns onto
 * the next block's slots, so memory grows with the block, not with the population.
 */
export function allocateScenarios(
  capacity: number,
  hooks: YearHooks[][],
  window = capacity,
): ScenarioState[] {
  const module = kernelModule();
  if (module !== null) {
    const slots = window < capacity ? { capacity, slots: window } : null;
    const counter = new ByteCounter(slots);
    for (const h of hooks) allocateScenario(capacity, h, counter);
    const arena = KernelArena.create(module, capacity, counter.bytes, hooks.length, slots);
    if (arena !== null) {
      return hooks.map((h) => {
        const { value: s, records } = arena.scenarioColumns(() =>
          allocateScenario(capacity, h, arena),
        );
        s.kernel = arena.describe(s, records);
        return s;
      });
    }
  }
  return hooks.map((h) => allocateScenario(capacity, h));
}

/**
 * Points the windowed columns of `s` (allocateScenarios with a window) at slots [start, end),
 * emptied; a no-op for other states. Every column array of the state is replaced, so nothing
 * may keep one from an earlier block (programmes receive theirs each year).
 */
export function enterBlock(s: ScenarioState, start: number, end: number): void {
  const k = s.kernel;
  if (k === null || k.arena.window === null) return;
  if (end - start > k.arena.window) {
    throw new RangeError(`block [${start}, ${end}) is larger than the arena's window`);
  }
  const { value: fresh } = k.arena.scenarioColumns(
    () => allocateScenario(s.pop.capacity, s.hooks, k.arena),
    k.records,
    start,
    end,
  );
  const n = s.pop.n;
  Object.assign(s.pop, fresh.pop);
  s.pop.n = n;
  Object.assign(s.effects, fresh.effects);
  Object.assign(s.scratch, fresh.scratch);
  s.masks = fresh.masks;
  s.recipients = fresh.recipients;
  s.born = fresh.born;
  s.staticIndex = fresh.staticIndex;
  k.arena.addressColumns(s, k);
}

export interface BlockWeights {
  /** Each block's weight. */
  weights: Float64Array;
  /** The weight of the blocks before each block; `upTo[blocks]` is the population's. */
  upTo: Float64Array;
  /** Whether every weight is a whole number, so that the sums are exact. */
  whole: boolean;
}

/** The blocks' survey weights of a plan's population (`initial`, or synthetic firms of weight 1). */
export function blockWeights(
  plan: Pick<BlockPlan, "firms" | "blockSize">,
  initial: Population | null,
): BlockWeights {
  const blocks = Math.ceil(plan.firms / plan.blockSize);
  const weights = new Float64Array(blocks);
  const upTo = new Float64Array(blocks + 1);
  for (let b = 0; b < blocks; b++) {
    const start = b * plan.blockSize;
    const end = Math.min(plan.firms, start + plan.blockSize);
    weights[b] = initial ? weightSum(initial, start, end) : end - start;
    upTo[b + 1] = upTo[b] + weights[b];
  }
  let whole = true;
  if (initial !== null) {
    const { weight } = initial;
    for (let i = 0; i < plan.firms && whole; i++) whole = Number.isInteger(weight[i]);
  }
  return { weights, upTo, whole };
}

/** The survey weight of the slots in [start, end) that `mask` marks. */
function weightOn(pop: Population, mask: Uint8Array, start: number, end: number): number {
  const { weight } = pop;
  let sum = 0;
  for (let i = start; i < end; i++) if (mask[i]) sum += weight[i];
  return sum;
}

function copyRange(dst: Population, src: Population, start: number, end: number): void {
  for (const k of columnNames(src)) {
    const from = src[k] as Uint8Array;
    (dst[k] as Uint8Array).set(from.subarray(start, end), start);
  }
  dst.n = Math.max(dst.n, end);
}

/** Runs of a range's policy years in this thread so far (SimYear.pass). */
let passes = 0;

/** Slots per tile of a block's burn-in years. */
const BURN_IN_TILE = 16384;

/**
 * How a year is computed: the fused firm-year pass, or the readable process-by-process
 * reference (same numbers, several times slower; for tests).
 */
export type YearPath = "fused" | "reference";

/**
 * Runs `blocks` of replication `replication`. `scenarios[0]` is the baseline. `initial`, when
 * given, is a loaded population (slots 0..firms-1) used instead of synthesis. `onYear` is
 * called after each year of each block, burn-in years included (progress). With `plan.parts`,
 * only part `part` of the scenarios is run and reported (the others' results are zero).
 */
export function simulateBlocks(
  plan: BlockPlan,
  replication: number,
  blocks: readonly number[],
  scenarios: ScenarioState[],
  initial: Population | null,
  observer?: YearObserver,
  path: YearPath = "fused",
  onYear?: () => void,
  part = 0,
): BlockResult[] {
  const rng = counterRng(plan.seed, replication);
  const params = fastParams(plan.params);
  const base = scenarios[0];
  const results: BlockResult[] = [];
  const owned = plan.parts?.[part] ?? null;
  const cells = newCells();
  // One byte per slot of the population (its pages touched block by block).
  const startPosition = new Uint8Array(base.pop.capacity);
  // A block's share of a budget is its share of the population the firms stand for: with
  // survey weights, its weight over the register's (a slot keeps its weight across births).
  // Weight of the blocks before each block, summed in block order so that one block's end is
  // exactly the next one's start (whole grants are split by these, see SimYear).
  const { weights, upTo, whole } = plan.weights ?? blockWeights(plan, initial);
  const last = upTo.length - 2;
  const populationWeight = upTo[last + 1];
  // The grant a firm of average weight costs is the unit budgets are split in (SimYear).
  const meanWeight = populationWeight / plan.firms;
  // The mean and the unit round once each; a sum of fractional weights up to once per firm.
  const roundoff = (4 + (whole ? 0 : plan.firms)) * Number.EPSILON;
  for (const block of blocks) {
    const start = block * plan.blockSize;
    const end = Math.min(plan.firms, start + plan.blockSize);
    const rangeWeight = weights[block];
    const budgetShare = rangeWeight / populationWeight;
    const split = {
      before: upTo[block] / populationWeight,
      through: block === last ? 1 : upTo[block + 1] / populationWeight,
      populationWeight,
      meanWeight,
      roundoff,
    };
    for (const s of scenarios) enterBlock(s, start, end);
    const aggregates = scenarios.map(() => new Float64Array(aggregateLength(plan.years)));
    const programmes = scenarios.map(
      (s) => new Float64Array(plan.years * s.hooks.length * PROGRAMME_METRICS.length),
    );
    if (initial) copyRange(base.pop, initial, start, end);
    else synthesizeRange(base.pop, start, end, plan.startYear - plan.burnIn - 1, params, rng);
    refreshStaticIndex(base, params, start, end);
    const ctx: StepContext = { year: 0, start, end, params, rng };
    const step = path === "fused" ? stepYear : stepYearByProcess;
    // No programme acts in burn-in years and firms do not interact, so each tile of a large
    // block (one national queue) runs them all while its columns are in cache: the same bits
    // as year by year over the block.
    for (let a = start; a < end; a += BURN_IN_TILE) {
      ctx.start = a;
      ctx.end = Math.min(end, a + BURN_IN_TILE);
      for (let y = plan.startYear - plan.burnIn; y < plan.startYear; y++) {
        ctx.year = y;
        step(base, ctx, { yearIndex: -1, budgetShare, rangeWeight });
      }
    }
    ctx.start = start;
    ctx.end = end;
    for (let y = 0; y < plan.burnIn; y++) onYear?.();
    const reference = plan.reference ?? 0;
    const pass = ++passes;
    // The reference runs its year right after the baseline, before the scenarios compared with
    // it read its export status; the order changes nothing else (scenarios share no state).
    const order = [...new Set([0, reference, ...scenarios.keys()])].filter(
      (k) => owned === null || owned.includes(k) || k === 0 || k === reference,
    );
    for (const k of order) {
      if (k === 0) continue;
      copyRange(scenarios[k].pop, base.pop, start, end);
      scenarios[k].staticIndex.set(base.staticIndex.subarray(start, end), start);
    }
    for (let t = 0; t < plan.years; t++) {
      ctx.year = plan.startYear + t;
      // Segments are the baseline's positions before this year's decisions (pre-treatment).
      startPosition.set(base.pop.position.subarray(start, end), start);
      for (const k of order) {
        const s = scenarios[k];
        const against = k === reference ? base : scenarios[reference];
        // What the year's tallies compare with, the same for both paths. The reference's support
        // this year: a scenario's support the reference did not give is what the scenario adds
        // (all of it against the baseline, which gives none).
        const compared = {
          segment_N: startPosition,
          segmentBorn_N: base.pop.position,
          recipients_N: k === 0 ? null : s.recipients,
          baselineExporting_N: k === 0 ? null : against.pop.exporting,
          referenceRecipients_N: k === 0 || against.hooks.length === 0 ? null : against.recipients,
        };
        const tally = path === "fused" ? { cells: cells.fill(0), ...compared } : null;
        const reports = step(s, ctx, {
          yearIndex: t,
          budgetShare,
          rangeWeight,
          split,
          pass,
          tally,
        });
        for (let h = 0; h < reports.length; h++) {
          const o = (t * s.hooks.length + h) * PROGRAMME_METRICS.length;
          const r = reports[h];
          programmes[k][o + P.eligible] += r.eligible;
          programmes[k][o + P.take_up] += r.takeUp;
          programmes[k][o + P.spend] += r.spend;
          programmes[k][o + P.applicants] += r.applicants ?? 0;
          programmes[k][o + P.rationed_out] += r.rationedOut ?? 0;
          // The population's budget, the same in every block, counted in the first block only:
          // Infinity when uncapped, NaN when the hook does not say (summarize.ts).
          if (block === 0) {
            const b = r.allotted;
            programmes[k][o + P.budget] =
              b === undefined ? Number.NaN : b === null ? Number.POSITIVE_INFINITY : b;
          }
          programmes[k][o + P.weighted_take_up] += initial
            ? weightOn(s.pop, r.recipients, start, end)
            : r.takeUp;
        }
        if (tally) foldCells(cells, aggregates[k], t);
        else {
          collectKernel(
            s.pop,
            {
              ...compared,
              scratch: s.scratch,
              spend_N: k === 0 ? null : s.effects.spend,
              born_N: s.born,
            },
            aggregates[k],
            t,
            ctx,
          );
        }
        observer?.(k, ctx.year, s.pop, start, end);
      }
      onYear?.();
    }
    if (owned !== null) {
      // The baseline and the reference are reported by the part that owns them.
      for (let k = 0; k < scenarios.length; k++) {
        if (owned.includes(k)) continue;
        aggregates[k].fill(0);
        programmes[k].fill(0);
      }
    }
    results.push({ block, part, aggregates, programmes });
  }
  return results;
}

export const AGGREGATE_SHAPE = { groups: N_GROUPS, metrics: N_METRICS } as const;
