// The slice passes for unit-grouped rows: the same numbers on one thread and on two, and the
// general scatter path's numbers to rounding.
import { beforeAll, describe, expect, it } from "vitest";
import { numeric } from "../../../src/io/index.ts";
import { type Codes, codeColumn } from "../../../src/panel/codes.ts";
import { absorbEffects } from "../../../src/panel/demean.ts";
import type { LinearFit } from "../../../src/panel/estimators/ols.ts";
import { fixedEffectDof } from "../../../src/panel/estimators/within.ts";
import { fusedWithin } from "../../../src/panel/estimators/within-kernel.ts";
import { runsWithin } from "../../../src/panel/estimators/within-runs.ts";
import { poolStats, startHelpers } from "../../../src/panel/parallel/pool.ts";
import { sliceBounds } from "../../../src/panel/parallel/slices.ts";
import { meatCluster } from "../../../src/panel/vcov/cluster.ts";

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function shared(v: number[]): Float64Array {
  const out = new Float64Array(new SharedArrayBuffer(8 * v.length));
  out.set(v);
  return out;
}

/** Rows grouped by firm, ragged years, columns in shared memory. */
function panel(seed: number, firms: number, years: number) {
  const rnd = lcg(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const c: Record<"firm" | "year" | "x1" | "x2" | "x3" | "y", number[]> = {
    firm: [],
    year: [],
    x1: [],
    x2: [],
    x3: [],
    y: [],
  };
  const gam = Array.from({ length: years }, gauss);
  for (let i = 0; i < firms; i++) {
    const alpha = 3 * gauss();
    for (let s = 0; s < years; s++) {
      if (s > 0 && rnd() < 0.35) continue;
      const a = 0.5 * alpha + gauss();
      const b = gam[s] + gauss();
      c.firm.push(100 + 3 * i);
      c.year.push(1990 + s);
      c.x1.push(a);
      c.x2.push(b);
      c.x3.push(1e4 + alpha + 0.01 * gauss());
      c.y.push(50 + a - 0.5 * b + alpha + gam[s] + gauss());
    }
  }
  const firm = codeColumn("firm", numeric(shared(c.firm)));
  const year = codeColumn("year", numeric(shared(c.year)));
  return { firm, year, y: shared(c.y), X: [shared(c.x1), shared(c.x2), shared(c.x3)] };
}

const NAMES = ["x1", "x2", "x3"];

function maxRel(u: ArrayLike<number>, v: ArrayLike<number>): number {
  let scale = 0;
  let d = 0;
  for (let i = 0; i < u.length; i++) {
    scale = Math.max(scale, Math.abs(v[i]));
    d = Math.max(d, Math.abs(u[i] - v[i]));
  }
  return d / Math.max(scale, 1e-300);
}

describe("slice passes on unit-grouped rows", () => {
  const p = panel(11, 30_000, 12);

  beforeAll(async () => {
    await startHelpers(1);
  }, 60_000);

  it("cuts slices at unit boundaries and covers every row once", () => {
    const b = sliceBounds(p.firm.codes, 5000);
    const a = p.firm.codes;
    expect(b[0]).toBe(0);
    expect(b[b.length - 1]).toBe(a.length);
    expect(b.length).toBeGreaterThan(10);
    for (let s = 1; s < b.length - 1; s++) {
      expect(b[s]).toBeGreaterThan(b[s - 1]);
      expect(a[b[s]]).not.toBe(a[b[s] - 1]);
    }
  });

  it.each([
    ["| firm", false],
    ["| firm + year", true],
  ])("%s: two threads give the one-thread numbers bit for bit", (_, twoWay) => {
    const B = twoWay ? p.year : undefined;
    const one = runsWithin(p.y, p.X, NAMES, p.firm, B, 1, 1e-10, 4096);
    // A helper only takes part if it claims a slice before the caller has claimed them all:
    // repeat until one did (a pass has about 80 slices here).
    let two = runsWithin(p.y, p.X, NAMES, p.firm, B, 2, 1e-10, 4096);
    for (let tries = 0; tries < 20; tries++) {
      const before = poolStats().helperSlices;
      two = runsWithin(p.y, p.X, NAMES, p.firm, B, 2, 1e-10, 4096);
      if (poolStats().helperSlices > before) break;
    }
    expect(poolStats().helperSlices).toBeGreaterThan(0);
    expect(Array.from(two.lin.beta)).toEqual(Array.from(one.lin.beta));
    expect(two.lin.ssr).toBe(one.lin.ssr);
    expect(two.tssWithin).toBe(one.tssWithin);
    expect(two.tssOverall).toBe(one.tssOverall);
    expect(Array.from(two.lin.bread)).toEqual(Array.from(one.lin.bread));
    expect(two.lin.unitScores!.S.every((v, i) => v === one.lin.unitScores!.S[i])).toBe(true);
    expect(two.lin.resid.every((v, i) => v === one.lin.resid[i])).toBe(true);
    expect(two.lin.X[2].every((v, i) => v === one.lin.X[2][i])).toBe(true);
  });

  it.each([
    ["| firm", false],
    ["| firm + year", true],
  ])("%s: the general scatter path's slopes, SSR, residuals and cluster meat", (_, twoWay) => {
    const fe: Codes[] = twoWay ? [p.firm, p.year] : [p.firm];
    const fast = runsWithin(p.y, p.X, NAMES, p.firm, twoWay ? p.year : undefined, 2, 1e-10, 4096);
    // Unit weights send the demeaning and the cross-products down the general (scatter) path.
    const ones = new Float64Array(p.y.length).fill(1);
    const ab = absorbEffects([p.y, ...p.X], fe, ones, {});
    const slow = fusedWithin(p.y, p.X, NAMES, ones, ab);
    expect(fast.lin.names).toEqual(slow.lin.names);
    expect(maxRel(fast.lin.beta, slow.lin.beta)).toBeLessThan(1e-11);
    expect(Math.abs(fast.lin.ssr / slow.lin.ssr - 1)).toBeLessThan(1e-12);
    expect(Math.abs(fast.tssWithin / slow.tssWithin - 1)).toBeLessThan(1e-12);
    expect(maxRel(fast.lin.resid, slow.lin.resid)).toBeLessThan(1e-9);
    // Two-way: the period effects come from sums taken in another order.
    expect(maxRel(fast.lin.X[1], slow.lin.X[1])).toBeLessThan(1e-11);
    expect(fast.feDof).toBe(fixedEffectDof(fe));
    // The meat from per-unit score sums against the row-by-row one.
    const rowMeat = meatCluster(slow.lin, p.firm);
    expect(maxRel(meatCluster(fast.lin, p.firm), rowMeat)).toBeLessThan(1e-9);
  });

  // 35 periods: more than a period mask holds; a repeated year: the unit-by-unit system update.
  it.each([
    ["35 periods", panel(12, 400, 35), false],
    ["a firm-year repeated", panel(13, 400, 12), true],
  ])("two-way with %s: the general path's slopes and SSR", (_, q, repeat) => {
    let { y, X, firm, year } = q;
    if (repeat) {
      // Row 3 duplicated in place (same firm and year): codes stay in runs.
      const dup = (v: Float64Array) =>
        Float64Array.from([...v.subarray(0, 4), v[3], ...v.subarray(4)]);
      const dupI = (v: Int32Array) =>
        Int32Array.from([...v.subarray(0, 4), v[3], ...v.subarray(4)]);
      y = dup(y);
      X = X.map(dup);
      firm = { ...firm, codes: dupI(firm.codes) };
      year = { ...year, codes: dupI(year.codes) };
    }
    const fast = runsWithin(y, X, NAMES, firm, year, 1, 1e-10, 1000);
    const ones = new Float64Array(y.length).fill(1);
    const slow = fusedWithin(y, X, NAMES, ones, absorbEffects([y, ...X], [firm, year], ones, {}));
    expect(maxRel(fast.lin.beta, slow.lin.beta)).toBeLessThan(1e-11);
    expect(Math.abs(fast.lin.ssr / slow.lin.ssr - 1)).toBeLessThan(1e-12);
    expect(fast.feDof).toBe(fixedEffectDof([firm, year]));
  });

  it("a cluster the units nest in (groups of 10 firms) aggregates the unit scores", () => {
    const fast = runsWithin(p.y, p.X, NAMES, p.firm, undefined, 1);
    const region = codeColumn(
      "region",
      numeric(Float64Array.from(p.firm.codes, (g) => Math.floor(g / 10))),
    );
    const fromUnits = meatCluster(fast.lin, region);
    const { unitScores: _, ...rest } = fast.lin;
    const rows: LinearFit = {
      ...rest,
      X: fast.lin.X,
      resid: fast.lin.resid,
      scoreMult: fast.lin.resid,
    };
    expect(maxRel(fromUnits, meatCluster(rows, region))).toBeLessThan(1e-12);
    // Not nested (years cut across firms): the row path answers.
    const byYear = meatCluster(fast.lin, p.year);
    expect(maxRel(byYear, meatCluster(rows, p.year))).toBe(0);
  });

  it("two-way: fixed-effect dof counts the components of disconnected period sets", () => {
    // Firms 0-99 see years 0-5 only, firms 100-199 years 6-11 only: two components.
    const firm: number[] = [];
    const year: number[] = [];
    const rnd = lcg(3);
    for (let i = 0; i < 200; i++)
      for (let s = 0; s < 6; s++) {
        firm.push(i);
        year.push(i < 100 ? s : s + 6);
      }
    const n = firm.length;
    const F = codeColumn("firm", numeric(Float64Array.from(firm)));
    const Y = codeColumn("year", numeric(Float64Array.from(year)));
    const y = Float64Array.from({ length: n }, () => rnd());
    const x = Float64Array.from({ length: n }, () => rnd());
    const fit = runsWithin(y, [x], ["x"], F, Y, 1);
    expect(fit.feDof).toBe(200 + 12 - 2);
    expect(fit.feDof).toBe(fixedEffectDof([F, Y]));
  });
});
