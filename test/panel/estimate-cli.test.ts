// `outward panel estimate`: option parsing (pure) and the real binary on a reference dataset.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { EstimateRawOptions } from "../../src/cli/commands/panel/estimate.ts";
import { pairModels, parseEstimateOptions } from "../../src/cli/commands/panel/estimate-options.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = `${ROOT}bin/outward.js`;
const GRUNFELD = `${ROOT}reference/panel/data/grunfeld.csv`;
const raw = (o: Partial<EstimateRawOptions>): EstimateRawOptions => ({
  formula: [],
  model: [],
  id: "firm",
  time: "year",
  level: "0.95",
  ...o,
});

describe("estimate options", () => {
  it("pairs formulas and models: one with many, many with one, pairs in order", () => {
    expect(pairModels(["a"], ["within", "random"])).toEqual([
      ["a", "within"],
      ["a", "random"],
    ]);
    expect(pairModels(["a", "b"], ["fd"])).toEqual([
      ["a", "fd"],
      ["b", "fd"],
    ]);
    expect(() => pairModels(["a", "b"], ["x", "y", "z"])).toThrow(/2 --formula and 3 --model/);
    expect(() => pairModels([], [])).toThrow(/--formula is required/);
  });
  it("defaults to cluster-robust SEs when --cluster is given, clustered by the named columns", () => {
    const [r] = parseEstimateOptions(raw({ formula: ["y ~ x"], cluster: "firm,year" }));
    expect(r.options.vcov).toBe("cluster");
    expect(r.options.cluster).toEqual(["firm", "year"]);
    const [s] = parseEstimateOptions(raw({ formula: ["y ~ x"], vcov: "cluster" }));
    expect(s.options.cluster).toEqual(["firm"]);
  });
  it("names the option and the allowed values on a bad value", () => {
    expect(() => parseEstimateOptions(raw({ formula: ["y ~ x"], model: ["fe"] }))).toThrow(
      /--model: got "fe", expected one of pooled, within/,
    );
    expect(() => parseEstimateOptions(raw({ formula: ["y ~ x"], ssc: "stata" }))).toThrow(/--ssc/);
    expect(() =>
      parseEstimateOptions(raw({ formula: ["y ~ x"], cluster: "firm", vcov: "iid" })),
    ).toThrow(/--cluster needs --vcov cluster/);
  });
});

describe("outward panel estimate (binary)", () => {
  const ref = JSON.parse(readFileSync(`${ROOT}reference/panel/reference_grunfeld.json`, "utf8"));
  it("prints JSON whose coefficients and clustered SEs match fixest", () => {
    const out = execFileSync(
      "node",
      [
        BIN,
        "panel",
        "estimate",
        GRUNFELD,
        "--formula",
        "inv ~ value + capital | firm",
        "--cluster",
        "firm",
        "--json",
      ],
      { encoding: "utf8" },
    );
    const doc = JSON.parse(out);
    expect(doc.version).toBe(1);
    const m = doc.models[0];
    const fx = ref.fixest.fe_individual;
    for (const nm of ["value", "capital"]) {
      expect(m.coefficients[nm].estimate / fx.coefficients[nm]).toBeCloseTo(1, 9);
      expect(m.coefficients[nm].se / fx.cluster_default_ssc.se[nm]).toBeCloseTo(1, 9);
    }
    expect(m.ledger.K).toBe(fx.cluster_default_ssc.dof_K);
    expect(m.ledger.dfT).toBe(9);
    expect(m.ledger.sscFormula).toBe("G/(G-1) * (n-1)/(n-K) = 10/9 * 199/197");
  });
  it("prints a side-by-side table and exits 2 naming an unknown column", () => {
    const ok = spawnSync(
      "node",
      [
        BIN,
        "panel",
        "estimate",
        GRUNFELD,
        "--formula",
        "inv ~ value + capital",
        "--model",
        "within",
        "--model",
        "random",
      ],
      { encoding: "utf8" },
    );
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/\(1\)\s+\(2\)/);
    expect(ok.stdout).toContain("variance components (swar)");
    const bad = spawnSync("node", [BIN, "panel", "estimate", GRUNFELD, "--formula", "inv ~ valu"], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("valu");
  });
  it("says which regressor the fixed effects absorbed instead of reporting a coefficient for it", () => {
    const r = spawnSync(
      "node",
      [BIN, "panel", "estimate", GRUNFELD, "--formula", "inv ~ firm + value | firm"],
      {
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("note: firm dropped: collinear with the fixed effects (firm)");
    expect(r.stdout).toMatch(/\nvalue\s+0\.\d+\*\*\*/);
  });
});
