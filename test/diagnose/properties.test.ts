import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classifyPosition,
  classifyState,
  DEFAULT_PARAMS,
  diagnose,
  RULES,
} from "../../src/diagnose/index.ts";
import type { Profile } from "../../src/firm/index.ts";
import { POSITIONS, STATES } from "../../src/framework/index.ts";
import { arbitraryProfile } from "./fixtures/arbitrary.ts";

const RUNS = { numRuns: 300, seed: 20261129 };

describe("properties of any valid profile", () => {
  it("exactly one position and one state, or undetermined with at least one question", () => {
    fc.assert(
      fc.property(arbitraryProfile, (p) => {
        const d = diagnose(p);
        for (const [c, values] of [
          [d.position, POSITIONS],
          [d.state, STATES],
        ] as const) {
          if (c.value === "undetermined") {
            expect(c.questions.length).toBeGreaterThan(0);
            expect(c.confidence).toBe(0);
          } else {
            expect(values as readonly string[]).toContain(c.value);
            expect(c.confidence).toBeGreaterThan(0);
            expect(c.confidence).toBeLessThanOrEqual(1);
          }
        }
      }),
      RUNS,
    );
  });

  it("the traced diagnosis has a non-empty trace naming each rule once per evaluation", () => {
    fc.assert(
      fc.property(arbitraryProfile, (p) => {
        const d = diagnose(p, { trace: true });
        expect(d.trace.length).toBeGreaterThan(0);
        expect(d.trace[0].rule).toBe("position.spectrum");
      }),
      { ...RUNS, numRuns: 60 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(arbitraryProfile, (p) => {
        expect(JSON.stringify(diagnose(p))).toBe(JSON.stringify(diagnose(structuredClone(p))));
      }),
      { ...RUNS, numRuns: 60 },
    );
  });

  it("never recommends the INV accelerator to a non-tradable firm", () => {
    fc.assert(
      fc.property(arbitraryProfile, (p) => {
        const d = diagnose({ ...p, tradable: "no" });
        if (d.position.value === "non_tradable") {
          expect(d.recommendations.map((r) => r.instrument)).not.toContain("inv_accelerator");
        }
        const direct = diagnose(p);
        if (direct.position.value === "non_tradable") {
          expect(direct.recommendations.map((r) => r.instrument)).not.toContain("inv_accelerator");
        }
      }),
      RUNS,
    );
  });

  it("withdrawn firms always get exit/re-entry counselling", () => {
    fc.assert(
      fc.property(arbitraryProfile, (p) => {
        const d = diagnose(p);
        if (
          d.state.value === "withdrawn_disappointed" ||
          d.state.value === "withdrawn_disinterested"
        ) {
          expect(d.recommendations.map((r) => r.instrument)).toContain("exit_reentry_counselling");
        }
      }),
      RUNS,
    );
  });

  it("the cheap classifiers agree with the full diagnosis", () => {
    fc.assert(
      fc.property(arbitraryProfile, (p) => {
        const d = diagnose(p);
        expect(classifyPosition(p, DEFAULT_PARAMS)).toEqual(d.position);
        expect(classifyState(p, DEFAULT_PARAMS)).toEqual(d.state);
      }),
      RUNS,
    );
  });
});

/** Wraps a profile so that every top-level field a rule touches is recorded. */
function recording(p: Profile, seen: Set<string>): Profile {
  return new Proxy(p, {
    get(target, key, receiver) {
      if (typeof key === "string") seen.add(key);
      return Reflect.get(target, key, receiver);
    },
  });
}

describe("declared rules", () => {
  it("every rule has an id, a description and a reference", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.description.length, r.id).toBeGreaterThan(5);
      expect(r.references.length, r.id).toBeGreaterThan(0);
    }
  });

  it("no rule reads a profile field it does not declare", () => {
    fc.assert(
      fc.property(arbitraryProfile, (p) => {
        const d = diagnose(p);
        const ctx = {
          position: d.position.value,
          state: d.state.value,
          barrier_levels: Object.fromEntries(d.barriers.map((b) => [b.family, b.level])),
        } as Parameters<(typeof RULES)[number]["run"]>[2];
        for (const rule of RULES) {
          const seen = new Set<string>();
          rule.run(recording(p, seen), DEFAULT_PARAMS, ctx);
          seen.delete("id");
          for (const f of seen)
            expect(rule.reads as readonly string[], `${rule.id} reads ${f}`).toContain(f);
        }
      }),
      { ...RUNS, numRuns: 200 },
    );
  });
});
