/**
 * The Monte Carlo runner: baseline plus reforms over R replications, on 1 or K threads. Work is
 * split into allocation blocks; block results are added in block order, so totals are
 * bit-identical whatever the number of threads. Every result is stamped with the model
 * version, the parameter hash, the scenario hashes and the seed.
 */
import { totalmem } from "node:os";
import {
  allocateScenarios,
  type BlockPlan,
  type BlockResult,
  blockCount,
  blockWeights,
  scenarioBytes,
  scenarioParts,
  simulateBlocks,
  type YearObserver,
} from "./blocks.ts";
import { buildHooks } from "./hooks-factory.ts";
import type { ReformSpec, YearHooks } from "./intervention.ts";
import { warmUpKernels } from "./kernel/warm-up.ts";
import { aggregateLength, PROGRAMME_METRICS } from "./metrics.ts";
import {
  defaultParams,
  PARAM_SPECS,
  type ParamName,
  paramsHash,
  type SimParams,
} from "./params.ts";
import type { Population } from "./population.ts";
import type { ScenarioState } from "./year-step.ts";

/** Bumped whenever a process or a default changes the simulated numbers. */
export const MODEL_VERSION = "outward-sim/1.4.0";

export interface RunOptions {
  /** Firms in the population (ignored when `initial` is given). */
  firms: number;
  /** Policy years reported. */
  years: number;
  /** Monte Carlo replications. Default 1. */
  replications?: number;
  /** Seed of the counter-based generator. Default 1. */
  seed?: number;
  /** Threads: this one plus `threads - 1` workers; 1 runs in this thread only. Default 1. */
  threads?: number;
  /** Calendar year of the first policy year. Default 2025. */
  startYear?: number;
  /** Unreported years simulated first to reach a steady state. Default 15. */
  burnIn?: number;
  /**
   * Slots per allocation block, the unit of work of a thread and of budget rationing. Default:
   * the whole population when a programme shares a capped budget and the population fits one
   * block (`NATIONAL_QUEUE_BYTES`), so each budget has one national queue; otherwise
   * `DEFAULT_BLOCK_SIZE`.
   */
  blockSize?: number;
  /** Parameter values. Default `defaultParams()`. */
  params?: SimParams;
  /** Reforms compared with the baseline. Default none. */
  reforms?: ReformSpec[];
  /**
   * Id of the scenario the others are compared with: "baseline" (no programme, the default) or
   * a reform's id, e.g. a scenario file's current policy to see what a reform adds to it.
   */
  reference?: string;
  /** Hooks already built per reform (same order as `reforms`); only with threads = 1. */
  reformHooks?: YearHooks[][];
  /** A loaded population (e.g. a register via `fromProfiles`) instead of synthesis. */
  initial?: Population | null;
  /** Progress in block-years (each block's burn-in and policy years). Default none. */
  onProgress?: (done: number, total: number) => void;
  /** Called after every simulated year and block (panel output); only with threads = 1. */
  observer?: YearObserver;
}

export interface RunStamp {
  model_version: string;
  params_hash: string;
  /** Every parameter's value (PARAM_SPECS order), defaults and overrides alike. */
  params: Record<ParamName, number>;
  scenario_hashes: Record<string, string>;
  seed: number;
  firms: number;
  years: number;
  replications: number;
  start_year: number;
  burn_in: number;
  block_size: number;
  /** The scenario differences are taken from (RunOptions.reference). */
  reference: string;
}

export interface RunResult {
  stamp: RunStamp;
  params: SimParams;
  /** Scenario ids; [0] is "baseline". */
  scenarios: string[];
  /** Programme ids per scenario. */
  programmes: string[][];
  /** aggregates[replication][scenario], laid out by metrics.ts `at()`. */
  aggregates: Float64Array[][];
  /** programmeTotals[replication][scenario]: years x programmes x PROGRAMME_METRICS. */
  programmeTotals: Float64Array[][];
  /**
   * How capped budgets were rationed: in one national queue, in each block's own queue (the
   * population did not fit one block, or `blockSize` said so), or null when no programme
   * shares a capped budget.
   */
  budgetQueue: "national" | "blocks" | null;
}

/** Slots per block when budgets need no national queue (or it does not fit). */
export const DEFAULT_BLOCK_SIZE = 16384;

/**
 * The most kernel memory one thread gives a replication's whole population so that budgets
 * have one national queue (each thread holds every scenario's whole population then).
 */
export const NATIONAL_QUEUE_BYTES = 2 ** 31;

/**
 * Threads for a run whose every thread holds `bytes` (a national queue holds every scenario's
 * whole population): at most `threads`, at least 1, and no more than half of `memory` holds.
 * The thread count never changes the results, so fewer threads only cost time.
 */
export function threadsThatFit(threads: number, bytes: number, memory: number): number {
  return Math.max(1, Math.min(threads, Math.floor(memory / 2 / bytes)));
}

export async function runSimulation(opts: RunOptions): Promise<RunResult> {
  const params = opts.params ?? defaultParams();
  const firms = opts.initial ? opts.initial.n : opts.firms;
  const reforms = opts.reforms ?? [];
  let threads = opts.threads ?? 1;
  // Built here as well as in each worker: whether a programme shares a budget sets the blocks.
  const hooks =
    threads <= 1 && opts.reformHooks
      ? opts.reformHooks
      : await Promise.all(reforms.map((r) => buildHooks(r)));
  const sharesBudget = hooks.some((h) => h.some((x) => x.sharesBudget === true));
  // What a thread holds when a block is the whole population (every scenario's states).
  const wholeBytes = Number.isInteger(firms)
    ? scenarioBytes(firms, [[], ...hooks])
    : Number.POSITIVE_INFINITY;
  const national =
    opts.blockSize === undefined &&
    sharesBudget &&
    firms > DEFAULT_BLOCK_SIZE &&
    wholeBytes <= NATIONAL_QUEUE_BYTES;
  const blockSize = opts.blockSize ?? (national ? firms : DEFAULT_BLOCK_SIZE);
  if (blockSize >= firms && threads > 1) {
    threads = threadsThatFit(threads, wholeBytes, totalmem());
  }
  const plan: BlockPlan = {
    firms,
    years: opts.years,
    startYear: opts.startYear ?? 2025,
    burnIn: opts.burnIn ?? 15,
    blockSize,
    seed: opts.seed ?? 1,
    params,
  };
  const scenarioIds = ["baseline", ...reforms.map((r) => r.id)];
  const reference = opts.reference ?? "baseline";
  plan.reference = scenarioIds.indexOf(reference);
  if (plan.reference < 0) {
    throw new RangeError(
      `reference must be one of the scenarios (${scenarioIds.join(", ")}), got "${reference}"`,
    );
  }
  validatePlan(plan, opts);
  plan.weights = blockWeights(plan, opts.initial ?? null);
  const replications = opts.replications ?? 1;
  const nBlocks = blockCount(plan);
  if (threads >= 2 * replications && nBlocks === 1) {
    // One block per replication leaves threads idle: split each block's scenarios over them.
    // Every part runs the baseline (and the reference) again, so only as many parts as whole
    // rounds of idle threads (3 threads and 2 replications would wait on a third round).
    const parts = scenarioParts(
      1 + reforms.length,
      plan.reference,
      Math.floor(threads / replications),
    );
    if (parts.length > 1) plan.parts = parts;
  }
  const nParts = plan.parts?.length ?? 1;
  const total = replications * nBlocks * nParts;
  const blockYears = total * (plan.burnIn + plan.years);
  let done = 0;
  const aggregates: Float64Array[][] = [];
  const programmeTotals: Float64Array[][] = [];

  const merge = (rep: number, results: BlockResult[]) => {
    results.sort((a, b) => a.block - b.block || a.part - b.part);
    for (const r of results) {
      for (let k = 0; k < r.aggregates.length; k++) {
        addInto(aggregates[rep][k], r.aggregates[k]);
        addInto(programmeTotals[rep][k], r.programmes[k]);
      }
    }
  };

  const programmes = [[], ...hooks.map((h) => h.map((x) => x.id))];
  if (threads <= 1) {
    const scenarios = allocateScenarios(firms, [[], ...hooks], plan.blockSize);
    warmUpKernels();
    const onYear = () => opts.onProgress?.(++done, blockYears);
    for (let rep = 0; rep < replications; rep++) {
      allocateTotals(aggregates, programmeTotals, rep, plan.years, programmes);
      const results: BlockResult[] = [];
      for (let b = 0; b < nBlocks; b++) {
        results.push(
          ...simulateBlocks(
            plan,
            rep,
            [b],
            scenarios,
            opts.initial ?? null,
            opts.observer,
            "fused",
            onYear,
          ),
        );
      }
      merge(rep, results);
    }
  } else {
    const { runOnWorkers } = await import("./pool.ts");
    const byRep: BlockResult[][] = [];
    for (let rep = 0; rep < replications; rep++) {
      allocateTotals(aggregates, programmeTotals, rep, plan.years, programmes);
      byRep.push([]);
    }
    let local: ScenarioState[] | null = null;
    await runOnWorkers(
      threads,
      { plan, reforms, initial: opts.initial ?? null },
      total,
      nBlocks,
      (task, results) => {
        byRep[task.replication].push(...results);
      },
      (task, onYear) => {
        // This thread is one of the `threads`: it allocates its states on first use.
        local ??= allocateScenarios(firms, [[], ...hooks], plan.blockSize);
        warmUpKernels();
        const initial = opts.initial ?? null;
        return simulateBlocks(
          plan,
          task.replication,
          task.blocks,
          local,
          initial,
          undefined,
          "fused",
          onYear,
          task.part,
        );
      },
      (yearsDone) => opts.onProgress?.(yearsDone, blockYears),
    );
    for (let rep = 0; rep < replications; rep++) merge(rep, byRep[rep]);
  }

  return {
    stamp: {
      model_version: MODEL_VERSION,
      params_hash: paramsHash(params),
      params: Object.fromEntries(
        (Object.keys(PARAM_SPECS) as ParamName[]).map((k) => [k, params[k]]),
      ) as Record<ParamName, number>,
      scenario_hashes: Object.fromEntries([
        ["baseline", "empty"],
        ...reforms.map((r) => [r.id, r.hash]),
      ]),
      seed: plan.seed,
      firms,
      years: plan.years,
      replications,
      start_year: plan.startYear,
      burn_in: plan.burnIn,
      block_size: plan.blockSize,
      reference,
    },
    params,
    scenarios: scenarioIds,
    programmes,
    aggregates,
    programmeTotals,
    budgetQueue: !sharesBudget ? null : plan.blockSize >= firms ? "national" : "blocks",
  };
}

function allocateTotals(
  aggregates: Float64Array[][],
  programmeTotals: Float64Array[][],
  rep: number,
  years: number,
  programmes: string[][],
): void {
  aggregates[rep] = programmes.map(() => new Float64Array(aggregateLength(years)));
  programmeTotals[rep] = programmes.map(
    (p) => new Float64Array(years * p.length * PROGRAMME_METRICS.length),
  );
}

function addInto(dst: Float64Array, src: Float64Array): void {
  for (let i = 0; i < dst.length; i++) dst[i] += src[i];
}

/**
 * Bytes of yearly results a run keeps until it is summarized: for every replication and
 * scenario, each year's tallies by segment and state (intervals need every replication).
 */
export function resultBytes(years: number, replications: number, scenarios: number): number {
  return replications * scenarios * aggregateLength(years) * Float64Array.BYTES_PER_ELEMENT;
}

/**
 * The largest population a run takes. Each thread's kernel arena reserves 12 bytes per firm of
 * the population (a shifted-window margin and copies of other scenarios' tally columns) within
 * wasm32's 4 GiB, and a population that does not fit would fall back to whole-population
 * columns on the heap (~200 bytes per firm).
 */
export const MAX_FIRMS = 300_000_000;

function validatePlan(plan: BlockPlan, opts: RunOptions): void {
  const positiveInt = (name: string, v: number) => {
    if (!Number.isInteger(v) || v < 1)
      throw new RangeError(`${name} must be a positive integer, got ${v}`);
  };
  positiveInt("firms", plan.firms);
  if (plan.firms > MAX_FIRMS) {
    throw new RangeError(`firms must be at most ${MAX_FIRMS}, got ${plan.firms}`);
  }
  positiveInt("years", plan.years);
  positiveInt("blockSize", plan.blockSize);
  positiveInt("replications", opts.replications ?? 1);
  positiveInt("threads", opts.threads ?? 1);
  if (!Number.isInteger(plan.burnIn) || plan.burnIn < 0)
    throw new RangeError(`burnIn must be >= 0, got ${plan.burnIn}`);
  if ((opts.threads ?? 1) > 1 && (opts.observer || opts.reformHooks)) {
    throw new RangeError("observer and reformHooks need threads = 1 (they cannot cross threads)");
  }
}
