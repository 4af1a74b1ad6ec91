import type { ProfileColumns } from "../../firm/index.ts";
import {
  BARRIER_FAMILIES,
  ENTRY_MODES,
  INSTRUMENTS,
  POSITIONS,
  STATES,
} from "../../framework/index.ts";
import { CONTRADICTION_NAMES } from "./contradictions.ts";
import { fixed3 } from "./fixed3.ts";
import {
  type Basis,
  type DiagnosisColumns,
  LEVELS,
  POSITION_BASES,
  RECOMMENDATION_WIDTH,
  STATE_BASES,
  VERDICT_NOT_SUITED,
  VERDICT_SUITS,
} from "./outputs.ts";

/** A CSV cell as `csvLine` writes it: quoted only when it holds `"`, `,`, CR or LF. */
function cell(s: string): string {
  // Readable form: /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 44 || c === 13 || c === 10) return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

// Every cell drawn from a closed vocabulary is quoted (if at all) once, here.
const POSITION_CELL = Array.from({ length: 256 }, (_, k) => cell(POSITIONS[k] ?? "undetermined"));
const STATE_CELL = Array.from({ length: 256 }, (_, k) => cell(STATES[k] ?? "undetermined"));
const INSTRUMENT_CELL = INSTRUMENTS.map(cell);

/** open_questions for each (position basis, state basis): the union in first-seen order. */
const questionsCell = (p: Basis, s: Basis) =>
  cell([...new Set([...p.questions, ...s.questions])].join(";"));
const QUESTIONS_CELL = POSITION_BASES.flatMap((p) => STATE_BASES.map((s) => questionsCell(p, s)));

/** barrier_levels for each combination of the four level codes (2 bits each, family 0 high). */
const LEVELS_CELL = Array.from({ length: 256 }, (_, key) =>
  cell(BARRIER_FAMILIES.map((f, k) => `${f}:${LEVELS[(key >> (2 * (3 - k))) & 3]}`).join(";")),
);

/** modes_suited and modes_not_suited for a verdict pattern, built on first use. */
const MODE_CELLS: (string | undefined)[] = new Array(1 << (2 * ENTRY_MODES.length));
function modeCells(pattern: number): string {
  let s = MODE_CELLS[pattern];
  if (s === undefined) {
    const pick = (verdict: number) =>
      ENTRY_MODES.filter((_, m) => ((pattern >> (2 * m)) & 3) === verdict).join(";");
    s = `${cell(pick(VERDICT_SUITS))},${cell(pick(VERDICT_NOT_SUITED))}`;
    MODE_CELLS[pattern] = s;
  }
  return s;
}

/** contradicted_perspectives per bit set, remembered (a few hundred sets in a register). */
const CONTRADICTED_CELL = new Map<number, string>();
function contradictedCell(bits: number): string {
  if (bits === 0) return "";
  let s = CONTRADICTED_CELL.get(bits);
  if (s === undefined) {
    s = cell(CONTRADICTION_NAMES.filter((_, k) => bits & (1 << k)).join(";"));
    if (CONTRADICTED_CELL.size >= 1 << 14) CONTRADICTED_CELL.clear();
    CONTRADICTED_CELL.set(bits, s);
  }
  return s;
}

/**
 * The `outward assess --csv` lines of rows [start, end) of a `diagnoseColumns` result, each
 * ending in "\n", joined: for every row byte for byte what
 * `diagnosisCsvLine(diagnose(columnsRowToProfile(cols, i), {params}))` writes (the header is
 * the caller's). `cols` supplies the ids; `diag` must come from `diagnoseColumns(cols, ...)`.
 */
export function diagnosisColumnsCsvLines(
  cols: ProfileColumns,
  diag: DiagnosisColumns,
  start = 0,
  end: number = diag.length,
): string {
  const stamp = `${cell(diag.stamp.rules_version)},${cell(diag.stamp.params_hash)}\n`;
  const W = RECOMMENDATION_WIDTH;
  const { position, position_confidence, position_basis, state, state_confidence } = diag;
  const { state_basis, barrier_score, barrier_level, mode_verdicts, rec_count } = diag;
  const { rec_instrument, rec_score, contradicted } = diag;
  const nStateBases = STATE_BASES.length;
  const ids = cols.id;
  let text = "";
  for (let i = start; i < end; i++) {
    let scores = "";
    for (let f = 0; f < 4; f++) {
      const s = barrier_score[i * 4 + f];
      scores += !Number.isNaN(s) ? `,${fixed3(s)}` : ",";
    }
    const levels =
      (barrier_level[i * 4] << 6) |
      (barrier_level[i * 4 + 1] << 4) |
      (barrier_level[i * 4 + 2] << 2) |
      barrier_level[i * 4 + 3];
    // Instrument ids and fixed-point numbers never need quoting, so the list is built bare.
    const count = rec_count[i];
    let recs = "";
    for (let k = 0; k < count; k++) {
      const at = i * W + k;
      recs += `${k === 0 ? "" : ";"}${INSTRUMENTS[rec_instrument[at]]}:${fixed3(rec_score[at])}`;
    }
    const pos = position[i];
    const st = state[i];
    text += `${cell(ids[i])},${POSITION_CELL[pos]},${fixed3(position_confidence[i])},${STATE_CELL[st]},${fixed3(state_confidence[i])},${QUESTIONS_CELL[position_basis[i] * nStateBases + state_basis[i]]}${scores},${LEVELS_CELL[levels]},${modeCells(mode_verdicts[i])},${count > 0 ? INSTRUMENT_CELL[rec_instrument[i * W]] : ""},${recs},${contradictedCell(contradicted[i])},${stamp}`;
  }
  return text;
}
