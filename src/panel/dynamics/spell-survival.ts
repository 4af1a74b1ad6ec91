import type { Issue, Result } from "../../framework/index.ts";
import type { Frame } from "../../io/index.ts";
import { cellLabel, getColumn, groupCodes, numericValues } from "./columns.ts";
import { type LogRankTest, logRank } from "./logrank.ts";
import { orderPanel, type PanelOrder } from "./panel-order.ts";
import type { SpellTable } from "./spells.ts";
import { reentryGaps, statesKernel } from "./states.ts";
import { kaplanMeier, type SurvivalCurve, type SurvivalVariance } from "./survival.ts";
import { readWeights } from "./weights.ts";

export interface SpellSurvivalOptions {
  /** Firm id column. Default `"firm"`. */
  id?: string;
  /** Year column (whole numbers). Default `"year"`. */
  time?: string;
  /** Export measure: a year is an export year when the value is > 0 (0/1 status, an intensity
   * share or a state code with 0 = not exporting); `true`/`false` labels are accepted. */
  state: string;
  /** Grouping column read at the spell's first year; adds per-group curves and a log-rank test. */
  by?: string;
  /** Case weights read at the spell's first year. Default: none. */
  weights?: string;
  /** Analyse non-exporting gaps after an exit (time to re-entry) instead of export spells.
   * Default false. */
  gaps?: boolean;
  /** Drop spells already running in the firm's first observed year. Default false (as the
   * reference, which keeps them and so understates their length). */
  excludeLeftCensored?: boolean;
  /** Keep only each firm's first spell. Default false (spells of a firm treated as independent). */
  firstSpellOnly?: boolean;
  /** Confidence level. Default 0.95. */
  level?: number;
  /** Variance of S. Default as kaplanMeier (Greenwood unless weights are fractional). */
  variance?: SurvivalVariance;
  /** Cluster spells by firm in the robust variance. Default false. */
  clusterByFirm?: boolean;
  /** Fleming-Harrington rho of the group test. Default 0 (log-rank). */
  rho?: number;
}

export interface SpellSurvivalResult {
  kind: "export_spells" | "reentry_gaps";
  n_spells: number;
  n_events: number;
  n_left_censored: number;
  overall: SurvivalCurve;
  groups: { group: string; curve: SurvivalCurve }[];
  logrank?: LogRankTest;
  /** Every spell found (before exclusions) and the sorted panel it indexes into. */
  spells: SpellTable;
  order: PanelOrder;
  /** Spells kept out, kept visible. */
  notes: { excluded_left_censored: number; excluded_later_spells: number; missing_group: number };
}

/** Kaplan-Meier survival of export spells (or of gaps until re-entry) from a firm-year frame. */
export function spellSurvival(
  frame: Frame,
  options: SpellSurvivalOptions,
): Result<SpellSurvivalResult> {
  const issues: Issue[] = [];
  const col = getColumn(frame, options.state, issues);
  const byCol = options.by ? getColumn(frame, options.by, issues) : undefined;
  const w = options.weights ? readWeights(frame, options.weights, issues) : undefined;
  const ordered = orderPanel(frame, options.id ?? "firm", options.time ?? "year");
  if (!ordered.ok) issues.push(...ordered.issues);
  if (issues.length > 0 || !ordered.ok || !col) return { ok: false, issues };
  const status = new Uint8Array(frame.nrows);
  const values = numericValues(col);
  for (let i = 0; i < frame.nrows; i++) {
    const v =
      col.kind === "categorical" && Number.isNaN(values[i])
        ? boolLabel(cellLabel(col, i))
        : values[i];
    if (!(v >= 0)) {
      const got = cellLabel(col, i);
      issues.push({
        code: "invalid_value",
        row: i + 1,
        field: options.state,
        value: got,
        expected: "an export status or measure >= 0 (0 = not exporting)",
        message: `got ${got === null ? "an empty value" : JSON.stringify(got)}, expected an export status or measure >= 0 (0 = not exporting)`,
      });
      if (issues.length >= 20) break;
      continue;
    }
    status[i] = v > 0 ? 1 : 0;
  }
  if (issues.length > 0) return { ok: false, issues };
  const po = ordered.value;
  const states = statesKernel(po, status);
  const all = options.gaps ? reentryGaps(states) : states.spells;
  const notes = { excluded_left_censored: 0, excluded_later_spells: 0, missing_group: 0 };
  const keep: number[] = [];
  for (let s = 0; s < all.length; s++) {
    if (options.excludeLeftCensored && all.left_censored_S[s]) notes.excluded_left_censored++;
    else if (options.firstSpellOnly && all.spell_no_S[s] > 1) notes.excluded_later_spells++;
    else keep.push(s);
  }
  const rowOf = (s: number) => po.order[all.first_S[s]];
  const time_S = keep.map((s) => all.duration_S[s]);
  const event_S = keep.map((s) => all.event_S[s]);
  const weight_S = w ? keep.map((s) => w[rowOf(s)]) : undefined;
  const cluster_S = options.clusterByFirm ? Int32Array.from(keep, (s) => all.firm_S[s]) : undefined;
  const kmOptions = { level: options.level, variance: options.variance, cluster: cluster_S };
  const overall = kaplanMeier(time_S, event_S, weight_S, kmOptions);
  const result: SpellSurvivalResult = {
    kind: options.gaps ? "reentry_gaps" : "export_spells",
    n_spells: keep.length,
    n_events: event_S.reduce((a, b) => a + b, 0),
    n_left_censored: keep.reduce((a, s) => a + all.left_censored_S[s], 0),
    overall,
    groups: [],
    spells: all,
    order: po,
    notes,
  };
  if (byCol) {
    const { codes, labels } = groupCodes(byCol);
    const group_S = Int32Array.from(keep, (s) => codes[rowOf(s)]);
    notes.missing_group = group_S.filter((g) => g < 0).length;
    const horizon = overall.time[overall.time.length - 1];
    result.groups = labels.map((group, g) => {
      const sel = keep.map((_, j) => j).filter((j) => group_S[j] === g);
      const pick = <T>(a: ArrayLike<T>) => sel.map((j) => a[j]);
      const curve = kaplanMeier(pick(time_S), pick(event_S), weight_S && pick(weight_S), {
        ...kmOptions,
        cluster: cluster_S && Int32Array.from(pick(cluster_S)),
        rmeanHorizon: horizon,
      });
      return { group, curve };
    });
    result.logrank = logRank(time_S, event_S, group_S, labels, weight_S, { rho: options.rho });
  }
  return { ok: true, value: result };
}

function boolLabel(v: string | number | null): number {
  if (v === "true" || v === "TRUE" || v === "yes") return 1;
  if (v === "false" || v === "FALSE" || v === "no") return 0;
  return Number.NaN;
}
