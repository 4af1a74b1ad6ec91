/**
 * What a run counts, per year and group, as raw sums that merge exactly: counts are integers
 * and float sums are added block by block in block order, whatever the number of threads.
 * Groups: 0 = all firms; 1..6 = segment (the firm's spectrum position in the BASELINE at the
 * start of the year, before the year's decisions, so a reform and the baseline compare the same
 * firms and no outcome moves a firm between segments; a newborn's, at the end of its first
 * year); 7..12 = the firm's own state.
 */
import { POSITIONS, STATES } from "../framework/vocabulary.ts";

export const METRICS = [
  "firms",
  "exporters",
  "entries",
  "exits",
  "re_entries",
  "suspensions",
  "intensity_sum",
  "markets_sum",
  "weight_sum",
  "weighted_exporters",
  "recipients",
  "recipients_exporting",
  "deadweight",
  "sales_growth_sum",
  "hysteresis_sum",
  "hysteresis_n",
  "exported_last_year",
  "spell_age_0",
  "spell_age_1",
  "spell_age_2",
  "spell_age_3",
  "spell_age_4",
  "gap1_at_risk",
  "gap1_reentries",
  "gap3plus_at_risk",
  "gap3plus_reentries",
  "one_market_exporters",
  "one_market_exits",
  "three_plus_market_exporters",
  "three_plus_market_exits",
  "founder_experience_firms",
  "founder_experience_exporters",
  "births",
  "tradable",
  "spend",
  "added_recipients",
  "added_deadweight",
  "weighted_recipients",
  "weighted_deadweight",
  "weighted_added_recipients",
  "weighted_added_deadweight",
  "exporter_deaths",
] as const;
export type Metric = (typeof METRICS)[number];
export const M = Object.fromEntries(METRICS.map((m, k) => [m, k])) as { [K in Metric]: number };
export const N_METRICS = METRICS.length;

export const GROUPS = [
  "all",
  ...POSITIONS.map((p) => `segment:${p}`),
  ...STATES.map((s) => `state:${s}`),
] as const;
export const N_GROUPS = GROUPS.length;
export const SEGMENT_GROUP0 = 1;
export const STATE_GROUP0 = 1 + POSITIONS.length;

/** Offset of (year, group, metric) in a flat aggregate array. */
export function at(year: number, group: number, metric: number): number {
  return (year * N_GROUPS + group) * N_METRICS + metric;
}

export function aggregateLength(years: number): number {
  return years * N_GROUPS * N_METRICS;
}

/**
 * Per programme and year: eligible firms, firms served, spend, eligible firms that applied,
 * applicants turned away because the budget ran out (0 from hooks that do not report them), and
 * the firms those served stand for (their survey weights' sum; the count without weights),
 * and the yearly budgets as written (the first block's only; Infinity when a programme runs
 * uncapped, NaN when its hooks do not say).
 */
export const PROGRAMME_METRICS = [
  "eligible",
  "take_up",
  "spend",
  "applicants",
  "rationed_out",
  "weighted_take_up",
  "budget",
] as const;
/** Offsets of the programme metrics. */
export const P = Object.fromEntries(PROGRAMME_METRICS.map((m, k) => [m, k])) as {
  [K in (typeof PROGRAMME_METRICS)[number]]: number;
};
