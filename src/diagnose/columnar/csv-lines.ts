import type { ProfileColumns } from "../../firm/index.ts";
import {
  BARRIER_FAMILIES,
  ENTRY_MODES,
  INSTRUMENTS,
  POSITIONS,
  STATES,
} from "../../framework/index.ts";
import { ByteWriter, cell, encode } from "./byte-writer.ts";
import { CONTRADICTION_NAMES } from "./contradictions.ts";
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
import { RECOMMENDATION_SCORES } from "./scores.ts";

// Every cell drawn from a closed vocabulary is quoted (if at all) and encoded once, here.
const POSITION_CELL = Array.from({ length: 256 }, (_, k) =>
  encode(`${cell(POSITIONS[k] ?? "undetermined")},`),
);
const STATE_CELL = Array.from({ length: 256 }, (_, k) =>
  encode(`${cell(STATES[k] ?? "undetermined")},`),
);
/** Instrument ids never need quoting (they are snake_case words). */
const INSTRUMENT_NAME = INSTRUMENTS.map((id) => encode(cell(id)));

/** open_questions for each (position basis, state basis): the union in first-seen order. */
const questionsCell = (p: Basis, s: Basis) =>
  encode(cell([...new Set([...p.questions, ...s.questions])].join(";")));
const QUESTIONS_CELL = POSITION_BASES.flatMap((p) => STATE_BASES.map((s) => questionsCell(p, s)));

/** barrier_levels for each combination of the four level codes (2 bits each, family 0 high). */
const LEVELS_CELL = Array.from({ length: 256 }, (_, key) =>
  encode(
    `,${cell(BARRIER_FAMILIES.map((f, k) => `${f}:${LEVELS[(key >> (2 * (3 - k))) & 3]}`).join(";"))},`,
  ),
);

/**
 * Cells built on first use, found by a small integer through a typed index: a plain array as
 * long as the key range (65,536 verdict patterns) would fall back to slow dictionary elements.
 */
class CellTable {
  private readonly index: Int32Array;
  private readonly cells: Uint8Array[] = [];
  constructor(
    size: number,
    private readonly build: (key: number) => string,
  ) {
    this.index = new Int32Array(size).fill(-1);
  }
  get(key: number): Uint8Array {
    const at = this.index[key];
    if (at >= 0) return this.cells[at];
    this.index[key] = this.cells.length;
    const bytes = encode(this.build(key));
    this.cells.push(bytes);
    return bytes;
  }
}

/** modes_suited and modes_not_suited for a verdict pattern. */
const MODE_CELLS = new CellTable(1 << (2 * ENTRY_MODES.length), (pattern) => {
  const pick = (verdict: number) =>
    ENTRY_MODES.filter((_, m) => ((pattern >> (2 * m)) & 3) === verdict).join(";");
  return `${cell(pick(VERDICT_SUITS))},${cell(pick(VERDICT_NOT_SUITED))},`;
});

/** contradicted_perspectives per bit set, remembered (a few hundred sets in a register). */
const CONTRADICTED_CELL = new Map<number, Uint8Array>();
function contradictedCell(bits: number): Uint8Array {
  let s = CONTRADICTED_CELL.get(bits);
  if (s === undefined) {
    s = encode(`,${cell(CONTRADICTION_NAMES.filter((_, k) => bits & (1 << k)).join(";"))},`);
    if (CONTRADICTED_CELL.size >= 1 << 14) CONTRADICTED_CELL.clear();
    CONTRADICTED_CELL.set(bits, s);
  }
  return s;
}

/** ":" and the fixed-point score of each score code. */
const SCORE_CELLS = new CellTable(
  RECOMMENDATION_SCORES.length,
  (code) => `:${RECOMMENDATION_SCORES[code].toFixed(3)}`,
);

const longest = (cells: readonly Uint8Array[]) => cells.reduce((m, c) => Math.max(m, c.length), 0);
const allNames = (names: readonly string[]) => names.reduce((m, x) => m + x.length + 1, 0);
// Room one row needs besides its id: the longest of each cell, every mode, instrument and
// contradiction named, and 32 bytes a number (toFixed(3) never writes more).
const ROW_BYTES =
  longest(POSITION_CELL) +
  longest(STATE_CELL) +
  longest(QUESTIONS_CELL) +
  longest(LEVELS_CELL) +
  2 * allNames(ENTRY_MODES) +
  2 * allNames(INSTRUMENTS) +
  allNames(CONTRADICTION_NAMES) +
  32 * (6 + INSTRUMENTS.length) +
  64;

const writer = new ByteWriter(1 << 20);
const COMMA = 44;
const SEMICOLON = 59;

/**
 * The `outward assess --csv` lines of rows [start, end) (default: every row) of a
 * `diagnoseColumns` result, each ending in "\n", joined: for every row byte for byte what
 * `diagnosisCsvLine(diagnose(columnsRowToProfile(cols, i), {params}))` writes (the header is
 * the caller's). `cols` supplies the ids; `diag` must come from `diagnoseColumns(cols, ...)`.
 * The text is built as bytes and decoded once, so a batch makes one string, not one per cell.
 */
export function diagnosisColumnsCsvLines(
  cols: ProfileColumns,
  diag: DiagnosisColumns,
  start = 0,
  end: number = diag.length,
): string {
  writeLines(cols, diag, start, end);
  return writer.toString();
}

/**
 * The same lines as `diagnosisColumnsCsvLines`, UTF-8 encoded, in a new array of their own:
 * for a writer that takes bytes, this skips building the string and encoding it again.
 */
export function diagnosisColumnsCsvBytes(
  cols: ProfileColumns,
  diag: DiagnosisColumns,
  start = 0,
  end: number = diag.length,
): Uint8Array {
  writeLines(cols, diag, start, end);
  return writer.take();
}

function writeLines(cols: ProfileColumns, diag: DiagnosisColumns, start: number, end: number) {
  const stamp = encode(`${cell(diag.stamp.rules_version)},${cell(diag.stamp.params_hash)}\n`);
  const W = RECOMMENDATION_WIDTH;
  const { position, position_confidence, position_basis, state, state_confidence } = diag;
  const { state_basis, barrier_score, barrier_level, mode_verdicts, rec_count } = diag;
  const { rec_instrument, rec_score, contradicted } = diag;
  const nStateBases = STATE_BASES.length;
  const ids = cols.id;
  const w = writer;
  w.reset();
  for (let i = start; i < end; i++) {
    w.csvCell(ids[i]);
    w.reserve(ROW_BYTES + stamp.length);
    w.byte(COMMA);
    w.put(POSITION_CELL[position[i]]);
    w.fixed3(position_confidence[i]);
    w.byte(COMMA);
    w.put(STATE_CELL[state[i]]);
    w.fixed3(state_confidence[i]);
    w.byte(COMMA);
    w.put(QUESTIONS_CELL[position_basis[i] * nStateBases + state_basis[i]]);
    for (let f = 0; f < 4; f++) {
      w.byte(COMMA);
      const s = barrier_score[i * 4 + f];
      if (!Number.isNaN(s)) w.fixed3(s);
    }
    const levels =
      (barrier_level[i * 4] << 6) |
      (barrier_level[i * 4 + 1] << 4) |
      (barrier_level[i * 4 + 2] << 2) |
      barrier_level[i * 4 + 3];
    w.put(LEVELS_CELL[levels]);
    w.put(MODE_CELLS.get(mode_verdicts[i]));
    // Instrument ids and fixed-point numbers never need quoting, so the list is written bare.
    const count = rec_count[i];
    if (count > 0) w.put(INSTRUMENT_NAME[rec_instrument[i * W]]);
    w.byte(COMMA);
    for (let k = 0; k < count; k++) {
      const at = i * W + k;
      if (k > 0) w.byte(SEMICOLON);
      w.put(INSTRUMENT_NAME[rec_instrument[at]]);
      w.put(SCORE_CELLS.get(rec_score[at]));
    }
    w.put(contradictedCell(contradicted[i]));
    w.put(stamp);
  }
}
