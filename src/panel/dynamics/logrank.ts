import { pChisqUpper } from "../../stats/index.ts";
import { argsortAscending } from "./sort.ts";

export interface LogRankOptions {
  /**
   * Fleming-Harrington G-rho weight S(t-)^rho on each event time, with S the pooled
   * Kaplan-Meier curve: 0 is the log-rank test, 1 the Peto-Peto test. Default 0 (as survdiff).
   */
  rho?: number;
}

export interface LogRankTest {
  groups: string[];
  observed: number[];
  expected: number[];
  /** Weighted number of spells per group. */
  n: number[];
  chisq: number;
  df: number;
  p_value: number;
  rho: number;
}

/**
 * K-sample log-rank test (Mantel, 1966; Peto and Peto, 1972) with the hypergeometric variance,
 * as R's survdiff. Weights are read as case weights (integer weights equal duplicated spells).
 * Groups with no spell are left out; the statistic uses the first G - 1 groups.
 */
export function logRank(
  time_S: ArrayLike<number>,
  event_S: ArrayLike<number>,
  group_S: Int32Array,
  labels: string[],
  weight_S?: ArrayLike<number>,
  options: LogRankOptions = {},
): LogRankTest {
  const rho = options.rho ?? 0;
  const w = (s: number) => (weight_S ? weight_S[s] : 1);
  const G0 = labels.length;
  const size_G = new Float64Array(G0);
  for (let s = 0; s < time_S.length; s++) if (group_S[s] >= 0) size_G[group_S[s]] += w(s);
  // descending time order, rows without a group left out
  const idx = Array.from(argsortAscending(time_S))
    .reverse()
    .filter((s) => group_S[s] >= 0);
  const present = labels.map((_, g) => g).filter((g) => size_G[g] > 0);
  const G = present.length;
  const slot = new Int32Array(G0).fill(-1);
  present.forEach((g, j) => {
    slot[g] = j;
  });
  // walk times from the largest down, so that the risk set only grows
  const risk_G = new Float64Array(G);
  const O = new Float64Array(G);
  const E = new Float64Array(G);
  const V = new Float64Array(G * G);
  const times: { n_G: Float64Array; d_G: Float64Array }[] = [];
  for (let p = 0; p < idx.length; ) {
    const t = time_S[idx[p]];
    const d_G = new Float64Array(G);
    for (; p < idx.length && time_S[idx[p]] === t; p++) {
      const s = idx[p];
      const j = slot[group_S[s]];
      risk_G[j] += w(s);
      if (event_S[s]) d_G[j] += w(s);
    }
    times.push({ n_G: risk_G.slice(), d_G });
  }
  times.reverse();
  let km = 1;
  for (const { n_G, d_G } of times) {
    let n = 0;
    let d = 0;
    for (let j = 0; j < G; j++) {
      n += n_G[j];
      d += d_G[j];
    }
    if (d <= 0) continue;
    const wt = rho === 0 ? 1 : km ** rho;
    for (let j = 0; j < G; j++) {
      O[j] += wt * d_G[j];
      E[j] += (wt * d * n_G[j]) / n;
      if (n > 1) {
        const f = (wt * wt * d * (n - d)) / (n * (n - 1));
        for (let l = 0; l < G; l++) V[j * G + l] += (f * n_G[j] * ((j === l ? n : 0) - n_G[l])) / n;
      }
    }
    km *= (n - d) / n;
  }
  const df = G - 1;
  const diff = Array.from({ length: df }, (_, j) => O[j] - E[j]);
  const Vr = Array.from({ length: df }, (_, j) =>
    Array.from({ length: df }, (_, l) => V[j * G + l]),
  );
  const chisq = df > 0 ? quadraticFormInverse(Vr, diff) : 0;
  return {
    groups: present.map((g) => labels[g]),
    observed: Array.from(O),
    expected: Array.from(E),
    n: present.map((g) => size_G[g]),
    chisq,
    df,
    p_value: df > 0 ? pChisqUpper(chisq, df) : Number.NaN,
    rho,
  };
}

/** x' A^-1 x by Gaussian elimination with partial pivoting (A is small and symmetric). */
function quadraticFormInverse(A: number[][], x: number[]): number {
  const K = x.length;
  const M = A.map((row, i) => [...row, x[i]]);
  for (let c = 0; c < K; c++) {
    let piv = c;
    for (let r = c + 1; r < K; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    if (Math.abs(M[piv][c]) < 1e-12) return Number.NaN;
    [M[c], M[piv]] = [M[piv], M[c]];
    for (let r = c + 1; r < K; r++) {
      const f = M[r][c] / M[c][c];
      for (let j = c; j <= K; j++) M[r][j] -= f * M[c][j];
    }
  }
  const sol = new Array<number>(K).fill(0);
  for (let r = K - 1; r >= 0; r--) {
    let acc = M[r][K];
    for (let j = r + 1; j < K; j++) acc -= M[r][j] * sol[j];
    sol[r] = acc / M[r][r];
  }
  return sol.reduce((s, v, i) => s + v * x[i], 0);
}
