import { describe, expect, it } from "vitest";
import { calibrate, TARGETS } from "../../src/simulate/index.ts";

describe("calibration of the default baseline", () => {
  it("meets every published target within its tolerance", async () => {
    const report = await calibrate({ firms: 40_000, years: 8, seed: 3 });
    expect(report.checks.map((c) => c.id)).toEqual(TARGETS.map((t) => t.id));
    for (const c of report.checks) {
      expect(c.value, `${c.id} (${c.source})`).toBeGreaterThanOrEqual(c.lo);
      expect(c.value, `${c.id} (${c.source})`).toBeLessThanOrEqual(c.hi);
    }
    // Prior export status raises the probability of exporting by about 60 points.
    expect(report.lpm.coef[1]).toBeGreaterThan(0.5);
    expect(report.model_hysteresis).toBeGreaterThan(0.4);
  });

  it("misses the hysteresis target when the sunk cost is switched off", async () => {
    const { withParams } = await import("../../src/simulate/index.ts");
    const p = withParams({ sunkEntryCost: 0 });
    if (!p.ok) throw new Error("bad params");
    const report = await calibrate({ firms: 20_000, years: 6, seed: 3, params: p.value });
    const lpm = report.checks.find((c) => c.id === "lpm_prior_export_effect");
    expect(lpm?.pass).toBe(false);
  });
});
