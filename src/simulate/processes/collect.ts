/**
 * Adds one year of one range to the raw sums of metrics.ts. Reads the decision's transition
 * codes, the baseline's positions (segments) and, in a reform, the recipient mask and the
 * baseline's export status (a supported firm exporting in the baseline is deadweight).
 */
import { POSITIONS, STATES } from "../../framework/vocabulary.ts";
import { at, M, N_METRICS, SEGMENT_GROUP0, STATE_GROUP0 } from "../metrics.ts";
import type { Population } from "../population.ts";
import { checkRange, type StepContext } from "./context.ts";
import { type DecisionScratch, TRANSITION } from "./export-decision.ts";

export interface CollectInputs {
  scratch: DecisionScratch;
  /** Baseline position per slot this year (the segment). */
  segment_N: Uint8Array;
  /** The baseline's position now, the segment of a firm born this year (kernel YearTally). */
  segmentBorn_N: Uint8Array;
  /** Union of the programmes' recipient masks, or null in the baseline. */
  recipients_N: Uint8Array | null;
  /** Baseline export status this year, or null in the baseline. */
  baselineExporting_N: Uint8Array | null;
  /** Money the programmes spent on each firm this year, or null in the baseline. */
  spend_N: Float64Array | null;
  /** The reference scenario's recipients this year, or null when it runs no programme. */
  referenceRecipients_N: Uint8Array | null;
  /** Slots whose firm was born this year. */
  born_N: Uint8Array;
}

export function collectYear(
  pop: Population,
  inputs: CollectInputs,
  out: Float64Array,
  yearIndex: number,
  ctx: StepContext,
): void {
  checkRange(ctx, pop.capacity);
  collectKernel(pop, inputs, out, yearIndex, ctx);
}

export function collectKernel(
  pop: Population,
  inputs: CollectInputs,
  out: Float64Array,
  yearIndex: number,
  ctx: StepContext,
): void {
  const { transition_N, hysteresis_N, gapBefore_N, marketsBefore_N } = inputs.scratch;
  const { segment_N, segmentBorn_N, recipients_N, baselineExporting_N, spend_N, born_N } = inputs;
  const { referenceRecipients_N } = inputs;
  const { exporting, exportShare, markets, weight, salesGrowth, spellYears, state } = pop;
  const { founderExportExperience, tradable } = pop;
  const { continuing, entry, exit, suspension, reentry: reentryCode } = TRANSITION;
  // One cell per (segment, state): each firm adds to one cell only, then cells fold into the
  // groups "all", "segment:*" and "state:*" in a fixed order.
  const cells = newCells();
  for (let i = ctx.start; i < ctx.end; i++) {
    const newborn = born_N[i];
    const c = ((newborn ? segmentBorn_N[i] : segment_N[i]) * N_STATES + state[i]) * NM;
    const x = exporting[i];
    const tr = transition_N[i];
    const exited = tr === exit || tr === suspension ? 1 : 0;
    const reentry = tr === reentryCode ? 1 : 0;
    cells[c + m_firms] += 1;
    cells[c + m_tradable] += tradable[i];
    const w = weight[i];
    cells[c + m_weight_sum] += w;
    cells[c + m_sales_growth_sum] += salesGrowth[i];
    if (newborn) cells[c + m_births] += 1;
    if (newborn === 2) cells[c + m_exporter_deaths] += 1;
    const h = hysteresis_N[i];
    if (!Number.isNaN(h)) {
      cells[c + m_hysteresis_sum] += h;
      cells[c + m_hysteresis_n] += 1;
    }
    if (founderExportExperience[i]) {
      cells[c + m_founder_experience_firms] += 1;
      cells[c + m_founder_experience_exporters] += x;
    }
    if (recipients_N?.[i]) {
      const dead = baselineExporting_N![i];
      cells[c + m_recipients] += 1;
      cells[c + m_recipients_exporting] += x;
      cells[c + m_deadweight] += dead;
      cells[c + m_spend] += spend_N![i];
      cells[c + m_weighted_recipients] += w;
      cells[c + m_weighted_deadweight] += w * dead;
      if (!referenceRecipients_N?.[i]) {
        cells[c + m_added_recipients] += 1;
        cells[c + m_added_deadweight] += dead;
        cells[c + m_weighted_added_recipients] += w;
        cells[c + m_weighted_added_deadweight] += w * dead;
      }
    }
    if (x) {
      cells[c + m_exporters] += 1;
      cells[c + m_weighted_exporters] += w;
      cells[c + m_intensity_sum] += exportShare[i];
      cells[c + m_markets_sum] += markets[i];
      const age = spellYears[i] - 1;
      if (age <= 4) cells[c + m_spell_age_0 + age] += 1;
      if (tr === entry) cells[c + m_entries] += 1;
      else if (reentry) cells[c + m_re_entries] += 1;
    }
    if (tr === continuing || exited) {
      cells[c + m_exported_last_year] += 1;
      cells[c + m_exits] += exited;
      if (tr === suspension) cells[c + m_suspensions] += 1;
      const mb = marketsBefore_N[i];
      if (mb === 1) {
        cells[c + m_one_market_exporters] += 1;
        cells[c + m_one_market_exits] += exited;
      } else if (mb >= 3) {
        cells[c + m_three_plus_market_exporters] += 1;
        cells[c + m_three_plus_market_exits] += exited;
      }
    }
    const gap = gapBefore_N[i];
    if (gap === 1) {
      cells[c + m_gap1_at_risk] += 1;
      cells[c + m_gap1_reentries] += reentry;
    } else if (gap >= 3) {
      cells[c + m_gap3plus_at_risk] += 1;
      cells[c + m_gap3plus_reentries] += reentry;
    }
  }
  foldCells(cells, out, yearIndex);
}

const N_POS = POSITIONS.length;
const NM = N_METRICS;
// Metric offsets as module constants (imported bindings are slow to read in hot loops).
const m_births = M.births;
const m_deadweight = M.deadweight;
const m_entries = M.entries;
const m_exits = M.exits;
const m_exported_last_year = M.exported_last_year;
const m_exporters = M.exporters;
const m_firms = M.firms;
const m_founder_experience_exporters = M.founder_experience_exporters;
const m_founder_experience_firms = M.founder_experience_firms;
const m_gap1_at_risk = M.gap1_at_risk;
const m_gap1_reentries = M.gap1_reentries;
const m_gap3plus_at_risk = M.gap3plus_at_risk;
const m_gap3plus_reentries = M.gap3plus_reentries;
const m_hysteresis_n = M.hysteresis_n;
const m_hysteresis_sum = M.hysteresis_sum;
const m_intensity_sum = M.intensity_sum;
const m_markets_sum = M.markets_sum;
const m_one_market_exits = M.one_market_exits;
const m_one_market_exporters = M.one_market_exporters;
const m_re_entries = M.re_entries;
const m_recipients = M.recipients;
const m_spend = M.spend;
const m_added_recipients = M.added_recipients;
const m_added_deadweight = M.added_deadweight;
const m_weighted_recipients = M.weighted_recipients;
const m_exporter_deaths = M.exporter_deaths;
const m_weighted_deadweight = M.weighted_deadweight;
const m_weighted_added_recipients = M.weighted_added_recipients;
const m_weighted_added_deadweight = M.weighted_added_deadweight;
const m_recipients_exporting = M.recipients_exporting;
const m_sales_growth_sum = M.sales_growth_sum;
const m_spell_age_0 = M.spell_age_0;
const m_suspensions = M.suspensions;
const m_three_plus_market_exits = M.three_plus_market_exits;
const m_three_plus_market_exporters = M.three_plus_market_exporters;
const m_tradable = M.tradable;
const m_weight_sum = M.weight_sum;
const m_weighted_exporters = M.weighted_exporters;

const N_STATES = STATES.length;

/** Zeroed raw sums per (segment, state) cell: POSITIONS x STATES x N_METRICS. */
export function newCells(): Float64Array {
  return new Float64Array(N_POS * N_STATES * NM);
}

/** Adds the (segment, state) cells to the groups of `yearIndex`, in cell order. */
export function foldCells(cells: Float64Array, out: Float64Array, yearIndex: number): void {
  for (let s = 0; s < N_POS; s++) {
    for (let t = 0; t < N_STATES; t++) {
      const c = (s * N_STATES + t) * NM;
      const all = at(yearIndex, 0, 0);
      const seg = at(yearIndex, SEGMENT_GROUP0 + s, 0);
      const st = at(yearIndex, STATE_GROUP0 + t, 0);
      for (let m = 0; m < N_METRICS; m++) {
        const v = cells[c + m];
        if (v === 0) continue;
        out[all + m] += v;
        out[seg + m] += v;
        out[st + m] += v;
      }
    }
  }
}
