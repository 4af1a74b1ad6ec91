import { argsortAscending } from "./sort.ts";

/**
 * Infinitesimal-jackknife (robust) standard errors of the Kaplan-Meier curve and of the
 * Nelson-Aalen cumulative hazard, summing influence over clusters. This follows the
 * derivation in Therneau's survival package methods notes: at each event time every cluster
 * still at risk shifts the hazard through the denominator, and clusters with an event there
 * shift it through the numerator.
 */
export function survivalVarianceIJ(
  time_S: ArrayLike<number>,
  event_S: ArrayLike<number>,
  weight_S: ArrayLike<number> | undefined,
  cluster_S: Int32Array | undefined,
  times: number[],
): { seSurvival: number[]; seCumhaz: number[] } {
  const S = time_S.length;
  const w = (s: number) => (weight_S ? weight_S[s] : 1);
  const cl = (s: number) => (cluster_S ? cluster_S[s] : s);
  let C = 0;
  for (let s = 0; s < S; s++) C = Math.max(C, cl(s) + 1);
  const atRisk_C = new Float64Array(C);
  const infS_C = new Float64Array(C);
  const infH_C = new Float64Array(C);
  for (let s = 0; s < S; s++) atRisk_C[cl(s)] += w(s);
  const idx = argsortAscending(time_S);
  const seSurvival: number[] = [];
  const seCumhaz: number[] = [];
  let km = 1;
  let vS = 0;
  let vH = 0;
  let p = 0;
  let nRisk = 0;
  for (let s = 0; s < S; s++) nRisk += w(s);
  for (const t of times) {
    const start = p;
    let d = 0;
    let dn = 0;
    for (; p < S && time_S[idx[p]] === t; p++) {
      if (event_S[idx[p]]) {
        d += w(idx[p]);
        dn++;
      }
    }
    if (dn > 0 && d > 0) {
      const h = d / nRisk;
      for (let k = 0; k < C; k++) {
        infS_C[k] = infS_C[k] * (1 - h) + (atRisk_C[k] * km * h) / nRisk;
        infH_C[k] -= (atRisk_C[k] * h) / nRisk;
      }
      for (let q = start; q < p; q++) {
        const s = idx[q];
        if (event_S[s]) {
          infS_C[cl(s)] -= (km * w(s)) / nRisk;
          infH_C[cl(s)] += w(s) / nRisk;
        }
      }
      km *= 1 - h;
      vS = 0;
      vH = 0;
      for (let k = 0; k < C; k++) {
        vS += infS_C[k] * infS_C[k];
        vH += infH_C[k] * infH_C[k];
      }
    }
    for (let q = start; q < p; q++) {
      atRisk_C[cl(idx[q])] -= w(idx[q]);
      nRisk -= w(idx[q]);
    }
    seSurvival.push(Math.sqrt(vS));
    seCumhaz.push(Math.sqrt(vH));
  }
  return { seSurvival, seCumhaz };
}
