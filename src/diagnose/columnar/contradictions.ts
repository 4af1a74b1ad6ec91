import { MODES_UNKNOWN, type ProfileColumns } from "../../firm/index.ts";
import {
  cellAnswer,
  ENTRY_MODES,
  type EntryMode,
  PERSPECTIVES,
  POSITIONS,
  PROPOSITIONS,
  type Proposition,
  row,
  STATES,
} from "../../framework/index.ts";
import type { DiagnoseParams } from "../params.ts";
import { CONDITION_CODE, conditionCode } from "./conditions.ts";
import type { DiagnosisColumns } from "./outputs.ts";

const Y = 0;
const N = 1;
/** Cell answer codes: yes and no as tri codes, then unknown and "no answer". */
const A_UNKNOWN = 2;
const A_NONE = 3;
const answerCode = (a: "yes" | "no" | "unknown" | null) =>
  a === "yes" ? Y : a === "no" ? N : a === "unknown" ? A_UNKNOWN : A_NONE;

/**
 * Table 1 prepared for the kernel, PROPOSITIONS x PERSPECTIVES in `row()` order: each cell's
 * condition code (-1 without one) and its answer code for each tri state of the condition.
 */
const CELLS = PERSPECTIVES.length;
const CONDITION_R_C = new Int8Array(PROPOSITIONS.length * CELLS);
const ANSWER_R_C_T = new Uint8Array(PROPOSITIONS.length * CELLS * 3);
PROPOSITIONS.forEach((prop, r) => {
  row(prop).forEach((cell, c) => {
    const at = r * CELLS + c;
    CONDITION_R_C[at] = cell.condition === undefined ? -1 : CONDITION_CODE[cell.condition];
    ANSWER_R_C_T[at * 3 + Y] = answerCode(cellAnswer(cell, "yes"));
    ANSWER_R_C_T[at * 3 + N] = answerCode(cellAnswer(cell, "no"));
    ANSWER_R_C_T[at * 3 + A_UNKNOWN] = answerCode(cellAnswer(cell, "unknown"));
  });
});

/** `proposition:perspective` for contradiction bit r * 5 + c. */
export const CONTRADICTION_NAMES: readonly string[] = PROPOSITIONS.flatMap((prop) =>
  row(prop).map((cell) => `${prop}:${cell.perspective}`),
);

const P = (p: Proposition) => PROPOSITIONS.indexOf(p);
const P1 = P("P1");
const P2 = P("P2");
const P3 = P("P3");
const P5 = P("P5");
const INV = POSITIONS.indexOf("international_new_venture");
const EXPORTING = STATES.indexOf("exporting");
const BREAK_STATES = [
  "withdrawn_disappointed",
  "withdrawn_disinterested",
  "suspended",
  "re_entered",
]
  .map((s) => 1 << STATES.indexOf(s as (typeof STATES)[number]))
  .reduce((a, b) => a | b, 0);
const HIGH_CONTROL_OR_FDI = (["joint_venture", "acquisition", "greenfield_fdi"] as EntryMode[])
  .map((m) => 1 << ENTRY_MODES.indexOf(m))
  .reduce((a, b) => a | b, 0);

/**
 * Contradicted perspectives over rows [start, end) as bit sets: for each proposition the firm's
 * own record speaks to (the observations `readTable1` makes: an early start, an export break
 * or an uninterrupted run, a high-control mode, exporting through a larger firm or client),
 * the cells whose yes/no answer for this firm disagrees with it. Reads position, state, export
 * facts and barrier levels already in `out`.
 */
export function contradictionKernel(
  cols: ProfileColumns,
  params: DiagnoseParams,
  out: DiagnosisColumns,
  start: number,
  end: number,
): void {
  const invYears = params.inv_max_years_to_first_export;
  const { position, state, exported_ever, exporting_now, contradicted } = out;
  const { first_export_year, founded, export_gap, modes, large_firm_links, client_pull } = cols;
  for (let i = start; i < end; i++) {
    let bits = 0;
    // P1: an international new venture, or a first export within the INV window.
    const sinceFounding = first_export_year[i] - founded[i];
    if (position[i] === INV || sinceFounding <= invYears) bits |= row1(P1, Y, cols, params, out, i);
    // P2: a break in exporting says no; exporting without a gap says yes.
    const st = state[i];
    if (st !== 255 && (1 << st) & BREAK_STATES) bits |= row1(P2, N, cols, params, out, i);
    else if (st === EXPORTING && export_gap[i] === N) bits |= row1(P2, Y, cols, params, out, i);
    // P3: uses a joint venture, acquisition or greenfield investment.
    const m = modes[i];
    if (m !== MODES_UNKNOWN && m & HIGH_CONTROL_OR_FDI) bits |= row1(P3, Y, cols, params, out, i);
    // P5: exports now with a larger firm or a client as conduit.
    if (
      exported_ever[i] === Y &&
      exporting_now[i] === Y &&
      (large_firm_links[i] === Y || client_pull[i] === Y)
    ) {
      bits |= row1(P5, Y, cols, params, out, i);
    }
    contradicted[i] = bits;
  }
}

/** Contradiction bits of proposition r for row i, given what the firm's record shows. */
function row1(
  r: number,
  observed: number,
  cols: ProfileColumns,
  params: DiagnoseParams,
  out: DiagnosisColumns,
  i: number,
): number {
  let bits = 0;
  for (let c = 0; c < CELLS; c++) {
    const at = r * CELLS + c;
    const cond = CONDITION_R_C[at];
    const holds = cond < 0 ? A_UNKNOWN : conditionCode(cond, cols, params, out, i);
    const answer = ANSWER_R_C_T[at * 3 + holds];
    if (answer <= N && answer !== observed) bits |= 1 << at;
  }
  return bits;
}
