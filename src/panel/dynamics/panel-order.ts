import type { Issue } from "../../framework/index.ts";
import type { Frame } from "../../io/index.ts";
import { cellLabel, getColumn, groupCodes, numericValues } from "./columns.ts";

/**
 * A firm-year panel sorted once by (id, time). Everything downstream walks `order` and never
 * copies the input columns: row `order[k]` of the frame is the k-th firm-year in sorted order.
 */
export interface PanelOrder {
  /** Frame row index of each sorted position. */
  order: Uint32Array;
  /** Dense firm index (0..F-1) per sorted position. */
  firm_N: Int32Array;
  /** Sorted positions where each firm starts; length F + 1. */
  firmStart_F: Int32Array;
  /** Firm label (as in the id column) per dense firm index. */
  firmLabels: (string | number)[];
  /** Time (year) per sorted position. */
  time_N: Float64Array;
  /** 1 when sorted position k and k + 1 are the same firm in consecutive years. */
  next_N: Uint8Array;
  /** First and last time in the whole panel (the panel window). */
  firstTime: number;
  lastTime: number;
}

/**
 * Sorts the panel by (id, time), rejecting missing ids, non-integer or missing times and
 * duplicate firm-years. Times must be whole periods because a gap is detected as time + 1.
 */
export function orderPanel(
  frame: Frame,
  idName: string,
  timeName: string,
): { ok: true; value: PanelOrder } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const idCol = getColumn(frame, idName, issues);
  const timeCol = getColumn(frame, timeName, issues);
  if (!idCol || !timeCol) return { ok: false, issues };
  const n = frame.nrows;
  const { codes, labels } = groupCodes(idCol);
  const time = numericValues(timeCol);
  let tmin = Number.POSITIVE_INFINITY;
  let tmax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    if (codes[i] < 0) {
      issues.push(rowIssue("missing_value", i, idName, null, "a firm id"));
      continue;
    }
    const t = time[i];
    if (!Number.isInteger(t)) {
      issues.push(rowIssue("invalid_time", i, timeName, cellLabel(timeCol, i), "a whole year"));
      continue;
    }
    if (t < tmin) tmin = t;
    if (t > tmax) tmax = t;
  }
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, 50) };
  const order = sortByFirmTime(codes, time, tmin, tmax);
  const firm_N = new Int32Array(n);
  const time_N = new Float64Array(n);
  const next_N = new Uint8Array(n);
  const F = labels.length;
  const firmStart_F = new Int32Array(F + 1);
  for (let k = 0; k < n; k++) {
    firm_N[k] = codes[order[k]];
    time_N[k] = time[order[k]];
  }
  for (let k = 0; k < n; k++) {
    if (k > 0 && firm_N[k] === firm_N[k - 1] && time_N[k] === time_N[k - 1]) {
      issues.push({
        ...rowIssue("duplicate_firm_year", order[k], timeName, time_N[k], "one row per firm-year"),
        message: `duplicate firm-year: ${idName}=${labels[firm_N[k]]}, ${timeName}=${time_N[k]} also on row ${order[k - 1] + 1}; expected one row per firm-year`,
      });
    }
    if (k + 1 < n && firm_N[k + 1] === firm_N[k] && time_N[k + 1] === time_N[k] + 1) next_N[k] = 1;
  }
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, 50) };
  for (let k = n - 1; k >= 0; k--) firmStart_F[firm_N[k]] = k;
  firmStart_F[F] = n;
  const firmLabels = labels.map((l) => {
    const asNum = Number(l);
    return idCol.kind === "numeric" && Number.isFinite(asNum) ? asNum : l;
  });
  return {
    ok: true,
    value: {
      order,
      firm_N,
      firmStart_F,
      firmLabels,
      time_N,
      next_N,
      firstTime: tmin,
      lastTime: tmax,
    },
  };
}

function rowIssue(code: string, i: number, field: string, value: unknown, expected: string): Issue {
  return {
    code,
    row: i + 1,
    field,
    value,
    expected,
    message: `got ${value === null ? "an empty value" : JSON.stringify(value)}, expected ${expected}`,
  };
}

/**
 * Packs (firm, time, row) into one float so a native numeric sort does the work; falls back to
 * a comparator sort when the packed key would exceed 2^53.
 */
function sortByFirmTime(
  codes: Int32Array,
  time: Float64Array,
  tmin: number,
  tmax: number,
): Uint32Array {
  const n = codes.length;
  const span = tmax - tmin + 1;
  const order = new Uint32Array(n);
  let maxCode = 0;
  for (let i = 0; i < n; i++) if (codes[i] > maxCode) maxCode = codes[i];
  if ((maxCode + 1) * span * n < Number.MAX_SAFE_INTEGER) {
    const key = new Float64Array(n);
    for (let i = 0; i < n; i++) key[i] = (codes[i] * span + (time[i] - tmin)) * n + i;
    key.sort();
    for (let k = 0; k < n; k++) order[k] = key[k] % n;
    return order;
  }
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => codes[a] - codes[b] || time[a] - time[b] || a - b);
  order.set(idx);
  return order;
}
