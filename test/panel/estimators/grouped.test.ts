// The run-based kernels for unit-contiguous rows against the general scatter paths.
import { describe, expect, it } from "vitest";
import { type Column, frameFromColumns, numeric } from "../../../src/io/index.ts";
import { codeColumn, connectedComponents, distinctCount } from "../../../src/panel/codes.ts";
import { absorbEffects } from "../../../src/panel/demean.ts";
import { computeVcov, estimate } from "../../../src/panel/index.ts";

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Ragged panel with rows grouped by firm (years in order), effects correlated with x. */
function groupedPanel(seed: number, firms: number, years: number) {
  const rnd = lcg(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const cols: Record<string, number[]> = { firm: [], year: [], x1: [], x2: [], x3: [], y: [] };
  const gam = Array.from({ length: years }, gauss);
  for (let i = 0; i < firms; i++) {
    const alpha = 3 * gauss();
    for (let s = 0; s < years; s++) {
      if (rnd() < 0.3 && s > 0) continue;
      const a = 0.5 * alpha + gauss();
      const b = gam[s] + gauss();
      cols.firm.push(1000 + 7 * i);
      cols.year.push(2000 + s);
      cols.x1.push(a);
      cols.x2.push(b);
      // Large level, small spread: the within/between split must not lose it.
      cols.x3.push(1e4 + alpha + 0.01 * gauss());
      cols.y.push(50 + a - 0.5 * b + alpha + gam[s] + gauss());
    }
  }
  const out: Record<string, Column> = {};
  for (const [k, v] of Object.entries(cols)) out[k] = numeric(Float64Array.from(v));
  return out;
}

function shuffled(cols: Record<string, Column>, seed: number) {
  const n = (cols.y as { values: Float64Array }).values.length;
  const rnd = lcg(seed);
  const perm = Array.from({ length: n }, (_, i) => i).sort(() => rnd() - 0.5);
  const out: Record<string, Column> = {};
  for (const [k, c] of Object.entries(cols)) {
    const v = (c as { values: Float64Array }).values;
    out[k] = numeric(Float64Array.from(perm, (i) => v[i]));
  }
  return out;
}

describe("grouped-row kernels", () => {
  const cols = groupedPanel(5, 300, 12);
  const grouped = frameFromColumns(cols);
  const mixed = frameFromColumns(shuffled(cols, 9));

  it("one-way: same slopes, SSR, R², cluster SEs as the scatter path on shuffled rows", () => {
    const o = { id: "firm", time: "year" };
    const a = estimate(grouped, "y ~ x1 + x2 + x3 | firm", o);
    const b = estimate(mixed, "y ~ x1 + x2 + x3 | firm", o);
    if (!a.ok || !b.ok) throw new Error("fit");
    const fa = a.value.fit;
    const fb = b.value.fit;
    expect(fa.lin.names).toEqual(["x1", "x2", "x3"]);
    for (let j = 0; j < 3; j++) expect(fa.lin.beta[j]).toBeCloseTo(fb.lin.beta[j], 10);
    expect(fa.lin.ssr / fb.lin.ssr).toBeCloseTo(1, 12);
    expect(fa.r2.r2).toBeCloseTo(fb.r2.r2, 12);
    expect(fa.r2.r2Overall).toBeCloseTo(fb.r2.r2Overall ?? Number.NaN, 12);
    const va = computeVcov(fa, { type: "cluster", clusters: [fa.prep.id] });
    const vb = computeVcov(fb, { type: "cluster", clusters: [fb.prep.id] });
    if (!va.ok || !vb.ok) throw new Error("vcov");
    expect(va.value.K).toBe(vb.value.K);
    for (let i = 0; i < 9; i++) expect(va.value.V[i] / vb.value.V[i]).toBeCloseTo(1, 10);
  });

  it("two-way: same slopes, SSR and overall R² as the general path on shuffled rows", () => {
    const o = { id: "firm", time: "year" };
    const a = estimate(grouped, "y ~ x1 + x2 + x3 | firm + year", o);
    const b = estimate(mixed, "y ~ x1 + x2 + x3 | firm + year", o);
    if (!a.ok || !b.ok) throw new Error("fit");
    const fa = a.value.fit;
    const fb = b.value.fit;
    for (let j = 0; j < 3; j++) expect(fa.lin.beta[j]).toBeCloseTo(fb.lin.beta[j], 10);
    expect(fa.lin.ssr / fb.lin.ssr).toBeCloseTo(1, 12);
    expect(fa.r2.r2Overall).toBeCloseTo(fb.r2.r2Overall ?? Number.NaN, 12);
    expect(fa.feDof).toBe(fb.feDof);
  });

  it("one-way: a regressor constant within firm is still reported as absorbed", () => {
    const withConst = {
      ...cols,
      c: numeric(Float64Array.from((cols.firm as { values: Float64Array }).values, (f) => f % 13)),
    };
    const r = estimate(frameFromColumns(withConst), "y ~ x1 + c | firm", {
      id: "firm",
      time: "year",
    });
    if (!r.ok) throw new Error("fit");
    expect(r.value.fit.lin.names).toEqual(["x1"]);
    expect(r.value.fit.notes.join(" ")).toMatch(/c dropped/);
  });

  // 12 periods: period-set patterns; 35 periods: more than a bit mask holds, unit-by-unit update.
  it.each([
    [12, cols],
    [35, groupedPanel(6, 60, 35)],
  ])(
    "two-way exact, %i periods: run scans give the general path's effects to rounding",
    (_, cols) => {
      const firm = codeColumn("firm", cols.firm);
      const year = codeColumn("year", cols.year);
      const data = ["y", "x1", "x2", "x3"].map((k) => (cols[k] as { values: Float64Array }).values);
      const ones = new Float64Array(data[0].length).fill(1);
      const fast = absorbEffects(data, [firm, year], undefined);
      const slow = absorbEffects(data, [firm, year], ones);
      expect(fast.method).toBe("two-way exact");
      // Only the concentrated system is summed in another order (per pattern of periods).
      const maxRelDiff = (u: Float64Array, v: Float64Array): number => {
        let scale = 0;
        let d = 0;
        for (let i = 0; i < u.length; i++) {
          scale = Math.max(scale, Math.abs(v[i]));
          d = Math.max(d, Math.abs(u[i] - v[i]));
        }
        return d / Math.max(scale, 1e-300);
      };
      for (let j = 0; j < data.length; j++) {
        expect(maxRelDiff(fast.coefs[j].alpha, slow.coefs[j].alpha)).toBeLessThan(1e-12);
        expect(maxRelDiff(fast.coefs[j].gamma!, slow.coefs[j].gamma!)).toBeLessThan(1e-12);
      }
    },
  );

  it("connected components: the run-based count matches the row-by-row union-find", () => {
    // Firms 0-9 only see years 0-4, firms 10-19 only years 5-9, firm 20 both: 1 component; without
    // firm 20, 2.
    const f: number[] = [];
    const t: number[] = [];
    for (let i = 0; i < 21; i++)
      for (let s = 0; s < 10; s++)
        if (i === 20 || (i < 10 ? s < 5 : s >= 5)) {
          f.push(i);
          t.push(s);
        }
    for (const [firms, expected] of [
      [21, 1],
      [20, 2],
    ]) {
      const n = f.filter((v) => v < firms).length;
      const fc = codeColumn("f", numeric(Float64Array.from(f.slice(0, n))));
      const tc = codeColumn("t", numeric(Float64Array.from(t.slice(0, n))));
      // Rows ordered by year defeat the run detection: the general union-find answers.
      const byYear = Array.from({ length: n }, (_, i) => i).sort(
        (p, q) => t[p] - t[q] || f[p] - f[q],
      );
      const fr = codeColumn("f", numeric(Float64Array.from(byYear, (i) => f[i])));
      const tr = codeColumn("t", numeric(Float64Array.from(byYear, (i) => t[i])));
      expect(connectedComponents(fc, tc)).toBe(expected);
      expect(connectedComponents(fr, tr)).toBe(expected);
    }
  });

  it("codes: repeated values share a code; non-integers and huge ids fall back to hashing", () => {
    const c = codeColumn("f", numeric(Float64Array.of(5, 5, 3, 3, Number.NaN, 5, 2.5, 3e10)));
    expect(Array.from(c.codes)).toEqual([0, 0, 1, 1, -1, 0, 2, 3]);
    const d = codeColumn("f", numeric(Float64Array.of(3e9, 3e9 + 1, 3e9, Number.NaN)));
    expect(Array.from(d.codes)).toEqual([0, 1, 0, -1]);
    expect(d.nLevels).toBe(2);
    // Sorted values take the one-pass run coding; a late NaN or decrease falls back.
    const e = codeColumn("f", numeric(Float64Array.of(-2, -2, 0.5, 7, 7, 9e12)));
    expect(Array.from(e.codes)).toEqual([0, 0, 1, 2, 2, 3]);
    expect(e.nLevels).toBe(4);
    const f = codeColumn("f", numeric(Float64Array.of(1, 1, 2, 3, Number.NaN)));
    expect(Array.from(f.codes)).toEqual([0, 0, 1, 2, -1]);
    const g = codeColumn("f", numeric(Float64Array.of(1, 2, 3, 2, 1)));
    expect(Array.from(g.codes)).toEqual([0, 1, 2, 1, 0]);
  });

  it("distinct counts: the level counts of the codes, with and without building them", () => {
    for (const v of [
      [2001, 2003, 2003, Number.NaN, 2009, 2001],
      [5, 5, 3, 3, Number.NaN, 5, 2.5, 3e10],
      [7, 8, 9],
      [Number.NaN],
    ]) {
      const col = numeric(Float64Array.from(v));
      const expected = codeColumn("t", numeric(Float64Array.from(v))).nLevels;
      expect(distinctCount(col)).toBe(expected);
      expect(distinctCount(col)).toBe(expected);
    }
  });
});
