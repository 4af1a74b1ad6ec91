// Agreement with R (plm 2.6-2, fixest 0.12.1) on Grunfeld, Produc and the unbalanced EmplUK:
// every model and SE flavour stored in reference/panel/reference_*.json, to 1e-6 relative.
import { describe, expect, it } from "vitest";
import type { Frame } from "../../../src/io/index.ts";
import {
  computeVcov,
  type EstimateOptions,
  estimate,
  hausmanAux,
  hausmanClassic,
  type PanelFit,
  parseFormula,
  preparePanel,
  type SscName,
  summarize,
  type VcovType,
} from "../../../src/panel/index.ts";
import { loadCsv, loadRef, REF_DIR, withLogs } from "../helpers/load.ts";

type Dict = Record<string, number>;
// biome-ignore lint/suspicious/noExplicitAny: the reference JSON is untyped.
type Json = any;

const REL = 1e-6;
function close(actual: number, expected: number, what: string): void {
  const tol = REL * Math.abs(expected) + 1e-290;
  if (!(Math.abs(actual - expected) <= tol)) {
    throw new Error(
      `${what}: got ${actual}, expected ${expected} (rel diff ${Math.abs(actual / expected - 1)})`,
    );
  }
}

interface Dataset {
  file: string;
  ref: string;
  formula: string;
  id: string;
  logs: Record<string, string>;
  dl?: { formula: string; plmName: (name: string) => string };
}

const DATASETS: Dataset[] = [
  {
    file: "grunfeld.csv",
    ref: "reference_grunfeld.json",
    formula: "inv ~ value + capital",
    id: "firm",
    logs: {},
    dl: { formula: "inv ~ l(value, 0:2) + capital", plmName: lagName("value", "0:2") },
  },
  {
    file: "produc.csv",
    ref: "reference_produc.json",
    formula: "lgsp ~ lpcap + lpc + lemp + unemp",
    id: "state",
    logs: { lgsp: "gsp", lpcap: "pcap", lpc: "pc", lemp: "emp" },
  },
  {
    file: "empluk.csv",
    ref: "reference_emplUK.json",
    formula: "lemp ~ lwage + lcapital + loutput",
    id: "firm",
    logs: { lemp: "emp", lwage: "wage", lcapital: "capital", loutput: "output" },
    dl: { formula: "lemp ~ l(lwage, 0:1) + lcapital + loutput", plmName: lagName("lwage", "0:1") },
  },
];

/** Maps our (fixest-style) names to plm's `lag(x, 0:2)k` names. */
function lagName(col: string, range: string): (name: string) => string {
  return (name) => {
    if (name === col) return `lag(${col}, ${range})0`;
    const m = /^l\((.*), (\d+)\)$/.exec(name);
    return m && m[1] === col ? `lag(${col}, ${range})${m[2]}` : name;
  };
}

function run(frame: Frame, formula: string, o: EstimateOptions): PanelFit {
  const r = estimate(frame, formula, o);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.fit;
}

function checkTable(
  fit: PanelFit,
  type: VcovType,
  ssc: SscName,
  ref: { se: Dict; t: Dict; p: Dict; df_for_p: number | string },
  what: string,
  rename: (n: string) => string = (n) => n,
  dfOverride?: number,
): void {
  const vc = computeVcov(fit, { type, ssc });
  if (!vc.ok) throw new Error(JSON.stringify(vc.issues));
  const s = summarize(fit, vc.value);
  const df = s.ledger.dfT;
  if (dfOverride === undefined) expect(df, `${what} df`).toBe(ref.df_for_p);
  const refNames = Object.keys(ref.se);
  expect(Object.keys(s.coefficients).map(rename).sort(), `${what} names`).toEqual(
    [...refNames].sort(),
  );
  for (const [name, row] of Object.entries(s.coefficients)) {
    const rn = rename(name);
    close(row.se, ref.se[rn], `${what} se ${name}`);
    close(row.t, ref.t[rn], `${what} t ${name}`);
    if (dfOverride === undefined) close(row.p, ref.p[rn], `${what} p ${name}`);
  }
}

function checkCoefs(
  fit: PanelFit,
  ref: Dict,
  what: string,
  rename: (n: string) => string = (n) => n,
): void {
  fit.lin.names.forEach((name, a) => {
    close(fit.lin.beta[a], ref[rename(name)], `${what} coef ${name}`);
  });
  expect(fit.lin.names.length).toBe(Object.keys(ref).length);
}

const FRAMES = await Promise.all(
  DATASETS.map(async (ds) => withLogs(await loadCsv(`${REF_DIR}data/${ds.file}`), ds.logs)),
);

for (const [dsIndex, ds] of DATASETS.entries()) {
  describe(`reference ${ds.ref}`, () => {
    const frame = FRAMES[dsIndex];
    const R: Json = loadRef(ds.ref);
    const base = { id: ds.id, time: "year" };

    const plmModels: [string, EstimateOptions][] = [
      ["pooling", { ...base, model: "pooled" }],
      ["within_individual", { ...base, model: "within", effect: "individual" }],
      ["within_twoways", { ...base, model: "twoways" }],
      ["within_time", { ...base, model: "within", effect: "time" }],
      ["random_swar", { ...base, model: "random" }],
      ["fd_with_intercept", { ...base, model: "fd" }],
      ["fd_no_intercept", { ...base, model: "fd0" }],
      ["between", { ...base, model: "between" }],
    ];
    for (const [key, opts] of plmModels) {
      it(`plm ${key}: coefficients, conventional and cluster SEs, R², SSR`, () => {
        const ref = R.plm[key];
        const fit = run(frame, ds.formula, opts);
        checkCoefs(fit, ref.coefficients, key);
        expect(fit.lin.n).toBe(ref.nobs);
        expect(fit.dfResid).toBe(ref.df_residual);
        close(fit.lin.ssr, ref.ssr, `${key} ssr`);
        close(fit.sigma2, ref.sigma2_resid, `${key} sigma2`);
        close(fit.r2.r2, ref.r_squared, `${key} r2`);
        close(fit.r2.adjR2, ref.adj_r_squared, `${key} adj r2`);
        checkTable(fit, "iid", "fixest", ref.conventional, `${key} conventional`);
        if (ref.cluster_group_HC0) {
          checkTable(fit, "cluster", "plm-hc0", ref.cluster_group_HC0, `${key} HC0`);
          checkTable(fit, "cluster", "plm-sss", ref.cluster_group_sss, `${key} sss`);
          // plm's HC1 on first differences divides by the levels' n (README pitfall): skip there.
          if (!key.startsWith("fd"))
            checkTable(fit, "cluster", "plm-hc1", ref.cluster_group_HC1, `${key} HC1`);
        }
      });
    }

    it("plm random effects: variance components and theta for all four methods", () => {
      for (const method of ["swar", "amemiya", "walhus", "nerlove"] as const) {
        const ref = R.plm[`random_${method}`];
        const fit = run(frame, ds.formula, { ...base, model: "random", randomMethod: method });
        checkCoefs(fit, ref.coefficients, method);
        const comp = fit.random!;
        close(comp.sigma2Idios, ref.ercomp.sigma2.idios, `${method} sigma2 idios`);
        close(comp.sigma2Id, ref.ercomp.sigma2.id, `${method} sigma2 id`);
        const theta = ref.ercomp.theta;
        if (typeof theta === "number") close(comp.thetaMean, theta, `${method} theta`);
        else {
          for (const [T, v] of Object.entries(theta.by_Ti as Dict))
            close(comp.thetaByT[T], v, `${method} theta T=${T}`);
          close(comp.thetaMean, theta.mean, `${method} theta mean`);
        }
        if (ref.se) {
          const vc = computeVcov(fit, { type: "iid" });
          if (!vc.ok) throw new Error("vcov");
          const s = summarize(fit, vc.value);
          for (const [nm, row] of Object.entries(s.coefficients))
            close(row.se, ref.se[nm], `${method} se ${nm}`);
        }
      }
    });

    it("Hausman: classic and auxiliary regression (conventional and cluster-robust)", () => {
      const fe = run(frame, ds.formula, { ...base, model: "within" });
      const re = run(frame, ds.formula, { ...base, model: "random" });
      const h = hausmanClassic(fe, re);
      if (!h.ok) throw new Error("hausman");
      close(h.value.statistic, R.hausman.chisq.statistic, "hausman chisq");
      expect(h.value.df).toBe(R.hausman.chisq.df);
      close(h.value.pValue, R.hausman.chisq.p_value, "hausman p");
      const spec = parseFormula(ds.formula);
      if (!spec.ok) throw new Error("formula");
      const prep = preparePanel(frame, spec.value, base);
      if (!prep.ok) throw new Error("prepare");
      for (const [robust, key] of [
        [false, "aux_regression"],
        [true, "aux_regression_cluster_HC0"],
      ] as const) {
        const a = hausmanAux(prep.value, robust);
        if (!a.ok) throw new Error("aux");
        close(a.value.statistic, R.hausman[key].statistic, `${key} statistic`);
        close(a.value.pValue, R.hausman[key].p_value, `${key} p`);
      }
    });

    const fx: [string, string, string][] = [
      ["pooled_ols", ds.formula, "pooled"],
      ["fe_individual", `${ds.formula} | ${ds.id}`, "within"],
      ["fe_twoways", `${ds.formula} | ${ds.id} + year`, "within"],
    ];
    if (ds.dl) fx.push(["fe_individual_distributed_lag", `${ds.dl.formula} | ${ds.id}`, "within"]);
    for (const [key, formula] of fx) {
      it(`fixest ${key}: iid, clustered (default, none, no-adjustment), hetero, R²`, () => {
        const ref = R.fixest[key];
        const fit = run(frame, formula, base);
        checkCoefs(fit, ref.coefficients, key);
        expect(fit.lin.n).toBe(ref.nobs);
        checkTable(fit, "iid", "fixest", ref.iid, `${key} iid`);
        checkTable(fit, "cluster", "fixest", ref.cluster_default_ssc, `${key} cluster`);
        checkTable(
          fit,
          "cluster",
          "plm-sss",
          ref.cluster_fixefK_none,
          `${key} fixef.K none`,
          undefined,
          1,
        );
        checkTable(fit, "cluster", "plm-hc0", ref.cluster_no_adj, `${key} no adj`, undefined, 1);
        checkTable(fit, "hetero", "fixest", ref.hetero_default_ssc, `${key} hetero`);
        const vc = computeVcov(fit, { type: "cluster", ssc: "fixest" });
        if (!vc.ok) throw new Error("vcov");
        expect(vc.value.K).toBe(ref.cluster_default_ssc.dof_K);
        expect(fit.lin.names.length + fit.feDof).toBe(ref.iid.dof_K);
        close(fit.lin.ssr, ref.ssr, `${key} ssr`);
        if (fit.r2.r2Overall !== undefined) {
          close(fit.r2.r2Overall, ref.r2, `${key} r2`);
          close(fit.r2.adjR2Overall!, ref.ar2, `${key} ar2`);
          close(fit.r2.r2, ref.within_r2, `${key} within r2`);
          close(fit.r2.adjR2WithinFixest!, ref.within_adj_r2, `${key} within adj r2`);
        } else {
          close(fit.r2.r2, ref.r2, `${key} r2`);
          close(fit.r2.adjR2, ref.ar2, `${key} ar2`);
        }
      });
    }

    if (ds.dl) {
      const dl = ds.dl;
      it("plm distributed lag (lags by time index) matches lag(x, 0:k)", () => {
        const ref = R.plm.within_individual_distributed_lag;
        const fit = run(frame, dl.formula, { ...base, model: "within" });
        checkCoefs(fit, ref.coefficients, "dl", dl.plmName);
        expect(fit.lin.n).toBe(ref.nobs);
        expect(fit.dfResid).toBe(ref.df_residual);
        checkTable(fit, "iid", "fixest", ref.conventional, "dl conventional", dl.plmName);
        checkTable(fit, "cluster", "plm-hc0", ref.cluster_group_HC0, "dl HC0", dl.plmName);
        checkTable(fit, "cluster", "plm-sss", ref.cluster_group_sss, "dl sss", dl.plmName);
        const prepLedger = fit.prep.ledger;
        expect(prepLedger.droppedMissing).toBe(prepLedger.nInput - ref.nobs);
      });
    }
  });
}
