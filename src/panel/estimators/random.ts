/**
 * Random effects (GLS) by quasi-demeaning: z*_it = z_it - theta_i zbar_i with
 * theta_i = 1 - sqrt(s2_nu / (s2_nu + T_i s2_eta)), so theta varies with a unit's number of
 * periods in unbalanced panels. Components from Swamy-Arora (default), Amemiya,
 * Wallace-Hussain or Nerlove (see random-components.ts).
 */
import type { Result } from "../../framework/index.ts";
import type { Codes } from "../codes.ts";
import type { PanelFit, RandomComponents, RandomMethod } from "../fit.ts";
import type { PreparedPanel } from "../prepare.ts";
import { r2Cor } from "../r2.ts";
import { olsKernel } from "./ols.ts";
import { collinearNotes, withIntercept } from "./pooled.ts";
import { varianceComponents } from "./random-components.ts";
import { withinKernel } from "./within.ts";

export interface RandomTransform {
  readonly yStar: Float64Array;
  readonly XStar: Float64Array[];
  readonly names: string[];
  readonly components: RandomComponents;
  readonly theta_N: Float64Array;
  readonly withinFit: PanelFit;
}

export function quasiDemean(v: Float64Array, unit: Codes, theta_G: Float64Array): Float64Array {
  const G = unit.nLevels;
  const s = new Float64Array(G);
  const c = new Float64Array(G);
  for (let i = 0; i < v.length; i++) {
    s[unit.codes[i]] += v[i];
    c[unit.codes[i]]++;
  }
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const g = unit.codes[i];
    out[i] = v[i] - (theta_G[g] * s[g]) / c[g];
  }
  return out;
}

export function randomTransform(
  prep: PreparedPanel,
  method: RandomMethod,
  unit: Codes,
): Result<RandomTransform> {
  const wf = withinKernel(prep, [unit]);
  if (!wf.ok) return wf;
  const { X, names } = withIntercept(prep);
  const vc = varianceComponents(method, {
    unit,
    y: prep.y,
    Z: X,
    within: wf.value.lin,
    zNames: names,
    weights: prep.weights,
  });
  if (!vc.ok) return vc;
  const { s2nu, s2eta } = vc.value;
  const T = new Float64Array(unit.nLevels);
  for (let i = 0; i < prep.n; i++) T[unit.codes[i]]++;
  const theta_G = T.map((t) => 1 - Math.sqrt(s2nu / (s2nu + t * s2eta)));
  const thetaByT: Record<string, number> = {};
  let tsum = 0;
  for (let i = 0; i < prep.n; i++) tsum += theta_G[unit.codes[i]];
  for (let g = 0; g < T.length; g++) thetaByT[String(T[g])] = theta_G[g];
  const sortedByT = Object.fromEntries(
    Object.entries(thetaByT).sort((a, b) => Number(a[0]) - Number(b[0])),
  );
  const theta_N = new Float64Array(prep.n);
  for (let i = 0; i < prep.n; i++) theta_N[i] = theta_G[unit.codes[i]];
  return {
    ok: true,
    value: {
      yStar: quasiDemean(prep.y, unit, theta_G),
      XStar: X.map((x) => quasiDemean(x, unit, theta_G)),
      names,
      theta_N,
      withinFit: wf.value,
      components: {
        method,
        sigma2Idios: s2nu,
        sigma2Id: s2eta,
        thetaByT: sortedByT,
        thetaMin: Math.min(...theta_G),
        thetaMax: Math.max(...theta_G),
        thetaMean: tsum / prep.n,
      },
    },
  };
}

export function randomKernel(
  prep: PreparedPanel,
  method: RandomMethod = "swar",
  unit: Codes = prep.id,
): Result<PanelFit> {
  const tr = randomTransform(prep, method, unit);
  if (!tr.ok) return tr;
  const { yStar, XStar, names, components } = tr.value;
  const lin = olsKernel(XStar, names, yStar, prep.weights);
  const n = lin.n;
  const k = lin.names.length;
  const dfResid = n - k;
  // plm: the plain correlation of the quasi-demeaned response with X* b, weighted fit or not.
  const r2 = r2Cor(yStar, lin.resid, undefined);
  return {
    ok: true,
    value: {
      model: "random",
      label: `random effects (${method})`,
      lin,
      family: "gaussian",
      prep,
      rowMap: undefined,
      absorbed: [],
      feDof: 0,
      dfResid,
      sigma2: lin.ssr / dfResid,
      r2: { r2, adjR2: 1 - ((1 - r2) * (n - 1)) / dfResid },
      random: components,
      notes: collinearNotes(lin.dropped, "collinear after quasi-demeaning"),
      rowsLostToTransform: 0,
    },
  };
}
