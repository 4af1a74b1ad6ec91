// Weighted estimators and the binary-outcome models against reference/panel/weighted/
// (R: plm with weights, lm with dummies + sandwich::vcovCL, glm binomial).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Column, numeric } from "../../../src/io/index.ts";
import {
  computeVcov,
  type EstimateOptions,
  estimate,
  type PanelFit,
  type SscName,
  summarize,
  type VcovType,
} from "../../../src/panel/index.ts";
import { loadCsv, REF_DIR, withLogs } from "../helpers/load.ts";
import { WEIGHTED_SETS, withFirmWeights } from "../helpers/weighted.ts";

// biome-ignore lint/suspicious/noExplicitAny: the reference JSON is untyped.
const W: any = JSON.parse(readFileSync(`${REF_DIR}weighted/reference_weighted.json`, "utf8"));
type Dict = Record<string, number>;

function close(a: number, e: number, what: string): void {
  // p-values far in the tail amplify last-digit differences of t (dp/p ~ t² dt/t): compare logs.
  const ok =
    e > 0 && e < 1e-100
      ? Math.abs(Math.log(a) - Math.log(e)) <= 1e-6 * Math.abs(Math.log(e))
      : Math.abs(a - e) <= 1e-6 * Math.abs(e) + 1e-290;
  if (!ok) throw new Error(`${what}: got ${a}, expected ${e}`);
}

const RAW = Object.fromEntries(
  await Promise.all(
    ["grunfeld.csv", "empluk.csv", "export_panel.csv"].map(
      async (f) => [f, await loadCsv(`${REF_DIR}data/${f}`)] as const,
    ),
  ),
);

function withWeights(file: string, logs: Record<string, string>) {
  const f = withLogs(RAW[file], logs);
  const extra: Record<string, Column> = {};
  if (f.columns.has("size")) {
    const s = f.columns.get("size");
    if (s?.kind !== "categorical") throw new Error("size");
    const med = s.levels.indexOf("medium");
    extra.medium = numeric(Float64Array.from(s.codes, (c) => (c === med ? 1 : 0)));
  }
  return withFirmWeights(f, extra);
}

function fitOf(
  frame: ReturnType<typeof withWeights>,
  formula: string,
  o: EstimateOptions,
): PanelFit {
  const r = estimate(frame, formula, o);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.fit;
}

function checkSE(
  fit: PanelFit,
  type: VcovType,
  ssc: SscName,
  ref: { se: Dict },
  what: string,
): void {
  const vc = computeVcov(fit, { type, ssc });
  if (!vc.ok) throw new Error("vcov");
  const s = summarize(fit, vc.value);
  for (const [nm, row] of Object.entries(s.coefficients))
    close(row.se, ref.se[nm], `${what} se ${nm}`);
}

for (const ds of WEIGHTED_SETS) {
  describe(`weighted ${ds.key}`, () => {
    const frame = withWeights(ds.file, ds.logs);
    const R = W[ds.key];
    const base = { id: "firm", time: "year", weights: "w" };
    it("pooled and one-way within match plm with weights (coefficients, conventional SEs)", () => {
      for (const [model, key] of [
        ["pooled", "pooling"],
        ["within", "within_individual"],
      ] as const) {
        const fit = fitOf(frame, ds.formula, { ...base, model });
        const ref = R[key];
        fit.lin.names.forEach((nm, a) => {
          close(fit.lin.beta[a], ref.coefficients[nm], `${key} ${nm}`);
        });
        expect(fit.dfResid).toBe(ref.df_residual);
        checkSE(fit, "iid", "fixest", ref.conventional, key);
      }
    });
    it("weighted within and pooled cluster/hetero SEs match lm + sandwich (CR0, HC0)", () => {
      const pooled = fitOf(frame, ds.formula, { ...base, model: "pooled" });
      checkSE(pooled, "cluster", "plm-hc0", R.lm_pooled.cluster_CR0, "pooled CR0");
      checkSE(pooled, "hetero", "plm-hc0", R.lm_pooled.hetero_HC0, "pooled HC0");
      const fe = fitOf(frame, ds.formula, { ...base, model: "within" });
      checkSE(fe, "cluster", "plm-hc0", R.lm_dummies.cluster_CR0, "within CR0");
      checkSE(fe, "hetero", "plm-hc0", R.lm_dummies.hetero_HC0, "within HC0");
    });
    it("weighted two-way within equals weighted least squares with unit and year dummies", () => {
      const fit = fitOf(frame, ds.formula, { ...base, model: "twoways" });
      const ref = R.lm_dummies_twoways;
      fit.lin.names.forEach((nm, a) => {
        close(fit.lin.beta[a], ref.coefficients[nm], `twoways ${nm}`);
      });
      expect(fit.dfResid).toBe(ref.df_residual);
      checkSE(fit, "iid", "fixest", ref.conventional, "twoways iid");
      checkSE(fit, "cluster", "plm-hc0", ref.cluster_CR0, "twoways CR0");
    });
  });
}

describe("export persistence (Roberts & Tybout 1997): logit and LPM on lagged export status", () => {
  const frame = withWeights("export_panel.csv", {});
  const E = W.export_panel;
  const formula = "exporter ~ l(exporter, 1) + medium";
  const rename = (n: string) => (n === "l(exporter, 1)" ? "lag_exporter" : n);
  for (const [key, weights] of [
    ["logit", undefined],
    ["logit_weighted", "w"],
  ] as const) {
    it(`${key} matches glm(binomial): coefficients, deviance, model-based and CR0 SEs`, () => {
      const r = estimate(frame, formula, { id: "firm", time: "year", model: "logit", weights });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      const fit = r.value.fit;
      const ref = E[key];
      expect(fit.lin.n).toBe(ref.nobs);
      expect(fit.prep.ledger.missingBy["l(exporter, 1)"]).toBe(E.rows_dropped_no_lag);
      fit.lin.names.forEach((nm, a) => {
        close(fit.lin.beta[a], ref.coefficients[rename(nm)], `${key} ${nm}`);
      });
      close(fit.lin.ssr, ref.deviance, "deviance");
      for (const [type, ssc, refKey] of [
        ["iid", "fixest", "conventional"],
        ["cluster", "plm-hc0", "cluster_CR0"],
        ["hetero", "plm-hc0", "hetero_HC0"],
      ] as const) {
        const vc = computeVcov(fit, { type, ssc });
        if (!vc.ok) throw new Error("vcov");
        const s = summarize(fit, vc.value);
        for (const [nm, row] of Object.entries(s.coefficients)) {
          close(row.se, ref[refKey].se[rename(nm)], `${key} ${refKey} se ${nm}`);
          close(row.p, ref[refKey].p[rename(nm)], `${key} ${refKey} p ${nm}`);
        }
      }
    });
  }
  it("linear probability model with cluster-robust SEs matches lm + vcovCL", () => {
    const r = estimate(frame, formula, {
      id: "firm",
      time: "year",
      model: "lpm",
      vcov: "cluster",
      ssc: "plm-hc0",
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const s = r.value.summary;
    for (const [nm, row] of Object.entries(s.coefficients)) {
      close(row.estimate, E.lpm.coefficients[rename(nm)], `lpm ${nm}`);
      close(row.se, E.lpm.cluster_CR0.se[rename(nm)], `lpm se ${nm}`);
    }
  });
  it("i(size) expands into level indicators (reference level first in sort order)", () => {
    const r = estimate(frame, "exporter ~ l(exporter, 1) + i(size)", {
      id: "firm",
      time: "year",
      model: "logit",
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const c = r.value.summary.coefficients;
    const ref = E.logit.coefficients;
    // medium is the reference here, so the small indicator is minus R's medium coefficient.
    expect(Object.keys(c)).toEqual(["(Intercept)", "l(exporter, 1)", "size::small"]);
    close(c["size::small"].estimate, -ref.medium, "size::small");
    close(c["(Intercept)"].estimate, ref["(Intercept)"] + ref.medium, "intercept");
    close(c["l(exporter, 1)"].estimate, ref.lag_exporter, "lag");
  });
  it("rejects a non-binary logit response, naming the row and value", () => {
    const r = estimate(frame, "export_intensity ~ medium", {
      id: "firm",
      time: "year",
      model: "logit",
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].code).toBe("not_binary");
      expect(r.issues[0].message).toMatch(/export_intensity is .*; expected 0 or 1/);
    }
  });
});
