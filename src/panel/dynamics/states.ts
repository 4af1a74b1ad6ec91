import type { Issue, Result } from "../../framework/index.ts";
import { type CategoricalColumn, type Column, categorical, type Frame } from "../../io/index.ts";
import { cellLabel, getColumn, numericValues } from "./columns.ts";
import { orderPanel, type PanelOrder } from "./panel-order.ts";
import { buildRuns, type SpellTable } from "./spells.ts";

/**
 * A firm-year's internationalization state, read from its export status and its own past
 * (states rather than stages: Bell et al., 2003). `exited` covers every non-exporting year after
 * an export year; export data alone cannot tell Crick's (2004) disappointed from disinterested
 * withdrawals, which need the firm's plans.
 */
export const DYNAMIC_STATES = [
  "never_exported",
  "first_entry",
  "continuing",
  "exited",
  "re_entered",
] as const;
export type DynamicState = (typeof DYNAMIC_STATES)[number];

export interface StatesOptions {
  /** Firm id column. Default `"firm"`. */
  id?: string;
  /** Year column (whole numbers). Default `"year"`. */
  time?: string;
  /** Binary export status column (0/1, true/false). Required unless `intensity` is given. */
  export?: string;
  /**
   * Export intensity (share of sales exported, 0..1). Without `export`, a year is an export
   * year when intensity > 0; with both, they must agree. Default: none.
   */
  intensity?: string;
}

export interface PanelStates {
  order: PanelOrder;
  /** 1 when the firm exports that year; sorted positions. */
  exporting_N: Uint8Array;
  /** Index into DYNAMIC_STATES; sorted positions. */
  state_N: Uint8Array;
  /** Export spell index per sorted position, -1 in non-exporting years. */
  spell_N: Int32Array;
  /** Export spells (runs of consecutive export years). */
  spells: SpellTable;
  /** Intensity per sorted position when an intensity column was given. */
  intensity_N?: Float64Array;
}

const TRUE_LABELS = new Set(["1", "true", "TRUE", "yes"]);
const FALSE_LABELS = new Set(["0", "false", "FALSE", "no"]);

/**
 * Derives states and export spells. The state of a year compares it with the firm's previous
 * observed year, while spells also break at a missing year (see SpellTable), so after a gap an
 * exporting year may be `continuing` yet open a new spell flagged `after_gap`.
 */
export function deriveStates(frame: Frame, options: StatesOptions): Result<PanelStates> {
  const id = options.id ?? "firm";
  const time = options.time ?? "year";
  const issues: Issue[] = [];
  if (!options.export && !options.intensity) {
    return {
      ok: false,
      issues: [
        { code: "missing_option", message: "give an export status column or an intensity column" },
      ],
    };
  }
  const expCol = options.export ? getColumn(frame, options.export, issues) : undefined;
  const intCol = options.intensity ? getColumn(frame, options.intensity, issues) : undefined;
  const ordered = orderPanel(frame, id, time);
  if (!ordered.ok) issues.push(...ordered.issues);
  if (issues.length > 0 || !ordered.ok) return { ok: false, issues };
  const po = ordered.value;
  const n = frame.nrows;
  const status = new Uint8Array(n);
  const intensity = intCol ? numericValues(intCol) : undefined;
  for (let i = 0; i < n && issues.length < 50; i++) {
    const s = expCol ? readBinary(expCol, i) : undefined;
    if (expCol && s === undefined) {
      issues.push(badValue(i, options.export!, cellLabel(expCol, i), "0 or 1 (export status)"));
      continue;
    }
    if (intensity && intCol) {
      const v = intensity[i];
      const missingOk = Number.isNaN(v) && expCol !== undefined;
      if (!missingOk && !(v >= 0 && v <= 1)) {
        issues.push(
          badValue(i, options.intensity!, cellLabel(intCol, i), "a share between 0 and 1"),
        );
        continue;
      }
      if (s !== undefined && !Number.isNaN(v) && v > 0 !== (s === 1)) {
        issues.push(
          badValue(
            i,
            options.intensity!,
            v,
            `${s === 1 ? "> 0" : "0"} because ${options.export} is ${s}`,
          ),
        );
        continue;
      }
    }
    status[i] = s ?? (intensity![i] > 0 ? 1 : 0);
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: statesKernel(po, status, intensity) };
}

/** Computes states from status per frame row, given the sorted panel. */
export function statesKernel(
  po: PanelOrder,
  status: Uint8Array,
  intensity?: Float64Array,
): PanelStates {
  const n = po.order.length;
  const exporting_N = new Uint8Array(n);
  for (let k = 0; k < n; k++) exporting_N[k] = status[po.order[k]];
  const state_N = new Uint8Array(n);
  const [NEVER, FIRST, CONTINUING, EXITED, REENTERED] = [0, 1, 2, 3, 4];
  let everExported = false;
  for (let k = 0; k < n; k++) {
    if (k === 0 || po.firm_N[k] !== po.firm_N[k - 1]) everExported = false;
    if (exporting_N[k]) {
      state_N[k] = !everExported ? FIRST : exporting_N[k - 1] ? CONTINUING : REENTERED;
      everExported = true;
    } else state_N[k] = everExported ? EXITED : NEVER;
  }
  const { spells, run_N } = buildRuns(po, exporting_N);
  const out: PanelStates = { order: po, exporting_N, state_N, spell_N: run_N, spells };
  if (intensity) {
    const intensity_N = new Float64Array(n);
    for (let k = 0; k < n; k++) intensity_N[k] = intensity[po.order[k]];
    out.intensity_N = intensity_N;
  }
  return out;
}

/**
 * Non-exporting stretches that begin with an observed exit (an export year followed by a
 * non-export year), for time-to-re-entry analysis; the event is exporting again.
 */
export function reentryGaps(states: PanelStates): SpellTable {
  const po = states.order;
  const notExporting = new Uint8Array(states.exporting_N.length);
  for (let k = 0; k < notExporting.length; k++) notExporting[k] = states.exporting_N[k] ? 0 : 1;
  const startsWithExit = (k: number) =>
    k > 0 && po.next_N[k - 1] === 1 && states.exporting_N[k - 1] === 1;
  return buildRuns(po, notExporting, startsWithExit).spells;
}

function readBinary(col: Column, i: number): 0 | 1 | undefined {
  if (col.kind === "numeric") {
    const v = col.values[i];
    return v === 0 ? 0 : v === 1 ? 1 : undefined;
  }
  const c = col.codes[i];
  if (c < 0) return undefined;
  const label = col.levels[c].trim();
  return TRUE_LABELS.has(label) ? 1 : FALSE_LABELS.has(label) ? 0 : undefined;
}

function badValue(i: number, field: string, value: unknown, expected: string): Issue {
  const shown = value === null ? "an empty value" : JSON.stringify(value);
  return {
    code: "invalid_value",
    row: i + 1,
    field,
    value,
    expected,
    message: `got ${shown}, expected ${expected}`,
  };
}

/**
 * The derived state as a categorical column in the frame's row order (levels in
 * DYNAMIC_STATES order), so that transitions between internationalization states can be
 * tabulated like any other state column.
 */
export function stateColumn(states: PanelStates): CategoricalColumn {
  const n = states.state_N.length;
  const codes = new Int32Array(n);
  for (let k = 0; k < n; k++) codes[states.order.order[k]] = states.state_N[k];
  return categorical(codes, [...DYNAMIC_STATES]);
}
