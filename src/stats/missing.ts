// Missing entries per array, counted once: a loader counts them for its report and every later
// fit on the same columns asks again (columns are not modified once loaded).
const missingKnown = new WeakMap<Float64Array | Int32Array, number>();

/** NaN values of a numeric array, counted once per array. */
export function nanCount(values: Float64Array): number {
  let m = missingKnown.get(values);
  if (m === undefined) {
    m = 0;
    for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) m++;
    missingKnown.set(values, m);
  }
  return m;
}

/** Negative (missing) codes of a code array, counted once per array. */
export function negativeCount(codes: Int32Array): number {
  let m = missingKnown.get(codes);
  if (m === undefined) {
    m = 0;
    for (let i = 0; i < codes.length; i++) if (codes[i] < 0) m++;
    missingKnown.set(codes, m);
  }
  return m;
}

/** Records a count already known (e.g. codes built with no missing entry), so it is not scanned. */
export function rememberMissing(values: Float64Array | Int32Array, count: number): void {
  missingKnown.set(values, count);
}
