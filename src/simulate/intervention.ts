/**
 * How a support programme acts on a simulated year. The kernel stays generic: before the export
 * decision of each year it hands every programme of a reform the population, a range of slots,
 * zeroed effect columns and a zeroed recipient mask. The programme (src/policy) decides who is
 * eligible, who takes up, how the budget is rationed and what the support changes, by writing
 * per-firm shifts into the effect columns; the kernel applies them in its processes.
 *
 * Ranges. Firms are processed in fixed allocation blocks (`RunOptions.blockSize`, default 16384
 * slots) whatever the number of threads, and a hook is called once per block and year. A
 * programme with an annual budget rations `budget * ctx.budgetShare` within the block (the
 * block's share of the population weight), so results are identical on 1 or K threads. With
 * large blocks this approximates one national queue.
 *
 * Units. The export decision compares a latent export profit index with costs, both in
 * "latent profit units" (logit scale: +1 multiplies the odds of exporting by e). Effects are in
 * those units unless stated.
 */
import type { Population } from "./population.ts";
import type { CounterRng } from "./rng.ts";

/**
 * Per-slot shifts a programme writes for this year (index = slot, length = capacity). The
 * kernel zeroes each column over the range before calling the hooks, and hooks ADD to them so
 * several programmes combine.
 */
export interface EffectColumns {
  /**
   * Reduction of the sunk entry (or re-entry) cost this year, latent profit units, >= 0.
   * Applies only to a firm not exporting last year (e.g. an export-readiness grant).
   */
  sunkCostOffset: Float64Array;
  /** Reduction of this year's fixed cost of exporting, latent profit units, >= 0. */
  fixedCostOffset: Float64Array;
  /**
   * Permanent reduction of the four barrier scores, in barrier points on the 1..5 scale
   * (information and advice; floors at 1). Applied once, in the year written.
   */
  barrierReduction: Float64Array;
  /**
   * Addition to the export knowledge stock, in experience-equivalent years (a learning review,
   * skills support). It then depreciates like any knowledge.
   */
  learningBoost: Float64Array;
  /**
   * Probability, 0..1, that a firm without links forms a link with a larger firm this year
   * (brokering, piggy-back schemes). A formed link is permanent.
   */
  linkProbability: Float64Array;
  /**
   * Probability, 0..1, that the entrepreneur acquires export experience this year through a
   * mentor (habitual exporters mentoring novices). Acquired experience is permanent.
   */
  mentoringExperience: Float64Array;
}

export const EFFECT_NAMES = [
  "sunkCostOffset",
  "fixedCostOffset",
  "barrierReduction",
  "learningBoost",
  "linkProbability",
  "mentoringExperience",
] as const satisfies ReadonlyArray<keyof EffectColumns>;

export function allocateEffects(capacity: number): EffectColumns {
  return {
    sunkCostOffset: new Float64Array(capacity),
    fixedCostOffset: new Float64Array(capacity),
    barrierReduction: new Float64Array(capacity),
    learningBoost: new Float64Array(capacity),
    linkProbability: new Float64Array(capacity),
    mentoringExperience: new Float64Array(capacity),
  };
}

/** Zeroes every effect column over slots [start, end). */
export function clearEffects(effects: EffectColumns, start: number, end: number): void {
  for (const name of EFFECT_NAMES) effects[name].fill(0, start, end);
}

/** What a hook knows about the year and range it is called for. */
export interface YearContext {
  /** Calendar year of the decision. */
  year: number;
  /** 0 for the first policy year, 1 for the next, ... */
  yearIndex: number;
  /** Slots [start, end) to act on; other slots must not be read or written. */
  start: number;
  end: number;
  /** Share of the population weight in this range (0..1): the share of an annual budget. */
  budgetShare: number;
  /** The run's generator: draw with `rng.uniform(rng.key(year, STREAM.policyBase + k), slot)`. */
  rng: CounterRng;
}

/** What one programme did in one range and year; the runner sums these over ranges. */
export interface ProgrammeYearReport {
  /** Firms that met the eligibility rules (count, unweighted). */
  eligible: number;
  /** Firms that received support (count, unweighted); must equal the ones set in `recipients`. */
  takeUp: number;
  /** Money spent in this range and year, in the programme's currency units. */
  spend: number;
  /**
   * The recipient mask the hook was given, with 1 at each supported slot of the range. The
   * kernel reads it for take-up by segment and for deadweight (recipients that export in the
   * baseline in the same year).
   */
  recipients: Uint8Array;
}

/** One programme's yearly behaviour. Must be pure given its inputs (no clock, no Math.random). */
export interface YearHooks {
  /** Programme id, used to name its take-up and spend in the results. */
  readonly id: string;
  /**
   * Called once per year and range, before the export decision and after births, deaths and the
   * domestic demand shock. Reads the population, writes effects (adding) and the recipient mask.
   */
  beforeDecision(
    ctx: YearContext,
    pop: Readonly<Population>,
    effects: EffectColumns,
    recipients: Uint8Array,
  ): ProgrammeYearReport;
}

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
