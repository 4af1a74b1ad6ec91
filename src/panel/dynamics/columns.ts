import type { Issue } from "../../framework/index.ts";
import type { Column, Frame } from "../../io/index.ts";

/**
 * Column access for the dynamics functions. Ids and grouping columns may be numeric or
 * categorical; both become a label per row so that output names the firm as the input did.
 */
export function getColumn(frame: Frame, name: string, issues: Issue[]): Column | undefined {
  const col = frame.columns.get(name);
  if (!col) {
    issues.push({
      code: "missing_column",
      field: name,
      message: `column "${name}" not found; available columns: ${frame.names.join(", ")}`,
      expected: "an existing column",
    });
  }
  return col;
}

/** Value of row i as it should appear in messages and output (NaN / -1 become null). */
export function cellLabel(col: Column, i: number): string | number | null {
  if (col.kind === "numeric") {
    const v = col.values[i];
    return Number.isNaN(v) ? null : v;
  }
  const c = col.codes[i];
  return c < 0 ? null : col.levels[c];
}

/** Numeric reading of a column; categorical levels that parse as numbers are accepted. */
export function numericValues(col: Column): Float64Array {
  if (col.kind === "numeric") return col.values;
  const byLevel = col.levels.map((l) => (l.trim() === "" ? Number.NaN : Number(l)));
  const out = new Float64Array(col.codes.length);
  for (let i = 0; i < out.length; i++) {
    const c = col.codes[i];
    out[i] = c < 0 ? Number.NaN : byLevel[c];
  }
  return out;
}

/**
 * Dense group codes (0..G-1, -1 missing) and their labels, in sorted order (numbers
 * numerically, text by locale). Works on the codes or values directly: no string per row.
 */
export function groupCodes(col: Column): { codes: Int32Array; labels: string[] } {
  if (col.kind === "categorical") {
    const used = new Uint8Array(col.levels.length);
    const src = col.codes;
    for (let i = 0; i < src.length; i++) if (src[i] >= 0) used[src[i]] = 1;
    const present = col.levels.map((_, k) => k).filter((k) => used[k]);
    present.sort((a, b) => compareLabels(col.levels[a], col.levels[b]));
    const remap = new Int32Array(col.levels.length).fill(-1);
    present.forEach((k, j) => {
      remap[k] = j;
    });
    const codes = new Int32Array(src.length);
    for (let i = 0; i < src.length; i++) codes[i] = src[i] < 0 ? -1 : remap[src[i]];
    return { codes, labels: present.map((k) => col.levels[k]) };
  }
  const v = col.values;
  const small = smallWholeCodes(v);
  if (small) return small;
  // sorted distinct values, then a binary search per row (no hashing of doubles)
  const sorted = v.filter((x) => !Number.isNaN(x)).sort();
  let U = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[U++] = sorted[i];
  const keys = sorted.subarray(0, U);
  const codes = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (Number.isNaN(x)) {
      codes[i] = -1;
      continue;
    }
    let lo = 0;
    let hi = U - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    codes[i] = lo;
  }
  return { codes, labels: Array.from(keys, String) };
}

/** Text order with digit runs compared as numbers, so "2" < "10" and "size 2" < "size 10". */
function compareLabels(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/** Codes for whole-number values in a narrow range (states, years, ids): a lookup table. */
function smallWholeCodes(v: Float64Array): { codes: Int32Array; labels: string[] } | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (Number.isNaN(x)) continue;
    if (!Number.isInteger(x)) return undefined;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (min > max) return { codes: new Int32Array(v.length).fill(-1), labels: [] };
  if (!(max - min <= 4 * v.length + 1024)) return undefined;
  const table = new Int32Array(max - min + 1).fill(-1);
  for (let i = 0; i < v.length; i++) if (!Number.isNaN(v[i])) table[v[i] - min] = 0;
  const labels: string[] = [];
  for (let k = 0; k < table.length; k++)
    if (table[k] === 0) table[k] = labels.push(String(k + min)) - 1;
  const codes = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) codes[i] = Number.isNaN(v[i]) ? -1 : table[v[i] - min];
  return { codes, labels };
}
