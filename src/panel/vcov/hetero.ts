/** White (1980) heteroskedasticity-robust meat: sum_i e_i² x_i x_i' on the transformed data. */
import type { LinearFit } from "../estimators/ols.ts";

export function meatHetero(lin: LinearFit): Float64Array {
  const k = lin.X.length;
  const e = lin.scoreMult;
  const M = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b <= a; b++) {
      const xa = lin.X[a];
      const xb = lin.X[b];
      let s = 0;
      for (let i = 0; i < e.length; i++) s += xa[i] * xb[i] * e[i] * e[i];
      M[a * k + b] = s;
      M[b * k + a] = s;
    }
  return M;
}
