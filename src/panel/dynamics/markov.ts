/**
 * Summaries of an estimated Markov chain (row-stochastic P): the n-step matrix and the
 * stationary distribution, which tell how persistent exporting is in the long run.
 */
export function matrixPower(P: number[][], steps: number): number[][] {
  const K = P.length;
  let out: number[][] = P.map((_, i) => P.map((__, j) => (i === j ? 1 : 0)));
  for (let s = 0; s < steps; s++) {
    const prev = out;
    out = prev.map((row) => {
      const next = new Array<number>(K).fill(0);
      for (let k = 0; k < K; k++) for (let j = 0; j < K; j++) next[j] += row[k] * P[k][j];
      return next;
    });
  }
  return out;
}
/**
 * Stationary distribution pi with pi P = pi and sum(pi) = 1, solving (P' - I) pi = 0 with the
 * last equation replaced by the sum constraint (Gaussian elimination with partial pivoting).
 * Returns NaNs when the chain has no unique stationary distribution.
 */
export function stationaryDistribution(P: number[][]): number[] {
  const K = P.length;
  const A = Array.from({ length: K }, (_, i) =>
    Array.from({ length: K + 1 }, (_, j) => (j === K ? 0 : P[j][i] - (i === j ? 1 : 0))),
  );
  A[K - 1] = Array.from({ length: K + 1 }, () => 1);
  for (let c = 0; c < K; c++) {
    let piv = c;
    for (let r = c + 1; r < K; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    if (Math.abs(A[piv][c]) < 1e-12) return new Array(K).fill(Number.NaN);
    [A[c], A[piv]] = [A[piv], A[c]];
    for (let r = 0; r < K; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let j = c; j <= K; j++) A[r][j] -= f * A[c][j];
    }
  }
  return A.map((row, i) => row[K] / row[i]);
}
