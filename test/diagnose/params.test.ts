import { describe, expect, it } from "vitest";
import {
  DEFAULT_PARAMS,
  diagnose,
  PARAM_NAMES,
  PARAM_SPECS,
  paramsHash,
  parseParams,
} from "../../src/diagnose/index.ts";
import { known } from "./fixtures/profiles.ts";

describe("params", () => {
  it("every parameter has a default, unit, source and description within its range", () => {
    for (const name of PARAM_NAMES) {
      const s = PARAM_SPECS[name];
      expect(s.unit.length, name).toBeGreaterThan(0);
      expect(s.source.length, name).toBeGreaterThan(10);
      expect(s.description.length, name).toBeGreaterThan(10);
      expect(s.default).toBeGreaterThanOrEqual(s.min);
      expect(s.default).toBeLessThanOrEqual(s.max);
      expect(DEFAULT_PARAMS[name]).toBe(s.default);
    }
  });

  it("the INV defaults are the born-global convention", () => {
    expect(DEFAULT_PARAMS.inv_max_years_to_first_export).toBe(3);
    expect(DEFAULT_PARAMS.inv_min_export_share).toBe(0.25);
    expect(PARAM_SPECS.inv_min_export_share.source).toMatch(/Knight and Cavusgil \(1996\)/);
  });

  it("parses partial overrides and keeps the other defaults", () => {
    const r = parseParams({ barrier_high: 4 }, { file: "p.json" });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.barrier_high).toBe(4);
      expect(r.value.inv_min_markets).toBe(DEFAULT_PARAMS.inv_min_markets);
    }
    const none = parseParams(undefined, {});
    expect(none.ok && none.value).toEqual(DEFAULT_PARAMS);
  });

  it("reports unknown names, wrong types, out-of-range values and inverted bands", () => {
    const r = parseParams(
      {
        barier_high: 4,
        toString: 1,
        inv_min_markets: 2.5,
        inv_min_export_share: 1.5,
        experienced_min_years: "5",
      },
      { file: "p.yaml" },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const byField = Object.fromEntries(r.issues.map((i) => [i.field, i]));
      expect(byField.barier_high.code).toBe("unknown_param");
      expect(byField.toString.code).toBe("unknown_param");
      expect(byField.inv_min_markets.code).toBe("invalid_type");
      expect(byField.inv_min_export_share.code).toBe("out_of_range");
      expect(byField.experienced_min_years.code).toBe("invalid_type");
      for (const i of r.issues) expect(i.file).toBe("p.yaml");
      expect(byField.inv_min_export_share.message).toContain("1.5");
    }
    const inverted = parseParams({ barrier_low: 4, barrier_high: 3 }, {});
    expect(inverted.ok).toBe(false);
    if (!inverted.ok) expect(inverted.issues[0].code).toBe("inconsistent_params");
    expect(parseParams([1, 2], {}).ok).toBe(false);
  });

  it("hashes canonically: key order does not matter, values do", () => {
    const reordered = Object.fromEntries(
      [...PARAM_NAMES].reverse().map((n) => [n, DEFAULT_PARAMS[n]]),
    ) as typeof DEFAULT_PARAMS;
    expect(paramsHash(reordered)).toBe(paramsHash({ ...DEFAULT_PARAMS }));
    expect(paramsHash(DEFAULT_PARAMS)).toMatch(/^[0-9a-f]{64}$/);
    expect(paramsHash({ ...DEFAULT_PARAMS, barrier_high: 4 })).not.toBe(paramsHash(DEFAULT_PARAMS));
  });

  it("stamps every diagnosis with the rules version and params hash", () => {
    const params = { ...DEFAULT_PARAMS, barrier_high: 4 };
    const d = diagnose(known(), { params });
    expect(d.stamp.params_hash).toBe(paramsHash(params));
    expect(d.stamp.rules_version).toMatch(/\d/);
  });
});
