import type { Issue, Result } from "../../framework/index.ts";
import type { Frame } from "../../io/index.ts";
import { bandCodes, bandLabels, checkCuts } from "./bands.ts";
import { cellLabel, getColumn, groupCodes, numericValues } from "./columns.ts";
import { type ProportionInterval, rowIntervals } from "./intervals.ts";
import { orderPanel, type PanelOrder } from "./panel-order.ts";
import { readWeights } from "./weights.ts";

export interface TransitionOptions {
  /** Firm id column. Default `"firm"`. */
  id?: string;
  /** Year column (whole numbers). Default `"year"`. */
  time?: string;
  /** Column holding the state (categories or codes), or the numeric column to band. */
  state: string;
  /** Cut points turning a numeric `state` column into bands (see bandLabels). Default: none. */
  bands?: number[];
  /** State order for rows and columns; also lists states absent from the data. Default: sorted. */
  levels?: string[];
  /** Grouping column, read at year t. Default: none. */
  by?: string;
  /** Observation weights, read at year t (frequency weights). Default: every pair counts 1. */
  weights?: string;
  /** Interval method. Default `"wilson"`. */
  interval?: ProportionInterval;
  /** Confidence level. Default 0.95. */
  level?: number;
}

/** One transition matrix; every matrix is row-major with rows = state at t, columns = t + 1. */
export interface TransitionMatrix {
  states: string[];
  /** Weighted counts of year-to-year pairs. */
  counts: number[][];
  /** Row probabilities counts / row total (NaN for an empty row). */
  probabilities: number[][];
  lower: number[][];
  upper: number[][];
  row_totals: number[];
  /** Weighted number of transitions. */
  n_transitions: number;
  /** Unweighted number of year-to-year pairs. */
  n_pairs: number;
}

export interface TransitionResult {
  overall: TransitionMatrix;
  /** Per group of `by`, in sorted label order. */
  groups: { group: string; matrix: TransitionMatrix }[];
  interval: ProportionInterval;
  level: number;
  /** Pairs not counted, kept visible: successive rows of a firm with years missing between
   * them, and consecutive pairs with a missing state or group. */
  notes: { gaps: number; missing_state: number; missing_group: number };
}

/** Transition matrices from year t to t + 1 of the same firm; a gap in years is no transition. */
export function transitions(frame: Frame, options: TransitionOptions): Result<TransitionResult> {
  const issues: Issue[] = [];
  const stateCol = getColumn(frame, options.state, issues);
  const byCol = options.by ? getColumn(frame, options.by, issues) : undefined;
  if (options.bands) issues.push(...checkCuts(options.bands));
  const w = options.weights ? readWeights(frame, options.weights, issues) : undefined;
  const ordered = orderPanel(frame, options.id ?? "firm", options.time ?? "year");
  if (!ordered.ok) issues.push(...ordered.issues);
  if (issues.length > 0 || !ordered.ok || !stateCol) return { ok: false, issues };
  let codes: Int32Array;
  let states: string[];
  if (options.bands) {
    if (stateCol.kind !== "numeric") {
      const i = stateCol.codes.findIndex((c) => c >= 0 && Number.isNaN(Number(stateCol.levels[c])));
      return {
        ok: false,
        issues: [
          {
            code: "invalid_value",
            row: i + 1,
            field: options.state,
            value: cellLabel(stateCol, i),
            expected: "a number (bands need a numeric column)",
            message: `got ${JSON.stringify(cellLabel(stateCol, i))}, expected a number (bands need a numeric column)`,
          },
        ],
      };
    }
    codes = bandCodes(numericValues(stateCol), options.bands);
    states = bandLabels(options.bands);
  } else {
    ({ codes, labels: states } = groupCodes(stateCol));
    if (options.levels) {
      const unknown = states.filter((s) => !options.levels!.includes(s));
      if (unknown.length > 0) {
        return {
          ok: false,
          issues: [
            {
              code: "invalid_value",
              field: options.state,
              value: unknown[0],
              expected: `one of ${options.levels.join(", ")}`,
              message: `value ${JSON.stringify(unknown[0])} is not among the given states ${options.levels.join(", ")}`,
            },
          ],
        };
      }
      const remap = states.map((s) => options.levels!.indexOf(s));
      codes = codes.map((c) => (c < 0 ? -1 : remap[c]));
      states = [...options.levels];
    }
  }
  const groups = byCol ? groupCodes(byCol) : undefined;
  const level = options.level ?? 0.95;
  const interval = options.interval ?? "wilson";
  return {
    ok: true,
    value: transitionKernel(ordered.value, codes, states, w, groups, interval, level),
  };
}

/** Counts pairs (weighted at t) overall and per group, then probabilities and intervals. */
export function transitionKernel(
  po: PanelOrder,
  state: Int32Array,
  states: string[],
  weight: Float64Array | undefined,
  groups: { codes: Int32Array; labels: string[] } | undefined,
  interval: ProportionInterval,
  level: number,
): TransitionResult {
  const K = states.length;
  const G = groups ? groups.labels.length : 0;
  const counts_KK = new Float64Array(K * K);
  const pairs = new Int32Array(G + 1);
  const groupCounts = Array.from({ length: G }, () => new Float64Array(K * K));
  const notes = { gaps: 0, missing_state: 0, missing_group: 0 };
  const { order, next_N, firm_N } = po;
  for (let k = 0; k + 1 < order.length; k++) {
    if (!next_N[k]) {
      if (firm_N[k + 1] === firm_N[k]) notes.gaps++;
      continue;
    }
    const row = order[k];
    const a = state[row];
    const b = state[order[k + 1]];
    if (a < 0 || b < 0) {
      notes.missing_state++;
      continue;
    }
    const wk = weight ? weight[row] : 1;
    counts_KK[a * K + b] += wk;
    pairs[G]++;
    if (groups) {
      const g = groups.codes[row];
      if (g < 0) notes.missing_group++;
      else {
        groupCounts[g][a * K + b] += wk;
        pairs[g]++;
      }
    }
  }
  const overall = finishMatrix(counts_KK, pairs[G], states, interval, level);
  const byGroup = groupCounts.map((c, g) => ({
    group: groups!.labels[g],
    matrix: finishMatrix(c, pairs[g], states, interval, level),
  }));
  return { overall, groups: byGroup, interval, level, notes };
}

function finishMatrix(
  counts_KK: Float64Array,
  nPairs: number,
  states: string[],
  interval: ProportionInterval,
  level: number,
): TransitionMatrix {
  const K = states.length;
  const m: TransitionMatrix = {
    states,
    counts: [],
    probabilities: [],
    lower: [],
    upper: [],
    row_totals: [],
    n_transitions: 0,
    n_pairs: nPairs,
  };
  for (let a = 0; a < K; a++) {
    const row = Array.from(counts_KK.subarray(a * K, a * K + K));
    const total = row.reduce((s, v) => s + v, 0);
    const ci = rowIntervals(row, level, interval);
    m.counts.push(row);
    m.row_totals.push(total);
    m.probabilities.push(row.map((v) => (total > 0 ? v / total : Number.NaN)));
    m.lower.push(ci.lower);
    m.upper.push(ci.upper);
    m.n_transitions += total;
  }
  return m;
}
