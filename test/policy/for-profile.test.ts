import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { classifyPosition, DEFAULT_PARAMS } from "../../src/diagnose/index.ts";
import type { Profile } from "../../src/firm/index.ts";
import { formatIssue, type Result } from "../../src/framework/index.ts";
import {
  eligibilityFor,
  parseScenario,
  resolveScenario,
  scratchProfile,
} from "../../src/policy/index.ts";

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("\n"));
  return r.value;
}

const file = resolve(import.meta.dirname, "../../examples/scenarios/differentiated.yaml");
const resolved = ok(
  resolveScenario(ok(parseScenario(readFileSync(file, "utf8"), { file })), file, (ref, from) => {
    const f = join(dirname(from), ref);
    return { ok: true, value: { file: f, text: readFileSync(f, "utf8") } };
  }),
);
const system = resolved.systems.get("readiness-grants")!;

function firm(over: Partial<Profile>): Profile {
  return {
    ...scratchProfile(),
    id: "f1",
    founded: 2015,
    assessed: 2026,
    sector: "traditional_manufacturing",
    employees: 20,
    tradable: "yes",
    exports_now: "no",
    plans_to_export: "yes",
    export_share: 0,
    export_markets: 0,
    barrier_attitudinal: 2,
    barrier_operational: 2,
    barrier_strategic: 2,
    barrier_resource: 4,
    ...over,
  };
}

const grant = (profile: Profile) =>
  eligibilityFor(system, profile, 2026).find((e) => e.programme === "readiness-grants")!;

describe("eligibility of one recorded firm", () => {
  it("an export-capable firm with a severe resource barrier qualifies for the readiness grant", () => {
    expect(classifyPosition(firm({}), DEFAULT_PARAMS).value).toBe("export_capable");
    const e = grant(firm({}));
    expect(e.active).toBe(true);
    expect(e.eligible).toBe(true);
    expect(e.because).toEqual([]);
  });

  it("a low resource barrier is named as the reason it does not", () => {
    const e = grant(firm({ barrier_resource: 2 }));
    expect(e.eligible).toBe(false);
    expect(e.undecided).toBe(false);
    expect(e.because).toEqual([{ field: "barrier_resource", value: 2 }]);
  });

  it("an unknown barrier leaves it undecided and asks for that answer", () => {
    const e = grant(firm({ barrier_resource: null }));
    expect(e.eligible).toBe(false);
    expect(e.undecided).toBe(true);
    expect(e.because).toEqual([{ field: "barrier_resource", value: null }]);
  });

  it("the other programmes of the system are reported too, with the year they run", () => {
    const all = eligibilityFor(system, firm({}), 2024);
    expect(all.map((e) => e.programme)).toEqual([
      "export-information",
      "trade-missions",
      "readiness-grants",
    ]);
    expect(all.every((e) => e.active === false)).toBe(true);
  });

  it("an instrument whose dated cost starts later is not active before that year", () => {
    const later = {
      ...system,
      programmes: system.programmes.map((p) => ({
        ...p,
        instruments: p.instruments.map((i) => ({ ...i, cost_per_firm: { "2027": 10 } })),
      })),
    };
    expect(eligibilityFor(later, firm({}), 2026).every((e) => e.active === false)).toBe(true);
    const grantIn2027 = eligibilityFor(later, firm({}), 2027).find(
      (e) => e.programme === "readiness-grants",
    );
    expect(grantIn2027?.active).toBe(true);
  });
});
