import type { Issue } from "../../framework/index.ts";
import type { Frame } from "../../io/index.ts";
import { cellLabel, getColumn, numericValues } from "./columns.ts";

/**
 * Reads a weight column: every weight must be a finite number >= 0 (a missing weight is an
 * error rather than a silently dropped row). Issues are appended; returns undefined on failure.
 */
export function readWeights(frame: Frame, name: string, issues: Issue[]): Float64Array | undefined {
  const col = getColumn(frame, name, issues);
  if (!col) return undefined;
  const w = numericValues(col);
  const before = issues.length;
  for (let i = 0; i < w.length && issues.length - before < 20; i++) {
    if (!(Number.isFinite(w[i]) && w[i] >= 0)) {
      const v = cellLabel(col, i);
      issues.push({
        code: "invalid_weight",
        row: i + 1,
        field: name,
        value: v,
        expected: "a finite weight >= 0",
        message: `got ${v === null ? "an empty value" : JSON.stringify(v)}, expected a finite weight >= 0`,
      });
    }
  }
  return issues.length > before ? undefined : w;
}
