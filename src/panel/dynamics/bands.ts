import type { Issue } from "../../framework/index.ts";

/**
 * Intensity bands from cut points c1 < c2 < ... < cm: (-inf, c1], (c1, c2], ..., (cm, inf),
 * closed on the right as R's `cut(right = TRUE)`. With cuts 0, 0.1, 0.5 a zero intensity forms
 * its own band ("<=0", the non-exporters), then (0,0.1], (0.1,0.5] and ">0.5".
 */
export function bandLabels(cuts: readonly number[]): string[] {
  const labels = [`<=${cuts[0]}`];
  for (let j = 1; j < cuts.length; j++) labels.push(`(${cuts[j - 1]},${cuts[j]}]`);
  labels.push(`>${cuts[cuts.length - 1]}`);
  return labels;
}

/** Checks cut points: finite, strictly increasing, at least one. */
export function checkCuts(cuts: readonly number[]): Issue[] {
  const ok =
    cuts.length > 0 && cuts.every((c, j) => Number.isFinite(c) && (j === 0 || c > cuts[j - 1]));
  if (ok) return [];
  return [
    {
      code: "invalid_bands",
      field: "bands",
      value: cuts.join(","),
      expected: "strictly increasing numbers, e.g. 0,0.1,0.5",
      message: `got ${JSON.stringify(cuts.join(","))}, expected strictly increasing numbers, e.g. 0,0.1,0.5`,
    },
  ];
}

/** Band index per value (-1 for NaN), by binary search over the cuts. */
export function bandCodes(values: Float64Array, cuts: readonly number[]): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      out[i] = -1;
      continue;
    }
    let lo = 0;
    let hi = cuts.length;
    // smallest j with v <= cuts[j]; j = cuts.length means above the last cut
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v <= cuts[mid]) hi = mid;
      else lo = mid + 1;
    }
    out[i] = lo;
  }
  return out;
}
