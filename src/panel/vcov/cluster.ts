/**
 * Cluster-robust meat (Liang & Zeger 1986; Arellano 1987 for within models):
 * sum_g s_g s_g' with s_g = sum_{i in g} x_i e_i. Two-way clustering follows Cameron, Gelbach &
 * Miller (2011): M_1 + M_2 - M_12, with M_12 clustered on the intersection.
 */
import type { Codes } from "../codes.ts";
import type { LinearFit, UnitScores } from "../estimators/ols.ts";

/**
 * Cluster of each unit when every unit lies inside one cluster (the identity when the codings
 * are the same array), else undefined.
 */
function unitOwner(unit: UnitScores, cl: Codes): Int32Array | undefined {
  const owner = new Int32Array(unit.nLevels).fill(-1);
  const u = unit.codes;
  const c = cl.codes;
  for (let i = 0; i < u.length; i++) {
    const g = u[i];
    if (owner[g] === -1) owner[g] = c[i];
    else if (owner[g] !== c[i]) return undefined;
  }
  return owner;
}

/** Meat from per-unit score sums, aggregated to clusters by `owner` (identity when undefined). */
function meatFromUnits(
  S: Float64Array,
  k: number,
  G: number,
  owner: Int32Array | undefined,
  nClusters: number,
): Float64Array {
  let S_CK = S;
  if (owner) {
    S_CK = new Float64Array(nClusters * k);
    for (let g = 0; g < G; g++) for (let a = 0; a < k; a++) S_CK[owner[g] * k + a] += S[g * k + a];
  }
  return outerSums(S_CK, owner ? nClusters : G, k);
}

/** sum over groups g of s_g s_g' (rows of S_GK). */
function outerSums(S_GK: Float64Array, G: number, k: number): Float64Array {
  const M = new Float64Array(k * k);
  for (let g = 0; g < G; g++)
    for (let a = 0; a < k; a++) {
      const sa = S_GK[g * k + a];
      if (sa === 0) continue;
      for (let b = 0; b < k; b++) M[a * k + b] += sa * S_GK[g * k + b];
    }
  return M;
}

export function meatCluster(lin: LinearFit, cl: Codes): Float64Array {
  const unit = lin.unitScores;
  if (unit && unit.codes.length === cl.codes.length) {
    const same = unit.codes === cl.codes;
    const owner = same ? undefined : unitOwner(unit, cl);
    if (same || owner)
      return meatFromUnits(unit.S, lin.names.length, unit.nLevels, owner, cl.nLevels);
  }
  const k = lin.X.length;
  const G = cl.nLevels;
  const S_GK = new Float64Array(G * k);
  const e = lin.scoreMult;
  const c = cl.codes;
  const X = lin.X;
  const n = e.length;
  // readable: for each a, for each row i: S[c_i, a] += x_ia e_i.
  // Done run by run (rows of one cluster are usually contiguous), so all k scores of a cluster
  // are summed in cache with one scan of the codes.
  let i = 0;
  while (i < n) {
    const g = c[i];
    let j = i + 1;
    while (j < n && c[j] === g) j++;
    for (let a = 0; a < k; a++) {
      const x = X[a];
      let q = 0;
      for (let r = i; r < j; r++) q += x[r] * e[r];
      S_GK[g * k + a] += q;
    }
    i = j;
  }
  return outerSums(S_GK, G, k);
}

/** Intersection coding of two clusterings (e.g. firm x year). */
export function intersect(a: Codes, b: Codes): Codes {
  const map = new Map<number, number>();
  const codes = new Int32Array(a.codes.length);
  for (let i = 0; i < codes.length; i++) {
    const key = a.codes[i] * b.nLevels + b.codes[i];
    let v = map.get(key);
    if (v === undefined) {
      v = map.size;
      map.set(key, v);
    }
    codes[i] = v;
  }
  return { name: `${a.name}^${b.name}`, codes, nLevels: map.size };
}
