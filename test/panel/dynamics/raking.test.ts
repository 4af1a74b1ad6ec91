import { describe, expect, it } from "vitest";
import type { Frame } from "../../../src/io/index.ts";
import { rake } from "../../../src/panel/index.ts";
import { expectClose, frameFromRows, loadJson } from "./helpers.ts";

interface RefRaking {
  firm: number[];
  size: string[];
  export_state: number[];
  base_weight: number[];
  raked_weight: number[];
  population_size: { size: string; Freq: number }[];
  population_state: { export_state: number; Freq: number }[];
}
const ref = loadJson<{ raking: RefRaking }>(
  "weighted-dynamics/reference_weighted_dynamics.json",
).raking;

describe("raking", () => {
  it("matches survey::rake on a 2016 cross-section", async () => {
    const frame = await frameFromRows(
      ref.firm.map((f, i) => ({
        firm: f,
        size: ref.size[i],
        state: ref.export_state[i],
        w: ref.base_weight[i],
      })),
    );
    const r = rake(
      frame,
      [
        {
          column: "size",
          targets: Object.fromEntries(ref.population_size.map((m) => [m.size, m.Freq])),
        },
        {
          column: "state",
          targets: Object.fromEntries(
            ref.population_state.map((m) => [String(m.export_state), m.Freq]),
          ),
        },
      ],
      { weights: "w", tolerance: 1e-13 },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.converged).toBe(true);
    expectClose(r.value.weights, ref.raked_weight, 1e-9);
  });

  it("solves a 2x2 example by hand", async () => {
    // rows: (a,x) (a,y) (b,x) (b,y), base weights 1; margins a=60 b=40, x=50 y=50.
    // Balanced start: one sweep on the first margin gives 30 30 20 20, which already meets x/y.
    const frame = await frameFromRows([
      { g: "a", h: "x" },
      { g: "a", h: "y" },
      { g: "b", h: "x" },
      { g: "b", h: "y" },
    ]);
    const r = rake(frame, [
      { column: "g", targets: { a: 60, b: 40 } },
      { column: "h", targets: { x: 50, y: 50 } },
    ]);
    if (!r.ok) throw new Error("failed");
    expect(Array.from(r.value.weights)).toEqual([30, 30, 20, 20]);
    expect(r.value.iterations).toBe(1);
    expect(r.value.designEffect).toBeCloseTo((4 * (900 + 900 + 400 + 400)) / 100 ** 2, 12);
    expect([r.value.minWeight, r.value.maxWeight]).toEqual([20, 30]);
  });

  it("converges on an unbalanced sample so that both margins hold", async () => {
    const g = ["a", "a", "a", "b", "b"];
    const h = ["x", "y", "y", "x", "y"];
    const frame = await frameFromRows(g.map((v, i) => ({ g: v, h: h[i] })));
    const r = rake(frame, [
      { column: "g", targets: { a: 70, b: 30 } },
      { column: "h", targets: { x: 45, y: 55 } },
    ]);
    if (!r.ok) throw new Error("failed");
    const w = r.value.weights;
    expect(w[0] + w[1] + w[2]).toBeCloseTo(70, 8);
    expect(w[0] + w[3]).toBeCloseTo(45, 8);
    expect(r.value.maxDeviation).toBeLessThanOrEqual(1e-10);
  });

  it("fails clearly on a category with no sample rows, or rows with no total", async () => {
    const frame: Frame = await frameFromRows([
      { g: "a", h: "x" },
      { g: "a", h: "y" },
    ]);
    const r = rake(frame, [{ column: "g", targets: { a: 60, b: 40 } }]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]).toMatchObject({ code: "empty_margin_cell", field: "g", value: "b" });
      expect(r.issues[0].message).toContain("no sample rows");
    }
    const s = rake(frame, [{ column: "h", targets: { x: 100 } }]);
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.issues[0]).toMatchObject({ code: "missing_target", row: 2, value: "y" });
    const t = rake(frame, [
      { column: "g", targets: { a: 100 } },
      { column: "h", targets: { x: 50, y: 60 } },
    ]);
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.issues[0].code).toBe("inconsistent_totals");
  });

  it("reports non-convergence instead of looping", async () => {
    const g = await frameFromRows([
      { g: "a", h: "x", z: 1 },
      { g: "a", h: "y", z: 1 },
      { g: "b", h: "y", z: 1 },
    ]);
    // structural zero (b,x): margins x = 50 can only be met by (a,x), which fights g = a total
    const r = rake(
      g,
      [
        { column: "g", targets: { a: 20, b: 80 } },
        { column: "h", targets: { x: 50, y: 50 } },
      ],
      { maxIterations: 25 },
    );
    if (!r.ok) throw new Error("failed");
    expect(r.value.converged).toBe(false);
    expect(r.value.iterations).toBe(25);
    expect(r.value.maxDeviation).toBeGreaterThan(0.1);
  });
});
