import type { Column } from "./frame.ts";

export interface NumericDescription {
  name: string;
  type: "numeric";
  /** Non-missing values. */
  count: number;
  missing: number;
  /** Over non-missing values; null when there are none (sd: fewer than two) or not finite. */
  mean: number | null;
  /** Sample standard deviation (n - 1), as R's sd(). */
  sd: number | null;
  min: number | null;
  max: number | null;
}

export interface CategoricalDescription {
  name: string;
  type: "categorical";
  count: number;
  missing: number;
  /** Number of levels that occur. */
  levels: number;
  /** The most frequent levels, most frequent first (ties in level order). */
  top: { level: string; count: number }[];
}

export type ColumnDescription = NumericDescription | CategoricalDescription;

/** Summary statistics of one column; `topLevels` bounds the categorical frequency list. */
export function describeColumn(name: string, col: Column, topLevels = 10): ColumnDescription {
  if (col.kind === "numeric") return describeNumeric(name, col.values);
  const counts = new Float64Array(col.levels.length);
  let missing = 0;
  for (const c of col.codes) {
    if (c < 0) missing++;
    else counts[c]++;
  }
  const used: number[] = [];
  for (let k = 0; k < counts.length; k++) if (counts[k] > 0) used.push(k);
  const top = used
    .sort((a, b) => counts[b] - counts[a] || a - b)
    .slice(0, Math.max(0, topLevels))
    .map((k) => ({ level: col.levels[k], count: counts[k] }));
  return {
    name,
    type: "categorical",
    count: col.codes.length - missing,
    missing,
    levels: used.length,
    top,
  };
}

function describeNumeric(name: string, v: Float64Array): NumericDescription {
  let n = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (Number.isNaN(x)) continue;
    n++;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = n > 0 ? sum / n : Number.NaN;
  // second pass about the mean: stable where the one-pass formula cancels
  let ss = 0;
  let corr = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (Number.isNaN(x)) continue;
    const d = x - mean;
    ss += d * d;
    corr += d;
  }
  const sd = n > 1 ? Math.sqrt((ss - (corr * corr) / n) / (n - 1)) : Number.NaN;
  return {
    name,
    type: "numeric",
    count: n,
    missing: v.length - n,
    mean: finite(mean),
    sd: finite(sd),
    min: n > 0 ? min : null,
    max: n > 0 ? max : null,
  };
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
