import type { ProfileColumns } from "../../firm/index.ts";
import {
  BARRIER_FAMILIES,
  ENTRY_MODES,
  INSTRUMENTS,
  POSITIONS,
  STATES,
} from "../../framework/index.ts";
import { ByteWriter, cell, cellAt, encode, fixed3At, Snippets } from "./byte-writer.ts";
import { CellCache, CellIndex } from "./cell-tables.ts";
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

// Every cell drawn from a closed vocabulary is quoted (if at all) and encoded once, here, with
// the commas around it, so a row is about twenty word copies.
const VOCAB = new Snippets();
const vocab = (texts: readonly string[]) =>
  Int32Array.from(texts, (t) => ascii(VOCAB.add(encode(t))));
/** Vocabulary cells are ASCII, so `cellAt` copies them; a wide one would be a broken vocabulary. */
function ascii(code: number): number {
  if (code < 0) throw new Error("a vocabulary cell holds a non-ASCII byte");
  return code;
}
const POSITION_CELL = vocab(
  Array.from({ length: 256 }, (_, k) => `${cell(POSITIONS[k] ?? "undetermined")},`),
);
const STATE_CELL = vocab(
  Array.from({ length: 256 }, (_, k) => `${cell(STATES[k] ?? "undetermined")},`),
);
/** Instrument ids never need quoting (they are snake_case words). */
const INSTRUMENT_NAME = vocab(INSTRUMENTS.map(cell));

/** ",open_questions" for each (position basis, state basis): the union in first-seen order. */
const questionsCell = (p: Basis, s: Basis) =>
  `,${cell([...new Set([...p.questions, ...s.questions])].join(";"))}`;
const QUESTIONS_CELL = vocab(
  POSITION_BASES.flatMap((p) => STATE_BASES.map((s) => questionsCell(p, s))),
);

/** barrier_levels for each combination of the four level codes (2 bits each, family 0 high). */
const LEVELS_CELL = vocab(
  Array.from(
    { length: 256 },
    (_, key) =>
      `,${cell(BARRIER_FAMILIES.map((f, k) => `${f}:${LEVELS[(key >> (2 * (3 - k))) & 3]}`).join(";"))},`,
  ),
);

/** modes_suited and modes_not_suited for a verdict pattern. */
const MODE_CELLS = new CellIndex(1 << (2 * ENTRY_MODES.length), (pattern) => {
  const pick = (verdict: number) =>
    ENTRY_MODES.filter((_, m) => ((pattern >> (2 * m)) & 3) === verdict).join(";");
  return `${cell(pick(VERDICT_SUITS))},${cell(pick(VERDICT_NOT_SUITED))},`;
});

const SCORE_CODES = RECOMMENDATION_SCORES.length;
/**
 * ";instrument:score" for each instrument and score code (the first of a row has its ";"
 * overwritten by the comma after top_recommendation). Ids and fixed-point numbers never need
 * quoting, so the list is written bare.
 */
const RECOMMENDATION_CELLS = new CellIndex(
  INSTRUMENTS.length * SCORE_CODES,
  (key) =>
    `;${INSTRUMENTS[Math.floor(key / SCORE_CODES)]}:${RECOMMENDATION_SCORES[key % SCORE_CODES].toFixed(3)}`,
);

/**
 * ",contradicted_perspectives,rules_version,params_hash\n" per bit set, remembered (a few
 * hundred sets in a register) for the stamp of the batch being written.
 */
let stampText = "";
const contradictedCells = (stamp: string) => (bits: number) =>
  `,${cell(CONTRADICTION_NAMES.filter((_, k) => bits & (1 << k)).join(";"))},${stamp}`;
const CONTRADICTED_CELLS = new CellCache(contradictedCells(stampText));

const longest = (codes: Int32Array) => codes.reduce((m, c) => Math.max(m, VOCAB.length(c)), 0);
const allNames = (names: readonly string[]) => names.reduce((m, x) => m + x.length + 1, 0);
// Room one row needs besides its id and stamp: the longest of each cell, every mode, instrument
// and contradiction named, and 32 bytes a number (toFixed(3) never writes more).
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
 * The same lines as `diagnosisColumnsCsvLines`, UTF-8 encoded, in an array of their own (nothing
 * rewrites it unless it is given back through `recycleCsvBytes`): for a writer that takes
 * bytes, this skips building the string and encoding it again.
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

/**
 * Gives back an array `diagnosisColumnsCsvBytes` returned, once it has been written out and is
 * no longer read: a later call refills it instead of allocating (and faulting in) a new one.
 * Optional; an array given back must not be used again.
 */
export function recycleCsvBytes(bytes: Uint8Array): void {
  writer.recycle(bytes);
}

function writeLines(cols: ProfileColumns, diag: DiagnosisColumns, start: number, end: number) {
  const stamp = `${cell(diag.stamp.rules_version)},${cell(diag.stamp.params_hash)}\n`;
  if (stamp !== stampText) {
    stampText = stamp;
    CONTRADICTED_CELLS.clear(contradictedCells(stamp));
  }
  const W = RECOMMENDATION_WIDTH;
  const { position, position_confidence, position_basis, state, state_confidence } = diag;
  const { state_basis, barrier_score, barrier_level, mode_verdicts, rec_count } = diag;
  const { rec_instrument, rec_score, contradicted } = diag;
  const nStateBases = STATE_BASES.length;
  const ids = cols.id;
  const vocabWords = VOCAB.words;
  const modeCells = MODE_CELLS.cells;
  const recommendationCells = RECOMMENDATION_CELLS.cells;
  const contradictions = CONTRADICTED_CELLS.cells;
  const w = writer;
  w.reset();
  // The row is built at a local position with the writer's view and the tables' words in hand;
  // the writer's methods take over (synced through w.length) for ids, odd numbers and wide cells.
  // Readable form: w.csvCell(id); w.byte(44); w.snippet(VOCAB, POSITION_CELL[p]); w.fixed3(c); ...
  for (let i = start; i < end; i++) {
    w.csvCell(ids[i]);
    w.reserve(ROW_BYTES + stamp.length);
    const view = w.view;
    let at = w.length;
    w.bytes[at++] = COMMA;
    at = cellAt(view, at, vocabWords, POSITION_CELL[position[i]]);
    at = fixed3Or(w, at, position_confidence[i]);
    w.bytes[at++] = COMMA;
    at = cellAt(view, at, vocabWords, STATE_CELL[state[i]]);
    at = fixed3Or(w, at, state_confidence[i]);
    at = cellAt(
      view,
      at,
      vocabWords,
      QUESTIONS_CELL[position_basis[i] * nStateBases + state_basis[i]],
    );
    for (let f = 0; f < 4; f++) {
      w.bytes[at++] = COMMA;
      const s = barrier_score[i * 4 + f];
      if (!Number.isNaN(s)) at = fixed3Or(w, at, s);
    }
    const levels =
      (barrier_level[i * 4] << 6) |
      (barrier_level[i * 4 + 1] << 4) |
      (barrier_level[i * 4 + 2] << 2) |
      barrier_level[i * 4 + 3];
    at = cellAt(view, at, vocabWords, LEVELS_CELL[levels]);
    // Codes of the lazily built tables are read before their words (a miss may grow them).
    const modes = MODE_CELLS.get(mode_verdicts[i]);
    at = cellAt(view, at, modeCells.words, modes);
    const count = rec_count[i];
    if (count > 0) {
      at = cellAt(view, at, vocabWords, INSTRUMENT_NAME[rec_instrument[i * W]]);
      const first = at;
      for (let k = i * W; k < i * W + count; k++) {
        const code = RECOMMENDATION_CELLS.get(rec_instrument[k] * SCORE_CODES + rec_score[k]);
        at = cellAt(view, at, recommendationCells.words, code);
      }
      w.bytes[first] = COMMA;
    } else w.bytes[at++] = COMMA;
    w.length = at;
    w.snippet(contradictions, CONTRADICTED_CELLS.get(contradicted[i]));
  }
}

/**
 * fixed3At, or the writer's general fixed3 for the rest. The row's room is reserved up front
 * (32 bytes a number), so the writer's own reserve never moves the buffer under the row's view.
 */
function fixed3Or(w: ByteWriter, at: number, x: number): number {
  const next = fixed3At(w.view, at, x);
  if (next >= 0) return next;
  w.length = at;
  w.fixed3(x);
  return w.length;
}
