// Fast paths against slow obvious ones, and the failure modes the estimators must report.
import { describe, expect, it } from "vitest";
import { type Column, frameFromColumns, numeric } from "../../../src/io/index.ts";
import {
  computeVcov,
  estimate,
  parseFormula,
  preparePanel,
  withinKernel,
} from "../../../src/panel/index.ts";
import { choleskyDrop, cholSolve, crossprod } from "../../../src/stats/index.ts";

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Unbalanced random panel: firms with ragged years, effects correlated with x. */
function randomPanel(seed: number, firms: number, years: number, keepShare = 0.75) {
  const rnd = lcg(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const f: number[] = [];
  const t: number[] = [];
  const x1: number[] = [];
  const x2: number[] = [];
  const y: number[] = [];
  const w: number[] = [];
  const alpha = Array.from({ length: firms }, gauss);
  const gam = Array.from({ length: years }, gauss);
  for (let i = 0; i < firms; i++)
    for (let s = 0; s < years; s++) {
      if (rnd() > keepShare && s > 1) continue;
      const a = 0.5 * alpha[i] + gauss();
      const b = 0.3 * gam[s] + gauss();
      f.push(i + 1);
      t.push(2000 + s);
      x1.push(a);
      x2.push(b);
      y.push(a - 0.5 * b + alpha[i] + gam[s] + gauss());
      w.push(0.5 + rnd());
    }
  return frameFromColumns({
    firm: numeric(Float64Array.from(f)),
    year: numeric(Float64Array.from(t)),
    x1: numeric(Float64Array.from(x1)),
    x2: numeric(Float64Array.from(x2)),
    y: numeric(Float64Array.from(y)),
    w: numeric(Float64Array.from(w)),
  });
}

/** Dense least squares with explicit dummy columns (the slow, obvious estimator). */
function dummyFit(frame: ReturnType<typeof randomPanel>, twoway: boolean, weighted: boolean) {
  const get = (n: string) => (frame.columns.get(n) as { values: Float64Array }).values;
  const firm = get("firm");
  const year = get("year");
  const cols = [get("x1"), get("x2")];
  const firms = [...new Set(firm)];
  const years = [...new Set(year)].sort();
  for (const g of firms) cols.push(firm.map((v) => (v === g ? 1 : 0)));
  if (twoway) for (const s of years.slice(1)) cols.push(year.map((v) => (v === s ? 1 : 0)));
  const cp = crossprod(cols, get("y"), weighted ? get("w") : undefined);
  const ch = choleskyDrop(cp.XtX, cols.length);
  expect(ch.dropped).toEqual([]);
  const b = cholSolve(ch.L, cols.length, cp.Xty);
  return { slopes: [b[0], b[1]], k: cols.length };
}

describe("within estimator vs a dense dummy-variable solve", () => {
  const frame = randomPanel(11, 40, 9);
  for (const weighted of [false, true])
    for (const [label, formula, twoway] of [
      ["one-way", "y ~ x1 + x2 | firm", false],
      ["two-way", "y ~ x1 + x2 | firm + year", true],
    ] as const) {
      it(`${label}${weighted ? ", weighted" : ""}: same slopes, residual df`, () => {
        const oracle = dummyFit(frame, twoway, weighted);
        const r = estimate(frame, formula, {
          id: "firm",
          time: "year",
          weights: weighted ? "w" : undefined,
        });
        if (!r.ok) throw new Error(JSON.stringify(r.issues));
        const fit = r.value.fit;
        expect(fit.lin.beta[0]).toBeCloseTo(oracle.slopes[0], 10);
        expect(fit.lin.beta[1]).toBeCloseTo(oracle.slopes[1], 10);
        expect(fit.dfResid).toBe(fit.lin.n - oracle.k);
      });
    }

  it("row order does not matter (shuffled rows take the counting-sort path)", () => {
    const rnd = lcg(77);
    const perm = Array.from({ length: frame.nrows }, (_, i) => i).sort(() => rnd() - 0.5);
    const cols: Record<string, Column> = {};
    for (const name of frame.names) {
      const v = (frame.columns.get(name) as { values: Float64Array }).values;
      cols[name] = numeric(Float64Array.from(perm, (i) => v[i]));
    }
    const shuffled = frameFromColumns(cols);
    for (const weights of [undefined, "w"]) {
      const a = estimate(frame, "y ~ x1 + x2 | firm + year", { id: "firm", time: "year", weights });
      const b = estimate(shuffled, "y ~ x1 + x2 | firm + year", {
        id: "firm",
        time: "year",
        weights,
      });
      if (!a.ok || !b.ok) throw new Error("fit");
      expect(b.value.fit.lin.beta[0]).toBeCloseTo(a.value.fit.lin.beta[0], 10);
      expect(b.value.fit.lin.beta[1]).toBeCloseTo(a.value.fit.lin.beta[1], 10);
      expect(b.value.fit.lin.ssr).toBeCloseTo(a.value.fit.lin.ssr, 8);
    }
  });

  it("alternating projections converge to the exact two-way solution", () => {
    const spec = parseFormula("y ~ x1 + x2 | firm + year");
    if (!spec.ok) throw new Error("formula");
    const prep = preparePanel(frame, spec.value, { id: "firm", time: "year" });
    if (!prep.ok) throw new Error("prepare");
    const exact = withinKernel(prep.value, prep.value.fe, { method: "exact" });
    const iter = withinKernel(prep.value, prep.value.fe, { method: "iterate", tol: 1e-12 });
    if (!exact.ok || !iter.ok) throw new Error("fit");
    expect(exact.value.demeaning?.method).toBe("two-way exact");
    expect(iter.value.demeaning?.method).toBe("alternating projections");
    expect(Math.max(...iter.value.demeaning!.iterations)).toBeGreaterThan(2);
    expect(iter.value.lin.beta[0]).toBeCloseTo(exact.value.lin.beta[0], 9);
    expect(iter.value.lin.beta[1]).toBeCloseTo(exact.value.lin.beta[1], 9);
  });

  it("reports non-convergence with the iteration count instead of returning a fit", () => {
    const r = estimate(frame, "y ~ x1 + x2 | firm + year", {
      id: "firm",
      time: "year",
      demean: { method: "iterate", maxIter: 2, tol: 1e-14 },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].code).toBe("not_converged");
      expect(r.issues[0].message).toContain("within 2 iterations");
    }
  });
});

describe("vcov registry", () => {
  const frame = randomPanel(5, 30, 6);
  it("two-way clustering on (firm, row) reduces to one-way firm clustering", () => {
    const cols: Record<string, Column> = {};
    for (const n of frame.names) cols[n] = frame.columns.get(n)!;
    cols.row = numeric(Float64Array.from({ length: frame.nrows }, (_, i) => i));
    const f2 = frameFromColumns(cols);
    const one = estimate(f2, "y ~ x1 + x2 | firm", {
      id: "firm",
      time: "year",
      cluster: ["firm"],
      ssc: "plm-hc0",
    });
    const two = estimate(f2, "y ~ x1 + x2 | firm", {
      id: "firm",
      time: "year",
      cluster: ["firm", "row"],
      ssc: "plm-hc0",
    });
    if (!one.ok || !two.ok) throw new Error("fit");
    for (const nm of ["x1", "x2"]) {
      expect(two.value.summary.coefficients[nm].se).toBeCloseTo(
        one.value.summary.coefficients[nm].se,
        12,
      );
    }
    expect(two.value.summary.ledger.clusters.map((c) => c.name)).toEqual(["firm", "row"]);
  });

  it("changing the vcov never refits: coefficients identical, only SEs and the ledger change", () => {
    const r = estimate(frame, "y ~ x1 + x2 | firm", { id: "firm", time: "year" });
    if (!r.ok) throw new Error("fit");
    const beta = Float64Array.from(r.value.fit.lin.beta);
    const a = computeVcov(r.value.fit, { type: "cluster", ssc: "fixest" });
    const b = computeVcov(r.value.fit, { type: "cluster", ssc: "plm-hc0" });
    if (!a.ok || !b.ok) throw new Error("vcov");
    expect(r.value.fit.lin.beta).toEqual(beta);
    const G = r.value.fit.prep.id.nLevels;
    const n = r.value.fit.lin.n;
    expect(a.value.V[0] / b.value.V[0]).toBeCloseTo((G / (G - 1)) * ((n - 1) / (n - 3)), 12);
    expect(a.value.ssc?.formula).toBe(`G/(G-1) * (n-1)/(n-K) = ${G}/${G - 1} * ${n - 1}/${n - 3}`);
    expect(a.value.kNote).toContain("nested in the cluster");
  });
});
