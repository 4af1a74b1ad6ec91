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
    for (const c of col.codes) if (c >= 0) used[c] = 1;
    const present = col.levels.map((_, k) => k).filter((k) => used[k]);
    present.sort((a, b) => compareLabels(col.levels[a], col.levels[b]));
    const remap = new Int32Array(col.levels.length).fill(-1);
    present.forEach((k, j) => {
      remap[k] = j;
    });
    const codes = col.codes.map((c) => (c < 0 ? -1 : remap[c]));
    return { codes, labels: present.map((k) => col.levels[k]) };
  }
  const index = new Map<number, number>();
  for (const v of col.values) if (!Number.isNaN(v) && !index.has(v)) index.set(v, 0);
  const keys = Float64Array.from(index.keys()).sort();
  keys.forEach((v, j) => {
    index.set(v, j);
  });
  const codes = new Int32Array(col.values.length);
  for (let i = 0; i < codes.length; i++) {
    const v = col.values[i];
    codes[i] = Number.isNaN(v) ? -1 : index.get(v)!;
  }
  return { codes, labels: Array.from(keys, String) };
}

/** Text order with digit runs compared as numbers, so "2" < "10" and "size 2" < "size 10". */
function compareLabels(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
