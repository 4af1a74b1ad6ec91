import type { Instrument } from "../framework/index.ts";
import type { Rule } from "./rule/rule.ts";

/**
 * A programme system: the support programmes in force, as data. Baselines and reforms are both
 * programme systems; a reform maps one to another (see reform.ts).
 */
export interface ProgrammeSystem {
  /** Currency of every cost and budget in the system; default "EUR". */
  currency: string;
  /**
   * Number of firms the budgets are written for. When set, each block of a simulation gets
   * budget × its firms / this, so budgets scale with the simulated population; when null or
   * absent, budgets are for the simulated population as it is.
   */
  budget_basis_firms?: number | null;
  programmes: Programme[];
}

export interface Programme {
  id: string;
  title: string;
  description: string;
  /** Years the programme runs; each instrument may narrow it. */
  years: YearSpan;
  instruments: InstrumentSpec[];
}

/** Inclusive span of calendar years; null = open-ended on that side. */
export interface YearSpan {
  from: number | null;
  to: number | null;
}

/**
 * A value that changes over time, OpenFisca style: a plain value applies to every year; a map
 * `{ "2026": a, "2029": b }` applies `a` from 2026 and `b` from 2029 (none before 2026).
 */
export type Dated<T> = T | { [year: string]: T };

/**
 * What an instrument changes for a recipient firm: one kind per effect column of the simulation
 * (src/simulate intervention.ts, where each column's unit is defined).
 */
export const EFFECT_KINDS = [
  "sunk_cost_offset",
  "fixed_cost_offset",
  "barrier_reduction",
  "learning_boost",
  "link_probability",
  "mentoring_experience",
] as const;
export type EffectKind = (typeof EFFECT_KINDS)[number];

/**
 * Kinds whose column is a one-off permanent change (barrier points, knowledge years): over a
 * duration of d years the size is spread as size/d per year. Other kinds apply their full size in
 * every year of the duration.
 */
export const ONE_OFF_KINDS: ReadonlySet<EffectKind> = new Set([
  "barrier_reduction",
  "learning_boost",
]);

export interface EffectSpec {
  kind: EffectKind;
  /** Size in the unit of the kind (see docs/scenarios.md); scaled by the pro-rata share. */
  size: number;
  /** Years the effect lasts from the year of receipt (1 = that year only). */
  duration: number;
}

export type Rationing =
  /** Applicants are served in a random order drawn from the run's RNG until the budget ends. */
  | { rule: "random" }
  /** Applicants are served by descending score; ties and unknown scores go last, in random order. */
  | { rule: "priority"; score: ScoreTerm[] }
  /** Every applicant is served; when the budget is short each gets the same fraction of the support. */
  | { rule: "pro_rata" };

/** One term of a priority score: weight × value of a numeric or ordered rule field. */
export interface ScoreTerm {
  field: string;
  weight: number;
}

export interface InstrumentSpec {
  /** Unique within the programme; defaults to the instrument id. */
  id: string;
  instrument: Instrument;
  eligibility: Rule;
  /** Probability that an eligible firm applies in a given year, 0..1. */
  take_up: number;
  /** Public cost per recipient firm and year. */
  cost_per_firm: Dated<number>;
  /** Yearly budget cap; null = uncapped. */
  budget_per_year: Dated<number | null>;
  rationing: Rationing;
  /** Narrows the programme's years; null = the programme's years. */
  years: YearSpan | null;
  /** A firm served once is not served again by this instrument. */
  once_per_firm: boolean;
  effects: EffectSpec[];
}

/** Value in force in `year`, or undefined when a dated value has not started yet. */
export function valueAt<T>(value: Dated<T>, year: number): T | undefined {
  if (typeof value !== "object" || value === null) return value;
  let best: number | undefined;
  for (const key of Object.keys(value)) {
    const y = Number(key);
    if (y <= year && (best === undefined || y > best)) best = y;
  }
  return best === undefined ? undefined : (value as Record<string, T>)[String(best)];
}

export function inSpan(span: YearSpan, year: number): boolean {
  return (span.from === null || year >= span.from) && (span.to === null || year <= span.to);
}

/**
 * Whether the instrument runs in `year`: within the programme's years and its own, and past the
 * first year of a dated cost or budget (before it, the instrument does not run; a budget
 * defined from 2026 does not mean no cap in 2025).
 */
export function activeIn(programme: Programme, spec: InstrumentSpec, year: number): boolean {
  return (
    inSpan(programme.years, year) &&
    (spec.years === null || inSpan(spec.years, year)) &&
    valueAt(spec.cost_per_firm, year) !== undefined &&
    valueAt(spec.budget_per_year, year) !== undefined
  );
}
