import type { PanelOrder } from "./panel-order.ts";

/** Why a run stopped being observed. Only `event` is an observed end. */
export const RUN_ENDS = ["event", "panel_end", "left_data", "gap"] as const;
export type RunEnd = (typeof RUN_ENDS)[number];

/**
 * Runs of consecutive years with a flag set (export spells, or non-exporting gaps after an exit),
 * one entry per run, struct-of-arrays. A run ends with an event when the firm is observed the
 * next year with the flag off; otherwise it is right-censored: at the panel's last year, when
 * the firm leaves the data earlier, or at a missing year (a gap says nothing about whether the
 * firm kept exporting, so it is neither an exit nor a continuation).
 */
export interface SpellTable {
  readonly length: number;
  /** Dense firm index (see PanelOrder.firmLabels). */
  firm_S: Int32Array;
  /** Sorted position of the run's first and last year. */
  first_S: Int32Array;
  last_S: Int32Array;
  start_S: Float64Array;
  end_S: Float64Array;
  /** Number of years in the run (end - start + 1). */
  duration_S: Int32Array;
  /** 1 when the end was observed. */
  event_S: Uint8Array;
  /** Index into RUN_ENDS. */
  end_S_reason: Uint8Array;
  /** Run already under way in the firm's first observed year: its true start is unknown. */
  left_censored_S: Uint8Array;
  /** Left-censored and that year is the panel's first year. */
  panel_left_censored_S: Uint8Array;
  /** Run starts right after a missing year: its true start is unknown too. */
  after_gap_S: Uint8Array;
  /** 1-based number of the run within its firm. */
  spell_no_S: Int32Array;
}

/**
 * Builds runs of `flag_N` (indexed by sorted position). `startsRun(k)` may veto a run that
 * begins at position k (e.g. a non-exporting stretch counts as a re-entry gap only when it
 * starts with an observed exit). Returns the table and the run index per sorted position.
 */
export function buildRuns(
  po: PanelOrder,
  flag_N: Uint8Array,
  startsRun: (k: number) => boolean = () => true,
): { spells: SpellTable; run_N: Int32Array } {
  const n = po.order.length;
  const run_N = new Int32Array(n).fill(-1);
  const firsts: number[] = [];
  const lasts: number[] = [];
  for (let k = 0; k < n; k++) {
    if (!flag_N[k]) continue;
    const continues = k > 0 && po.next_N[k - 1] === 1 && flag_N[k - 1] === 1 && run_N[k - 1] >= 0;
    if (continues) {
      run_N[k] = run_N[k - 1];
      lasts[run_N[k]] = k;
    } else if (startsRun(k)) {
      run_N[k] = firsts.length;
      firsts.push(k);
      lasts.push(k);
    }
  }
  const S = firsts.length;
  const t: SpellTable = {
    length: S,
    firm_S: new Int32Array(S),
    first_S: Int32Array.from(firsts),
    last_S: Int32Array.from(lasts),
    start_S: new Float64Array(S),
    end_S: new Float64Array(S),
    duration_S: new Int32Array(S),
    event_S: new Uint8Array(S),
    end_S_reason: new Uint8Array(S),
    left_censored_S: new Uint8Array(S),
    panel_left_censored_S: new Uint8Array(S),
    after_gap_S: new Uint8Array(S),
    spell_no_S: new Int32Array(S),
  };
  let prevFirm = -1;
  let no = 0;
  for (let s = 0; s < S; s++) {
    const a = firsts[s];
    const b = lasts[s];
    const f = po.firm_N[a];
    no = f === prevFirm ? no + 1 : 1;
    prevFirm = f;
    t.firm_S[s] = f;
    t.start_S[s] = po.time_N[a];
    t.end_S[s] = po.time_N[b];
    t.duration_S[s] = b - a + 1;
    t.spell_no_S[s] = no;
    const firmFirst = po.firmStart_F[f];
    const firmLast = po.firmStart_F[f + 1] - 1;
    t.left_censored_S[s] = a === firmFirst ? 1 : 0;
    t.panel_left_censored_S[s] = a === firmFirst && po.time_N[a] === po.firstTime ? 1 : 0;
    t.after_gap_S[s] = a > firmFirst && po.next_N[a - 1] === 0 ? 1 : 0;
    let reason: RunEnd;
    if (po.next_N[b] === 1) reason = "event";
    else if (b < firmLast) reason = "gap";
    else reason = po.time_N[b] === po.lastTime ? "panel_end" : "left_data";
    t.event_S[s] = reason === "event" ? 1 : 0;
    t.end_S_reason[s] = RUN_ENDS.indexOf(reason);
  }
  return { spells: t, run_N };
}
