import { describe, expect, it } from "vitest";
import { formatIssue, type Result } from "../../src/framework/index.ts";
import {
  composeReforms,
  type ProgrammeSystem,
  parseScenario,
  type Reform,
  reformOf,
  type Scenario,
  scenarioSystems,
  stackOrder,
} from "../../src/policy/index.ts";

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("\n"));
  return r.value;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const TEXT = `
id: s
title: S
baseline:
  programmes:
    - id: info
      title: Info
      instruments:
        - instrument: information_advice
          eligibility: {all: []}
          budget_per_year: 1000
          years: {from: 2026}
          once_per_firm: false
reforms:
  - id: double
    changes: [{scale_budgets: {factor: 2}}]
  - id: plus-100
    changes:
      - update_instrument: {programme: info, instrument: information_advice, set: {budget_per_year: 1100}}
  - id: double-then-set
    extends: [double, plus-100]
  - id: set-then-double
    extends: [plus-100, double]
  - id: grants
    changes:
      - add_programme:
          id: grants
          title: Grants
          instruments: [{instrument: export_readiness_grant, eligibility: {field: barrier_resource, gte: 3}}]
  - id: diamond
    extends: [grants, double-then-set]
    changes: [{remove_instrument: {programme: grants, instrument: export_readiness_grant}}]
  - id: broken
    changes: [{remove_programme: nothing-here}]
  - id: pro-rata
    changes:
      - update_instrument: {programme: info, instrument: information_advice, set: {rationing: pro_rata}}
`;

function scenario(): Scenario {
  return ok(parseScenario(TEXT, { file: "s.yaml" }));
}
function baseline(s: Scenario): ProgrammeSystem {
  if (!("programmes" in s.baseline)) throw new Error("inline baseline expected");
  return { currency: s.currency ?? "EUR", programmes: s.baseline.programmes };
}
const budget = (s: ProgrammeSystem, p = 0) => s.programmes[p].instruments[0].budget_per_year;

describe("reforms", () => {
  it("are pure: the baseline object is untouched and the result shares nothing with it", () => {
    const s = scenario();
    const base = deepFreeze(baseline(s));
    const before = JSON.stringify(base);
    for (const def of s.reforms.filter((r) => r.id !== "broken" && r.extends.length === 0)) {
      const out = ok(reformOf(def)(base));
      expect(out).not.toBe(base);
      expect(out.programmes[0]).not.toBe(base.programmes[0]);
    }
    expect(JSON.stringify(base)).toBe(before);
    const stacked = ok(
      scenarioSystems({ ...s, reforms: s.reforms.filter((r) => r.id !== "broken") }, base),
    );
    expect(stacked.get("diamond")!.programmes).toHaveLength(2);
    expect(JSON.stringify(base)).toBe(before);
  });

  it("compose in order: stacking applies extends left to right, then the reform's own changes", () => {
    const s = scenario();
    const systems = ok(
      scenarioSystems({ ...s, reforms: s.reforms.filter((r) => r.id !== "broken") }, baseline(s)),
    );
    expect(budget(systems.get("double")!)).toBe(2000);
    expect(budget(systems.get("double-then-set")!)).toBe(1100);
    expect(budget(systems.get("set-then-double")!)).toBe(2200);
    expect(budget(systems.get("baseline")!)).toBe(1000);
  });

  it("a shared ancestor is applied once (depth-first order, each reform once)", () => {
    const s = scenario();
    expect(stackOrder(s.reforms, "diamond")).toEqual([
      "grants",
      "double",
      "plus-100",
      "double-then-set",
      "diamond",
    ]);
    const systems = ok(
      scenarioSystems({ ...s, reforms: s.reforms.filter((r) => r.id !== "broken") }, baseline(s)),
    );
    const d = systems.get("diamond")!;
    expect(d.programmes.map((p) => p.id)).toEqual(["info", "grants"]);
    expect(d.programmes[1].instruments).toEqual([]);
    expect(budget(d)).toBe(1100);
  });

  it("composeReforms equals applying one after the other", () => {
    const s = scenario();
    const byId = (id: string): Reform => reformOf(s.reforms.find((r) => r.id === id)!);
    const base = baseline(s);
    const a = ok(composeReforms(byId("plus-100"), byId("double"))(base));
    const b = ok(byId("double")(ok(byId("plus-100")(base))));
    expect(a).toEqual(b);
    expect(budget(a)).toBe(2200);
  });

  it("a change that names a missing programme is reported with its path", () => {
    const s = scenario();
    const r = scenarioSystems(s, baseline(s));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0].field).toBe("reforms[6].changes[0].remove_programme");
    expect(r.issues[0].value).toBe("nothing-here");
    expect(r.issues[0].expected).toContain("info");
  });

  it("scaling a dated budget scales every dated value", () => {
    const base: ProgrammeSystem = {
      currency: "EUR",
      programmes: [
        {
          ...baseline(scenario()).programmes[0],
          instruments: [
            {
              ...baseline(scenario()).programmes[0].instruments[0],
              budget_per_year: { "2025": 10, "2027": null },
            },
          ],
        },
      ],
    };
    const out = ok(
      reformOf({
        id: "x",
        title: "",
        description: "",
        extends: [],
        changes: [{ scale_budgets: { factor: 3 } }],
      })(base),
    );
    expect(budget(out)).toEqual({ "2025": 30, "2027": null });
  });

  it("an update changes the fields it sets and keeps every other", () => {
    const s = scenario();
    const base = baseline(s);
    const out = ok(reformOf(s.reforms.find((r) => r.id === "pro-rata")!)(base));
    const before = base.programmes[0].instruments[0];
    const after = out.programmes[0].instruments[0];
    expect(after.rationing).toEqual({ rule: "pro_rata" });
    expect(after).toEqual({ ...before, rationing: { rule: "pro_rata" } });
    expect(after.budget_per_year).toBe(1000);
    expect(after.once_per_firm).toBe(false);
    expect(after.years).toEqual({ from: 2026, to: null });
  });
});
