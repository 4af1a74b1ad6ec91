import { describe, expect, it } from "vitest";
import { defaultParams, PARAM_SPECS, paramsHash, withParams } from "../../src/simulate/index.ts";

describe("simulation parameters", () => {
  it("documents every parameter with a unit, a source and a description", () => {
    for (const [name, spec] of Object.entries(PARAM_SPECS)) {
      expect(spec.unit, name).not.toBe("");
      expect(spec.source, name).not.toBe("");
      expect(spec.description, name).not.toBe("");
      const s = spec as { value: number; min?: number; max?: number };
      if (s.min !== undefined) expect(s.value, name).toBeGreaterThanOrEqual(s.min);
      if (s.max !== undefined) expect(s.value, name).toBeLessThanOrEqual(s.max);
    }
  });

  it("overrides known names and reports unknown or out-of-range ones", () => {
    const ok = withParams({ sunkEntryCost: 3 });
    expect(ok.ok && ok.value.sunkEntryCost).toBe(3);
    const bad = withParams({ sunkEntryCots: 3, projectEndProb: 2 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues.map((i) => i.code).sort()).toEqual(["out_of_range", "unknown_param"]);
      expect(bad.issues.find((i) => i.code === "out_of_range")?.message).toMatch(/got 2, expected/);
    }
    // Names inherited by every object are not parameters.
    for (const name of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
      const r = withParams(Object.fromEntries([[name, 1]]));
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.issues[0].code).toBe("unknown_param");
    }
  });

  it("hashes parameter values", () => {
    const base = defaultParams();
    const changed = withParams({ intercept: base.intercept + 0.1 });
    expect(changed.ok).toBe(true);
    if (changed.ok) expect(paramsHash(changed.value)).not.toBe(paramsHash(base));
    expect(paramsHash(defaultParams())).toBe(paramsHash(base));
  });
});
