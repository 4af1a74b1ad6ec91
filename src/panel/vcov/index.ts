/**
 * The vcov registry: (fit sufficient statistics, clusters, small-sample convention) -> matrix.
 * Changing the vcov never refits; each entry is looked up by name.
 */
import type { Result } from "../../framework/index.ts";
import { sandwich } from "../../stats/index.ts";
import { type Codes, isNested } from "../codes.ts";
import { codesOnFit, type PanelFit } from "../fit.ts";
import { intersect, meatCluster } from "./cluster.ts";
import { meatHetero } from "./hetero.ts";
import { vcovIid } from "./iid.ts";
import { clusterSsc, heteroSsc, type SscApplied, type SscName } from "./ssc.ts";

export const VCOV_TYPES = ["iid", "hetero", "cluster"] as const;
export type VcovType = (typeof VCOV_TYPES)[number];

export interface VcovRequest {
  /** Default "iid". */
  type?: VcovType;
  /** Cluster codings on the prepared rows (one or two). Default: the panel unit. */
  clusters?: readonly Codes[];
  /** Small-sample convention. Default "fixest". */
  ssc?: SscName;
}

export interface VcovResult {
  readonly V: Float64Array;
  readonly type: VcovType;
  readonly ssc: SscApplied | undefined;
  readonly clusterNames: readonly string[];
  /** Clusters per dimension; the smallest is used in G/(G-1) and the t df (fixest's "min" rule). */
  readonly G: readonly number[];
  /** fixest's K (parameters counted in the correction). */
  readonly K: number;
  /** Why K has this value. */
  readonly kNote: string;
}

/** fixest's K: absorbed effects nested in a cluster are not counted, but then the intercept is. */
function fixestK(fit: PanelFit, clusters: readonly Codes[]): { K: number; note: string } {
  const k = fit.lin.names.length;
  const nestedNames: string[] = [];
  let nestedLevels = 0;
  for (const fe of fit.absorbed) {
    if (clusters.some((c) => isNested(fe, c))) {
      nestedNames.push(fe.name);
      nestedLevels += fe.nLevels;
    }
  }
  if (fit.absorbed.length === 0) return { K: k, note: `K = ${k} coefficients` };
  if (nestedNames.length === 0) {
    return {
      K: k + fit.feDof,
      note: `K = ${k} slopes + ${fit.feDof} fixed-effect parameters = ${k + fit.feDof}`,
    };
  }
  const K = k + fit.feDof - nestedLevels + 1;
  return {
    K,
    note: `K = ${k} slopes + ${fit.feDof} fixed-effect parameters - ${nestedLevels} levels of ${nestedNames.join(", ")} (nested in the cluster) + 1 intercept = ${K}`,
  };
}

export function computeVcov(fit: PanelFit, req: VcovRequest = {}): Result<VcovResult> {
  const type = req.type ?? "iid";
  const sscName = req.ssc ?? "fixest";
  const lin = fit.lin;
  const n = lin.n;
  const k = lin.names.length;
  const kNames = lin.names.length;
  if (type === "iid") {
    const Kfull = k + fit.feDof;
    return {
      ok: true,
      value: {
        V: vcovIid(fit),
        type,
        ssc: undefined,
        clusterNames: [],
        G: [],
        K: Kfull,
        kNote: `sigma² = SSR/(n - ${Kfull}) with n - ${Kfull} = ${fit.dfResid}`,
      },
    };
  }
  // Logit bread is already the inverse information; least squares bread is (X'WX)^-1.
  if (type === "hetero") {
    const Kfull = k + fit.feDof;
    const ssc = heteroSsc(sscName, { n, k: kNames, K: Kfull, G: n, dfResid: fit.dfResid });
    const V = sandwich(lin.bread, meatHetero(lin), k);
    for (let i = 0; i < V.length; i++) V[i] *= ssc.factor;
    return {
      ok: true,
      value: { V, type, ssc, clusterNames: [], G: [], K: Kfull, kNote: `K = ${Kfull}` },
    };
  }
  const clusters = (req.clusters ?? [fit.prep.id]).map((c) => codesOnFit(fit, c));
  if (clusters.length === 0 || clusters.length > 2) {
    return {
      ok: false,
      issues: [
        {
          code: "invalid_cluster",
          message: `expected one or two cluster columns, got ${clusters.length}`,
        },
      ],
    };
  }
  const Gs = clusters.map((c) => c.nLevels);
  const G = Math.min(...Gs);
  if (G < 2) {
    return {
      ok: false,
      issues: [
        {
          code: "invalid_cluster",
          message: `cluster "${clusters[0].name}" has ${G} level; expected at least 2`,
        },
      ],
    };
  }
  let meat = meatCluster(lin, clusters[0]);
  if (clusters.length === 2) {
    const m2 = meatCluster(lin, clusters[1]);
    const m12 = meatCluster(lin, intersect(clusters[0], clusters[1]));
    meat = meat.map((v, i) => v + m2[i] - m12[i]);
  }
  const { K, note } = fixestK(fit, clusters);
  const ssc = clusterSsc(sscName, { n, k: kNames, K, G, dfResid: fit.dfResid });
  const V = sandwich(lin.bread, meat, k);
  for (let i = 0; i < V.length; i++) V[i] *= ssc.factor;
  return {
    ok: true,
    value: { V, type, ssc, clusterNames: clusters.map((c) => c.name), G: Gs, K, kNote: note },
  };
}

export type { SscApplied, SscName } from "./ssc.ts";
export { SSC_NAMES } from "./ssc.ts";
