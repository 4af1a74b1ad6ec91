/**
 * Row slices for the pass-structured kernels: ranges of whole units (runs of equal unit codes),
 * about SLICE_ROWS rows each. The cut depends only on the rows, never on the thread count, so
 * partial sums are the same whichever thread computes a slice and are combined in slice order.
 */

/** Rows per slice: small enough for two threads to balance, large enough to amortise a hand-off. */
export const SLICE_ROWS = 1 << 20;

/**
 * Slice starts (length P + 1, last = n) at unit boundaries of non-decreasing codes `a`, about
 * `rows` rows apart (default SLICE_ROWS).
 */
export function sliceBounds(a: Int32Array, rows = SLICE_ROWS): Int32Array {
  const n = a.length;
  const P = Math.max(1, Math.ceil(n / rows));
  const out: number[] = [0];
  for (let p = 1; p < P; p++) {
    let s = Math.max(out[out.length - 1], Math.floor((n * p) / P));
    while (s > 0 && s < n && a[s] === a[s - 1]) s++;
    if (s > out[out.length - 1] && s < n) out.push(s);
  }
  out.push(n);
  return Int32Array.from(out);
}
