/**
 * Turns raw run aggregates into the report: per scenario and year the named series (means over
 * replications with 95% Monte Carlo intervals), and per other scenario the differences from the
 * reference (the baseline unless the run names another), additional exporters, cost per additional exporter, deadweight and a breakdown by
 * segment. Under common random numbers each replication's difference is exact for its firms.
 */
import { POSITIONS, STATES } from "../framework/vocabulary.ts";
import {
  at,
  M,
  type Metric,
  P,
  PROGRAMME_METRICS,
  SEGMENT_GROUP0,
  STATE_GROUP0,
} from "./metrics.ts";
import { type RatioInterval, ratioInterval } from "./ratio-interval.ts";
import { type Interval, meanInterval, reduce } from "./reducers.ts";
import type { RunResult, RunStamp } from "./runner.ts";

/** A named series: numerator metric over an optional denominator metric, per year and group. */
export interface Series {
  name: string;
  num: Metric;
  den?: Metric;
}

/** What the report shows per year, named as data; the output columns follow from this list. */
export const SERIES: readonly Series[] = [
  { name: "exporter_share", num: "exporters", den: "firms" },
  { name: "firms", num: "firms" },
  { name: "exporters", num: "exporters" },
  { name: "entries", num: "entries" },
  { name: "exits", num: "exits" },
  { name: "re_entries", num: "re_entries" },
  { name: "suspensions", num: "suspensions" },
  { name: "exit_rate", num: "exits", den: "exported_last_year" },
  { name: "mean_intensity", num: "intensity_sum", den: "exporters" },
  { name: "mean_markets", num: "markets_sum", den: "exporters" },
  { name: "weighted_exporter_share", num: "weighted_exporters", den: "weight_sum" },
  { name: "weighted_exporters", num: "weighted_exporters" },
  { name: "mean_sales_growth", num: "sales_growth_sum", den: "firms" },
  { name: "births", num: "births" },
  { name: "exporter_deaths", num: "exporter_deaths" },
  { name: "take_up", num: "recipients" },
  { name: "weighted_take_up", num: "weighted_recipients" },
  { name: "spend", num: "spend" },
];

export interface YearRow {
  year: number;
  /** Mean over replications of each series. */
  values: Record<string, number>;
  /** 95% Monte Carlo interval of each series' mean. */
  intervals: Record<string, [number, number]>;
}

function seriesValue(a: Float64Array, year: number, group: number, s: Series): number {
  const num = a[at(year, group, M[s.num])];
  if (!s.den) return num;
  const den = a[at(year, group, M[s.den])];
  return den === 0 ? Number.NaN : num / den;
}

function row(year: number, values: (s: Series) => Interval): YearRow {
  const out: YearRow = { year, values: {}, intervals: {} };
  for (const s of SERIES) {
    const v = values(s);
    out.values[s.name] = v.mean;
    out.intervals[s.name] = [v.lo, v.hi];
  }
  return out;
}

/** Series per year for one scenario and group. */
export function scenarioYears(run: RunResult, scenario: number, group = 0): YearRow[] {
  const out: YearRow[] = [];
  for (let t = 0; t < run.stamp.years; t++) {
    out.push(
      row(run.stamp.start_year + t, (s) =>
        reduce(
          meanInterval,
          run.aggregates.map((r) => seriesValue(r[scenario], t, group, s)),
        ),
      ),
    );
  }
  return out;
}

/** Index of the scenario differences are taken from (the stamp's reference). */
export function referenceOf(run: RunResult): number {
  return Math.max(0, run.scenarios.indexOf(run.stamp.reference ?? "baseline"));
}

/**
 * Reform minus the reference scenario per year (series differences, replication by
 * replication).
 */
export function differenceYears(
  run: RunResult,
  reform: number,
  group = 0,
  against = referenceOf(run),
): YearRow[] {
  const out: YearRow[] = [];
  for (let t = 0; t < run.stamp.years; t++) {
    out.push(
      row(run.stamp.start_year + t, (s) =>
        reduce(
          meanInterval,
          run.aggregates.map(
            (r) => seriesValue(r[reform], t, group, s) - seriesValue(r[against], t, group, s),
          ),
        ),
      ),
    );
  }
  return out;
}

/** Survival of new export spells: share of spells started in a year still running k years on. */
export function spellSurvival(run: RunResult, scenario: number, maxK = 4): Interval[] {
  const out: Interval[] = [];
  for (let k = 1; k <= maxK; k++) {
    out.push(
      reduce(
        meanInterval,
        run.aggregates.map((r) => {
          const a = r[scenario];
          let started = 0;
          let still = 0;
          for (let t = 0; t + k < run.stamp.years; t++) {
            started += a[at(t, 0, M.spell_age_0)];
            still += a[at(t + k, 0, M.spell_age_0 + k)];
          }
          return started === 0 ? Number.NaN : still / started;
        }),
      ),
    );
  }
  return out;
}

/**
 * How differences are totalled over years. `discountRate`: annual rate at which exporter-years
 * and spend of later years count less, to the run's first year (year t weighs (1 + r)^-t);
 * 0 (the default) adds them as they are. Appraisal guidance discounts both costs and effects,
 * e.g. HM Treasury's Green Book (2022) at 3.5% a year.
 */
export interface SummaryOptions {
  discountRate?: number;
}

export interface ReformTotals {
  /**
   * Exporter-years added over all years (scenario - reference), each firm counted with its
   * survey weight, discounted when asked.
   */
  additional_exporter_years: Interval;
  /** Exporters added in the last year. */
  additional_exporters_last_year: Interval;
  /** Firm-years supported (by any of the scenario's programmes), weighted. */
  recipients: Interval;
  /**
   * Spend of the scenario minus spend of the reference (the reference "baseline" spends 0). For
   * all firms, the programmes' reported spend; for a segment, the money the programmes recorded
   * per firm (SimEffects.spend) on the segment's recipients. Discounted when asked.
   */
  spend: Interval;
  /**
   * Mean spend / mean additional exporter-years over replications, with Fieller's interval
   * (ratio-interval.ts): unbounded above when the additional exporter-years' interval reaches
   * zero; NaN when none were added on average.
   */
  cost_per_additional_exporter_year: RatioInterval;
  /** Supported firm-years that export in the reference anyway / supported firm-years (ratio of means). */
  deadweight_share: RatioInterval;
  /**
   * Firm-years supported in the scenario but not in the reference that year: the support the
   * scenario adds (all of `recipients` against the baseline, which supports no one).
   */
  additional_recipients: Interval;
  /** Of those, the share that export in the reference anyway (ratio of means). */
  additional_deadweight_share: RatioInterval;
}

/**
 * A share's interval kept within [0, 1]: Fieller's set for a ratio of means can reach past the
 * range a share can take when few replications are noisy; the values beyond it are impossible.
 */
function asShare(r: RatioInterval): RatioInterval {
  if (!r.bounded) return r;
  return { ...r, lo: Math.max(0, r.lo), hi: Math.min(1, r.hi) };
}

/** Weight of year t (0 = the run's first year) at annual discount rate r: (1 + r)^-t. */
export function discountWeights(years: number, r: number): Float64Array {
  const w = new Float64Array(years);
  for (let t = 0; t < years; t++) w[t] = r === 0 ? 1 : (1 + r) ** -t;
  return w;
}

/**
 * Totals count each firm with its survey weight, so a register's totals are the population's
 * (with unit weights, as for synthetic firms, the sums are the counts themselves, exactly).
 */
const EXP = M.weighted_exporters;

export function reformTotals(
  run: RunResult,
  reform: number,
  group = 0,
  against = referenceOf(run),
  opts: SummaryOptions = {},
): ReformTotals {
  const years = run.stamp.years;
  const weight = discountWeights(years, opts.discountRate ?? 0);
  const spendOf = (rep: number, k: number) => {
    const prog = run.programmeTotals[rep][k];
    const n = run.programmes[k].length;
    let spend = 0;
    for (let t = 0; t < years; t++) {
      for (let h = 0; h < n; h++) {
        spend += weight[t] * prog[(t * n + h) * PROGRAMME_METRICS.length + P.spend];
      }
    }
    return spend;
  };
  const per = run.aggregates.map((r, rep) => {
    let added = 0;
    let recipients = 0;
    let deadweight = 0;
    let spentOn = 0;
    let addedRecipients = 0;
    let addedDeadweight = 0;
    for (let t = 0; t < years; t++) {
      added += weight[t] * (r[reform][at(t, group, EXP)] - r[against][at(t, group, EXP)]);
      recipients += r[reform][at(t, group, M.weighted_recipients)];
      deadweight += r[reform][at(t, group, M.weighted_deadweight)];
      spentOn += weight[t] * (r[reform][at(t, group, M.spend)] - r[against][at(t, group, M.spend)]);
      addedRecipients += r[reform][at(t, group, M.weighted_added_recipients)];
      addedDeadweight += r[reform][at(t, group, M.weighted_added_deadweight)];
    }
    const last = r[reform][at(years - 1, group, EXP)] - r[against][at(years - 1, group, EXP)];
    const spend = group === 0 ? spendOf(rep, reform) - spendOf(rep, against) : spentOn;
    return { added, last, recipients, deadweight, spend, addedRecipients, addedDeadweight };
  });
  type Replication = (typeof per)[number];
  const over = (f: (x: Replication) => number) => reduce(meanInterval, per.map(f));
  const ratio = (num: (x: Replication) => number, den: (x: Replication) => number) =>
    ratioInterval(per.map(num), per.map(den));
  return {
    additional_exporter_years: over((x) => x.added),
    additional_exporters_last_year: over((x) => x.last),
    recipients: over((x) => x.recipients),
    spend: over((x) => x.spend),
    cost_per_additional_exporter_year: ratio(
      (x) => x.spend,
      (x) => x.added,
    ),
    deadweight_share: asShare(
      ratio(
        (x) => x.deadweight,
        (x) => x.recipients,
      ),
    ),
    additional_recipients: over((x) => x.addedRecipients),
    additional_deadweight_share: asShare(
      ratio(
        (x) => x.addedDeadweight,
        (x) => x.addedRecipients,
      ),
    ),
  };
}

/**
 * Per programme of a scenario and year, means over replications: eligible firms, firms served,
 * spend, eligible firms that applied, and applicants turned away because the budget ran out
 * (whether the budget binds).
 */
export interface ProgrammeYears {
  programme: string;
  years: Array<{
    year: number;
    eligible: number;
    take_up: number;
    spend: number;
    applicants: number;
    rationed_out: number;
    /** The firms those served stand for (survey weights; take_up without weights). */
    weighted_take_up: number;
    /**
     * The programme's yearly budgets as written (the same in every replication); null when one
     * of its instruments is uncapped; absent when its hooks do not say.
     */
    budget?: number | null;
  }>;
}

function budgetOf(b: number): { budget?: number | null } {
  if (Number.isNaN(b)) return {};
  return { budget: b === Number.POSITIVE_INFINITY ? null : b };
}

export function programmeYears(run: RunResult, scenario: number): ProgrammeYears[] {
  const ids = run.programmes[scenario];
  const reps = run.programmeTotals.length;
  return ids.map((programme, h) => ({
    programme,
    years: Array.from({ length: run.stamp.years }, (_, t) => {
      const o = (t * ids.length + h) * PROGRAMME_METRICS.length;
      const mean = (m: number) =>
        run.programmeTotals.reduce((acc, r) => acc + r[scenario][o + m], 0) / reps;
      return {
        year: run.stamp.start_year + t,
        eligible: mean(P.eligible),
        take_up: mean(P.take_up),
        spend: mean(P.spend),
        applicants: mean(P.applicants),
        rationed_out: mean(P.rationed_out),
        weighted_take_up: mean(P.weighted_take_up),
        ...budgetOf(run.programmeTotals[0][scenario][o + P.budget]),
      };
    }),
  }));
}

export interface SimulationReport {
  stamp: RunStamp;
  /** Annual discount rate of the totals (SummaryOptions). */
  discount_rate: number;
  scenarios: Array<{
    id: string;
    programmes: string[];
    years: YearRow[];
    /**
     * The same series for the firms in each spectrum position: theirs in the baseline at the
     * start of the year (the end of its first year for a firm born in it).
     */
    by_segment: Array<{ segment: string; years: YearRow[] }>;
    /** The same series for the firms in each internationalization state (their own that year). */
    by_state: Array<{ state: string; years: YearRow[] }>;
    spell_survival: Interval[];
    programme_years: ProgrammeYears[];
  }>;
  differences: Array<{
    reform: string;
    years: YearRow[];
    totals: ReformTotals;
    by_segment: Array<{ segment: string; totals: ReformTotals; years: YearRow[] }>;
  }>;
}

export function summarize(run: RunResult, opts: SummaryOptions = {}): SimulationReport {
  const discountRate = opts.discountRate ?? 0;
  if (!(discountRate >= 0 && discountRate < 1)) {
    throw new RangeError(`discountRate must be in [0, 1), got ${discountRate}`);
  }
  return {
    stamp: run.stamp,
    discount_rate: discountRate,
    scenarios: run.scenarios.map((id, k) => ({
      id,
      programmes: run.programmes[k],
      years: scenarioYears(run, k),
      by_segment: POSITIONS.map((segment, g) => ({
        segment,
        years: scenarioYears(run, k, SEGMENT_GROUP0 + g),
      })),
      by_state: STATES.map((state, g) => ({
        state,
        years: scenarioYears(run, k, STATE_GROUP0 + g),
      })),
      spell_survival: spellSurvival(run, k),
      programme_years: programmeYears(run, k),
    })),
    differences: run.scenarios.flatMap((id, k) =>
      k === referenceOf(run)
        ? []
        : [
            {
              reform: id,
              years: differenceYears(run, k),
              totals: reformTotals(run, k, 0, referenceOf(run), opts),
              by_segment: POSITIONS.map((segment, g) => ({
                segment,
                totals: reformTotals(run, k, SEGMENT_GROUP0 + g, referenceOf(run), opts),
                years: differenceYears(run, k, SEGMENT_GROUP0 + g),
              })),
            },
          ],
    ),
  };
}
