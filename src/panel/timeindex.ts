/**
 * The panel's time structure: rows ordered by (unit, time), and the row holding the same unit
 * `k` periods earlier or later. Lags follow time values, not row order, so a missing year
 * yields "no such row" (-1) instead of silently pairing non-adjacent years.
 */
import type { Issue } from "../framework/index.ts";
import type { Codes } from "./codes.ts";

export interface TimeIndex {
  /** Row indices ordered by unit, then time. */
  readonly order: Int32Array;
  /** Start offset of each unit's run in `order` (length units + 1). */
  readonly start: Int32Array;
}

/** Counting sort by unit, then insertion sort by time inside each (short) unit run. */
export function buildTimeIndex(unit: Codes, time: Float64Array): TimeIndex {
  const n = unit.codes.length;
  const start = new Int32Array(unit.nLevels + 1);
  for (let i = 0; i < n; i++) if (unit.codes[i] >= 0) start[unit.codes[i] + 1]++;
  for (let g = 0; g < unit.nLevels; g++) start[g + 1] += start[g];
  const fill = start.slice(0, unit.nLevels);
  const order = new Int32Array(start[unit.nLevels]);
  for (let i = 0; i < n; i++) {
    const g = unit.codes[i];
    if (g >= 0) order[fill[g]++] = i;
  }
  for (let g = 0; g < unit.nLevels; g++) {
    for (let p = start[g] + 1; p < start[g + 1]; p++) {
      const row = order[p];
      const t = time[row];
      let q = p - 1;
      while (q >= start[g] && time[order[q]] > t) {
        order[q + 1] = order[q];
        q--;
      }
      order[q + 1] = row;
    }
  }
  return { order, start };
}

/** Issues for (unit, time) pairs that occur more than once (1-based data rows). */
export function duplicateIndexIssues(
  ti: TimeIndex,
  time: Float64Array,
  unitName: string,
  timeName: string,
): Issue[] {
  const issues: Issue[] = [];
  for (let g = 0; g + 1 < ti.start.length; g++) {
    for (let p = ti.start[g] + 1; p < ti.start[g + 1]; p++) {
      const a = ti.order[p - 1];
      const b = ti.order[p];
      if (time[a] === time[b] && issues.length < 20) {
        issues.push({
          code: "duplicate_panel_index",
          row: b + 1,
          field: timeName,
          value: time[b],
          message: `rows ${a + 1} and ${b + 1} have the same ${unitName} and ${timeName} ${time[b]}; expected one row per unit and period`,
        });
      }
    }
  }
  return issues;
}

/**
 * For each row, the row of the same unit at time t - shift (shift > 0: lag; < 0: lead), or -1.
 * Rows without a unit or time get -1.
 */
export function shiftedRows(
  ti: TimeIndex,
  time: Float64Array,
  shift: number,
  n: number,
): Int32Array {
  const out = new Int32Array(n).fill(-1);
  const units = ti.start.length - 1;
  for (let g = 0; g < units; g++) {
    const s = ti.start[g];
    const e = ti.start[g + 1];
    for (let p = s; p < e; p++) {
      const row = ti.order[p];
      const target = time[row] - shift;
      // Times are strictly increasing inside a run, so the target is at most |shift| steps away.
      if (shift > 0) {
        for (let q = p - 1; q >= s && q >= p - shift; q--) {
          const tq = time[ti.order[q]];
          if (tq === target) out[row] = ti.order[q];
          if (tq <= target) break;
        }
      } else {
        for (let q = p + 1; q < e && q <= p - shift; q++) {
          const tq = time[ti.order[q]];
          if (tq === target) out[row] = ti.order[q];
          if (tq >= target) break;
        }
      }
    }
  }
  return out;
}
