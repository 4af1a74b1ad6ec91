/**
 * Dense linear algebra on small symmetric systems (K x K, K = number of regressors), stored
 * row-major in Float64Array. Large data never passes through here: the N-row work is the
 * cross-product accumulation below, done in one pass over the columns.
 */

/** Symmetric positive semi-definite factorisation with collinearity detection. */
export interface CholeskyResult {
  /** Lower-triangular factor of the kept submatrix, row-major, size kept.length^2. */
  readonly L: Float64Array;
  /** Indices (into the original K columns) kept, in their original order. */
  readonly kept: number[];
  /** Indices dropped because they were (numerically) linear combinations of earlier columns. */
  readonly dropped: number[];
}

/**
 * Cholesky factorisation that walks the columns in order and drops a column whose remaining
 * pivot (its squared distance to the span of the earlier kept columns) is below
 * `tol` times its own diagonal. Keeping the order means the LAST of a collinear set is dropped,
 * as R's lm and fixest do, so reported coefficients keep the user's order.
 *
 * @param A symmetric K x K matrix, row-major
 * @param tol relative pivot tolerance (default 1e-10, fixest's collin.tol)
 */
export function choleskyDrop(A: Float64Array, k: number, tol = 1e-10): CholeskyResult {
  const kept: number[] = [];
  const dropped: number[] = [];
  // Factor rows are written for kept columns only, in a k x k scratch indexed by kept position.
  const Lfull = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    const m = kept.length;
    const row = new Float64Array(m + 1);
    for (let a = 0; a < m; a++) {
      let s = A[j * k + kept[a]];
      for (let b = 0; b < a; b++) s -= Lfull[a * k + b] * row[b];
      row[a] = s / Lfull[a * k + a];
    }
    let d = A[j * k + j];
    for (let b = 0; b < m; b++) d -= row[b] * row[b];
    const scale = A[j * k + j];
    if (!(scale > 0) || !(d > tol * scale)) {
      dropped.push(j);
      continue;
    }
    for (let b = 0; b < m; b++) Lfull[m * k + b] = row[b];
    Lfull[m * k + m] = Math.sqrt(d);
    kept.push(j);
  }
  const r = kept.length;
  const L = new Float64Array(r * r);
  for (let a = 0; a < r; a++) for (let b = 0; b <= a; b++) L[a * r + b] = Lfull[a * k + b];
  return { L, kept, dropped };
}

/** Solves (L L') x = b for a lower-triangular r x r factor. */
export function cholSolve(L: Float64Array, r: number, b: Float64Array): Float64Array {
  const z = new Float64Array(r);
  for (let i = 0; i < r; i++) {
    let s = b[i];
    for (let j = 0; j < i; j++) s -= L[i * r + j] * z[j];
    z[i] = s / L[i * r + i];
  }
  const x = new Float64Array(r);
  for (let i = r - 1; i >= 0; i--) {
    let s = z[i];
    for (let j = i + 1; j < r; j++) s -= L[j * r + i] * x[j];
    x[i] = s / L[i * r + i];
  }
  return x;
}

/** Inverse of L L' (r x r, row-major). */
export function cholInverse(L: Float64Array, r: number): Float64Array {
  const inv = new Float64Array(r * r);
  const e = new Float64Array(r);
  for (let c = 0; c < r; c++) {
    e.fill(0);
    e[c] = 1;
    const x = cholSolve(L, r, e);
    for (let i = 0; i < r; i++) inv[i * r + c] = x[i];
  }
  return inv;
}

/** Inverse of a symmetric positive-definite matrix; throws if it is singular. */
export function invertSpd(A: Float64Array, k: number, tol = 1e-12): Float64Array {
  const { L, dropped } = choleskyDrop(A, k, tol);
  if (dropped.length > 0) {
    throw new RangeError(`matrix is singular: columns ${dropped.join(", ")} are collinear`);
  }
  return cholInverse(L, k);
}

/** Solves A x = b for symmetric positive-definite A. */
export function solveSpd(A: Float64Array, k: number, b: Float64Array): Float64Array {
  const { L, dropped } = choleskyDrop(A, k, 1e-12);
  if (dropped.length > 0) {
    throw new RangeError(`matrix is singular: columns ${dropped.join(", ")} are collinear`);
  }
  return cholSolve(L, k, b);
}

/** Picks rows and columns `idx` of a k x k matrix. */
export function subMatrix(A: Float64Array, k: number, idx: readonly number[]): Float64Array {
  const r = idx.length;
  const out = new Float64Array(r * r);
  for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) out[a * r + b] = A[idx[a] * k + idx[b]];
  return out;
}

/** C = A B for row-major n x m and m x p. */
export function matMul(
  A: Float64Array,
  B: Float64Array,
  n: number,
  m: number,
  p: number,
): Float64Array {
  const C = new Float64Array(n * p);
  for (let i = 0; i < n; i++)
    for (let l = 0; l < m; l++) {
      const a = A[i * m + l];
      if (a === 0) continue;
      for (let j = 0; j < p; j++) C[i * p + j] += a * B[l * p + j];
    }
  return C;
}

/** Sandwich B M B for symmetric k x k bread B and meat M. */
export function sandwich(B: Float64Array, M: Float64Array, k: number): Float64Array {
  return matMul(matMul(B, M, k, k, k), B, k, k, k);
}

/** Quadratic form d' A^-1 d for symmetric positive-definite A. */
export function quadFormInv(A: Float64Array, k: number, d: Float64Array): number {
  const x = solveSpd(A, k, d);
  let s = 0;
  for (let i = 0; i < k; i++) s += d[i] * x[i];
  return s;
}

/**
 * Solves A x = b for a general square matrix by Gaussian elimination with partial pivoting
 * (for indefinite systems such as the Hausman difference V_fe - V_re). Throws when singular.
 */
export function solveGeneral(A: Float64Array, k: number, b: Float64Array): Float64Array {
  const M = Float64Array.from(A);
  const x = Float64Array.from(b);
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(M[r * k + c]) > Math.abs(M[piv * k + c])) piv = r;
    if (M[piv * k + c] === 0) throw new RangeError("matrix is singular");
    if (piv !== c) {
      for (let j = 0; j < k; j++) [M[c * k + j], M[piv * k + j]] = [M[piv * k + j], M[c * k + j]];
      [x[c], x[piv]] = [x[piv], x[c]];
    }
    for (let r = c + 1; r < k; r++) {
      const f = M[r * k + c] / M[c * k + c];
      if (f === 0) continue;
      for (let j = c; j < k; j++) M[r * k + j] -= f * M[c * k + j];
      x[r] -= f * x[c];
    }
  }
  for (let r = k - 1; r >= 0; r--) {
    let s = x[r];
    for (let j = r + 1; j < k; j++) s -= M[r * k + j] * x[j];
    x[r] = s / M[r * k + r];
  }
  return x;
}
