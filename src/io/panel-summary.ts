import type { PanelIndexSpec } from "./panel-index.ts";

/** What a firm-year index looks like, as `outward panel describe` reports it. */
export interface PanelSummary {
  id: string;
  time: string;
  rows: number;
  firms: number;
  /** Distinct time values present. */
  periods: number;
  firstPeriod: number;
  lastPeriod: number;
  /** Every firm observed in every period present (plm's `is.pbalanced`). */
  balanced: boolean;
  observationsPerFirm: { min: number; mean: number; max: number };
  /** Periods missing inside firms' own first-to-last spans, and how many firms have any. */
  gaps: { firms: number; periods: number };
  /** Rows grouped by firm with strictly increasing time within each firm. */
  ordered: boolean;
}

/** Pairs [first row, repeated row] of the same firm and period, found in O(rows + periods). */
export function duplicates(
  firm: Int32Array,
  firms: number,
  period: Int32Array,
  span: number,
): [number, number][] {
  const n = firm.length;
  const start = new Int32Array(firms + 1);
  for (let i = 0; i < n; i++) start[firm[i] + 1]++;
  for (let g = 0; g < firms; g++) start[g + 1] += start[g];
  const order = new Int32Array(n);
  const fill = start.slice(0, firms);
  for (let i = 0; i < n; i++) order[fill[firm[i]]++] = i;
  const out: [number, number][] = [];
  const dense = span <= Math.max(4 * n, 1 << 16);
  const stamp = dense ? new Int32Array(span).fill(-1) : undefined;
  const owner = dense ? new Int32Array(span) : undefined;
  for (let g = 0; g < firms; g++) {
    const sparse = dense ? undefined : new Map<number, number>();
    for (let k = start[g]; k < start[g + 1]; k++) {
      const i = order[k];
      const p = period[i];
      if (stamp && owner) {
        if (stamp[p] === g) out.push([owner[p], i]);
        else {
          stamp[p] = g;
          owner[p] = i;
        }
      } else if (sparse) {
        const prev = sparse.get(p);
        if (prev !== undefined) out.push([prev, i]);
        else sparse.set(p, i);
      }
    }
  }
  return out;
}

export function summarize(
  spec: PanelIndexSpec,
  firm: Int32Array,
  firms: number,
  period: Int32Array,
  tmin: number,
  tmax: number,
): PanelSummary {
  const n = firm.length;
  const count = new Int32Array(firms);
  const lo = new Int32Array(firms).fill(2147483647);
  const hi = new Int32Array(firms).fill(-1);
  const span = tmax - tmin + 1;
  const seen = span <= 4 * n + 65536 ? new Uint8Array(Math.max(span, 0)) : undefined;
  const present = new Set<number>();
  let ordered = true;
  let prevFirm = -1;
  let prevPeriod = 0;
  let maxFirmSoFar = -1;
  for (let i = 0; i < n; i++) {
    const g = firm[i];
    const p = period[i];
    count[g]++;
    if (p < lo[g]) lo[g] = p;
    if (p > hi[g]) hi[g] = p;
    if (seen) seen[p] = 1;
    else present.add(p);
    // codes follow first appearance, so a new firm always gets the next code
    if (g === prevFirm) ordered &&= p > prevPeriod;
    else ordered &&= g > maxFirmSoFar;
    if (g > maxFirmSoFar) maxFirmSoFar = g;
    prevFirm = g;
    prevPeriod = p;
  }
  let min = firms > 0 ? Number.POSITIVE_INFINITY : 0;
  let max = 0;
  let gapFirms = 0;
  let gapPeriods = 0;
  let balanced = true;
  const periods = seen ? seen.reduce((a, b) => a + b, 0) : present.size;
  for (let g = 0; g < firms; g++) {
    const c = count[g];
    if (c < min) min = c;
    if (c > max) max = c;
    const gap = hi[g] - lo[g] + 1 - c;
    if (gap > 0) {
      gapFirms++;
      gapPeriods += gap;
    }
    if (c !== periods) balanced = false;
  }
  return {
    id: spec.id,
    time: spec.time,
    rows: n,
    firms,
    periods,
    firstPeriod: tmin,
    lastPeriod: tmax,
    balanced,
    observationsPerFirm: { min, mean: firms > 0 ? n / firms : 0, max },
    gaps: { firms: gapFirms, periods: gapPeriods },
    ordered,
  };
}
