/**
 * How a support programme acts on a simulated year. The kernel stays generic: before the export
 * decision of each year it hands every programme of a reform the population, a range of slots,
 * zeroed effect columns and a zeroed recipient mask. The programme (src/policy) decides who is
 * eligible, who takes up, how the budget is rationed and what the support changes, by writing
 * per-firm shifts into the effect columns; the kernel applies them in its processes.
 *
 * Ranges. Firms are processed in fixed allocation blocks (`RunOptions.blockSize`, default 16384
 * slots) whatever the number of threads, and a hook is called once per block and year. A
 * programme with an annual budget rations within the block its part of the budget: the block's
 * share of the population weight (`ctx.budgetShare`), or, for whole grants, its share of the
 * grants the budget pays for rounded systematically by the cumulative shares
 * (`ctx.split`), so the blocks' parts add up to the budget and
 * results are identical on 1 or K threads. With large blocks this approximates one national
 * queue.
 *
 * The hook contract (population columns, effects and their units, the year context, reports)
 * is declared once in src/policy (hook.ts); this module allocates and clears effect columns and
 * carries reforms to worker threads.
 */
import type { POLICY_STREAM_BASE, SimEffects, SimHooks, SimYear } from "../policy/index.ts";
import { type ColumnAllocator, HEAP_COLUMNS, type Population } from "./population.ts";
import type { STREAM } from "./rng.ts";

/**
 * Per-slot shifts a programme writes for this year, declared with their units by the policy
 * module (`SimEffects`). The kernel zeroes each column over the range before calling the hooks.
 */
export type EffectColumns = SimEffects;

export type { ProgrammeYearReport } from "../policy/index.ts";

export const EFFECT_NAMES = [
  "sunkCostOffset",
  "fixedCostOffset",
  "barrierReduction",
  "learningBoost",
  "linkProbability",
  "mentoringExperience",
] as const satisfies ReadonlyArray<keyof EffectColumns>;

export function allocateEffects(
  capacity: number,
  alloc: ColumnAllocator = HEAP_COLUMNS,
): EffectColumns {
  return {
    sunkCostOffset: alloc.f64(capacity),
    fixedCostOffset: alloc.f64(capacity),
    barrierReduction: alloc.f64(capacity),
    learningBoost: alloc.f64(capacity),
    linkProbability: alloc.f64(capacity),
    mentoringExperience: alloc.f64(capacity),
    spend: alloc.f64(capacity),
  };
}

/** Zeroes every effect column, and the spend per firm, over slots [start, end). */
export function clearEffects(effects: EffectColumns, start: number, end: number): void {
  for (const name of EFFECT_NAMES) effects[name].fill(0, start, end);
  effects.spend.fill(0, start, end);
}

/** What a hook knows about the year and range it is called for (`SimYear`). */
export type YearContext = SimYear;

/**
 * One programme's yearly behaviour, called with the whole simulated population. Policy hooks,
 * written for the policy's narrower `SimPopulation`, are YearHooks as they stand.
 */
export type YearHooks = SimHooks<Population>;

/**
 * Programmes draw from streams at and above `STREAM.policyBase`, which src/policy knows as
 * `POLICY_STREAM_BASE`: this type does not compile if the two constants ever differ.
 */
export type PolicyStreamBase = SameLiteral<typeof STREAM.policyBase, typeof POLICY_STREAM_BASE>;
type SameLiteral<A extends number, B extends A> = B;

/**
 * A reform as data, so it can cross to worker threads: the worker imports `factory` (a module
 * specifier or file URL exporting `buildYearHooks(scenario: unknown): YearHooks[]`) and builds
 * the hooks there. `scenario` must be structured-cloneable.
 */
export interface ReformSpec {
  /** Scenario id shown in the results. */
  id: string;
  /** Hash of the scenario file/content, stamped on the results. */
  hash: string;
  /** Module that builds the hooks; default: src/policy/index.ts. */
  factory?: string;
  scenario: unknown;
}

/** The contract a hook factory module exports. */
export type BuildYearHooks = (scenario: unknown) => YearHooks[];
