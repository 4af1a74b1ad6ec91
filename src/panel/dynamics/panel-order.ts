import type { Issue } from "../../framework/index.ts";
import type { Column, Frame } from "../../io/index.ts";
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
  const { codes, labelOf } = idKeys(idCol);
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
  const firmLabels: (string | number)[] = [];
  const starts: number[] = [];
  for (let k = 0; k < n; k++) {
    const row = order[k];
    time_N[k] = time[row];
    if (k === 0 || codes[row] !== codes[order[k - 1]]) {
      starts.push(k);
      firmLabels.push(labelOf(row));
    }
    firm_N[k] = firmLabels.length - 1;
  }
  for (let k = 0; k < n; k++) {
    if (k > 0 && firm_N[k] === firm_N[k - 1] && time_N[k] === time_N[k - 1]) {
      issues.push({
        ...rowIssue("duplicate_firm_year", order[k], timeName, time_N[k], "one row per firm-year"),
        message: `duplicate firm-year: ${idName}=${firmLabels[firm_N[k]]}, ${timeName}=${time_N[k]} also on row ${order[k - 1] + 1}; expected one row per firm-year`,
      });
    }
    if (k + 1 < n && firm_N[k + 1] === firm_N[k] && time_N[k + 1] === time_N[k] + 1) next_N[k] = 1;
  }
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, 50) };
  const firmStart_F = Int32Array.from([...starts, n]);
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

/**
 * Sort keys for the id: whole-number ids are used as they are (offset to start at 0), which
 * avoids a dictionary pass over millions of rows; other ids get dictionary codes in label order.
 */
function idKeys(col: Column): { codes: Int32Array; labelOf: (row: number) => string | number } {
  if (col.kind === "numeric") {
    const v = col.values;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let whole = true;
    for (let i = 0; i < v.length && whole; i++) {
      if (!Number.isInteger(v[i])) whole = false;
      else {
        if (v[i] < min) min = v[i];
        if (v[i] > max) max = v[i];
      }
    }
    if (whole && max - min < 2 ** 31 - 1) {
      const codes = new Int32Array(v.length);
      for (let i = 0; i < v.length; i++) codes[i] = v[i] - min;
      return { codes, labelOf: (row) => v[row] };
    }
  }
  const { codes, labels } = groupCodes(col);
  const numericIds = col.kind === "numeric";
  return {
    codes,
    labelOf: (row) => (numericIds ? Number(labels[codes[row]]) : labels[codes[row]]),
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
 * Sort by (firm key, time, row). When the keys span no more than a few times the row count (the
 * usual case: dense or whole-number ids), two stable counting passes (time, then firm) do it in
 * linear time; otherwise (firm, time, row) is packed into one float for a native numeric sort,
 * with a comparator sort when the packed key would exceed 2^53.
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
  if (maxCode + 1 <= 4 * n + 1024 && span <= 4 * n + 1024) {
    const byTime = new Uint32Array(n);
    const countT = new Uint32Array(span + 1);
    for (let i = 0; i < n; i++) countT[((time[i] - tmin) | 0) + 1]++;
    for (let t = 1; t <= span; t++) countT[t] += countT[t - 1];
    for (let i = 0; i < n; i++) byTime[countT[(time[i] - tmin) | 0]++] = i;
    const countF = new Uint32Array(maxCode + 2);
    for (let i = 0; i < n; i++) countF[codes[i] + 1]++;
    for (let f = 1; f <= maxCode + 1; f++) countF[f] += countF[f - 1];
    for (let k = 0; k < n; k++) {
      const i = byTime[k];
      order[countF[codes[i]]++] = i;
    }
    return order;
  }
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
