/**
 * X'WX and X'Wy for columns stored as separate Float64Arrays, accumulated in one pass over the
 * rows: the rows are walked in cache-sized blocks and every column pair is reduced inside a block,
 * so each column is read from memory once however many regressors there are.
 */

/** Result of {@link crossprod}: X'WX (k x k row-major) and X'Wy (length k). */
export interface CrossProducts {
  readonly XtX: Float64Array;
  readonly Xty: Float64Array;
  /** y'Wy, useful for sums of squares without another pass. */
  readonly yty: number;
}

const BLOCK = 2048;

/**
 * @param X_K regressor columns, each of length n
 * @param y_N response column (length n)
 * @param w_N optional observation weights (undefined = all ones)
 */
export function crossprod(
  X_K: readonly Float64Array[],
  y_N: Float64Array,
  w_N?: Float64Array,
): CrossProducts {
  const k = X_K.length;
  const n = y_N.length;
  const XtX = new Float64Array(k * k);
  const Xty = new Float64Array(k);
  let yty = 0;
  const wy = new Float64Array(BLOCK);
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    const len = end - start;
    if (w_N) for (let i = 0; i < len; i++) wy[i] = w_N[start + i] * y_N[start + i];
    else for (let i = 0; i < len; i++) wy[i] = y_N[start + i];
    for (let i = 0; i < len; i++) yty += wy[i] * y_N[start + i];
    for (let a = 0; a < k; a++) {
      const xa = X_K[a];
      let sy = 0;
      for (let i = 0; i < len; i++) sy += xa[start + i] * wy[i];
      Xty[a] += sy;
      for (let b = 0; b <= a; b++) {
        const xb = X_K[b];
        let s = 0;
        if (w_N) for (let i = start; i < end; i++) s += xa[i] * xb[i] * w_N[i];
        else for (let i = start; i < end; i++) s += xa[i] * xb[i];
        XtX[a * k + b] += s;
      }
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) XtX[b * k + a] = XtX[a * k + b];
  return { XtX, Xty, yty };
}
