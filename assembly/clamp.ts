/** Clamps that give the bits of Math.min and Math.max for the kernels' constant bounds. */

/**
 * Math.min(x, c) for a constant c that is neither zero nor NaN: the same value for every x, NaN
 * and -0 included, without wasm's f64.min, whose NaN and signed-zero rules take about ten x86
 * instructions.
 */
@inline
export function below(x: f64, c: f64): f64 {
  return x > c ? c : x;
}

/** Math.max(c, x) for a constant c that is neither zero nor NaN (as `below`). */
@inline
export function above(c: f64, x: f64): f64 {
  return x < c ? c : x;
}
