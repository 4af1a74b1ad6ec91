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

/** Dense group codes (0..G-1, -1 missing) and their labels, in order of sorted label. */
export function groupCodes(col: Column): { codes: Int32Array; labels: string[] } {
  const n = col.kind === "numeric" ? col.values.length : col.codes.length;
  const raw: (string | null)[] = new Array(n);
  const seen = new Map<string, number | string>();
  for (let i = 0; i < n; i++) {
    const v = cellLabel(col, i);
    raw[i] = v === null ? null : String(v);
    if (v !== null && !seen.has(String(v))) seen.set(String(v), v);
  }
  const labels = [...seen.keys()].sort((a, b) => compareLabels(seen.get(a)!, seen.get(b)!));
  const index = new Map(labels.map((l, k) => [l, k]));
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = raw[i] === null ? -1 : index.get(raw[i]!)!;
  return { codes, labels };
}

function compareLabels(a: number | string, b: number | string): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en");
}
