import { describe, expect, it } from "vitest";
import { type Diagnosis, diagnose } from "../../src/diagnose/index.ts";
import type { Instrument } from "../../src/framework/index.ts";
import { exporter, known, pastExporter } from "./fixtures/profiles.ts";

const ids = (d: Diagnosis) => d.recommendations.map((r) => r.instrument);
const rec = (d: Diagnosis, id: Instrument) => d.recommendations.find((r) => r.instrument === id);

describe("recommendations differ along the spectrum", () => {
  it("non-tradable: market scope and alertness, never the INV accelerator", () => {
    const d = diagnose(known({ tradable: "no", tech_intensity: "high" }));
    expect(d.position.value).toBe("non_tradable");
    expect(ids(d)).toContain("market_scope_advice");
    expect(ids(d)).toContain("alertness_training");
    expect(ids(d)).not.toContain("inv_accelerator");
    expect(ids(d)).not.toContain("export_readiness_grant");
  });

  it("domestic by choice: market-scope advice", () => {
    expect(ids(diagnose(known()))).toContain("market_scope_advice");
  });

  it("withdrawn firms: exit/re-entry counselling and learning from experience", () => {
    for (const plans of ["yes", "no"] as const) {
      const d = diagnose(pastExporter({ plans_to_export: plans }));
      expect(d.state.value).toMatch(/^withdrawn_/);
      expect(ids(d)).toContain("exit_reentry_counselling");
      expect(ids(d)).toContain("learning_from_experience_review");
    }
  });

  it("novice founders about to export: mentoring by experienced entrepreneurs", () => {
    const d = diagnose(known({ plans_to_export: "yes", entrepreneur_type: "novice" }));
    expect(ids(d)).toContain("novice_mentoring");
    const experienced = diagnose(
      known({
        plans_to_export: "yes",
        entrepreneur_type: "novice",
        founder_export_experience: "yes",
      }),
    );
    expect(ids(experienced)).not.toContain("novice_mentoring");
  });

  it("resource-poor firms: brokering links with larger firms; piggy-back when linked", () => {
    const poor = diagnose(known({ plans_to_export: "yes", barrier_resource: 5 }));
    expect(ids(poor)).toContain("large_firm_brokering");
    const linked = diagnose(
      known({ plans_to_export: "yes", barrier_resource: 5, large_firm_links: "yes" }),
    );
    expect(ids(linked)).toContain("piggyback_scheme");
  });

  it("dependence on a large partner: negotiation support", () => {
    expect(ids(diagnose(exporter({ partner_dependence: "yes" })))).toContain("negotiation_support");
    expect(ids(diagnose(exporter({ partner_dependence: "no" })))).not.toContain(
      "negotiation_support",
    );
  });

  it("experienced exporters with a low share: intensity growth support, gated by the parameter", () => {
    const low = diagnose(exporter({ export_share: 0.05 }));
    expect(ids(low)).toContain("intensity_growth_support");
    expect(rec(low, "intensity_growth_support")!.why.facts).toMatchObject({
      position: "experienced_exporter",
    });
    expect(ids(diagnose(exporter({ export_share: 0.4 })))).not.toContain(
      "intensity_growth_support",
    );
  });

  it("young high-tech firms: incubator support; not for established firms", () => {
    const spinout = exporter({
      founded: 2021,
      first_export_year: 2022,
      export_share: 0.5,
      export_markets: 4,
      tech_intensity: "high",
      sector: "knowledge_manufacturing",
      incubator: "yes",
    });
    const d = diagnose(spinout);
    expect(d.position.value).toBe("international_new_venture");
    expect(ids(d)).toContain("incubator_regional_support");
    expect(ids(d)).toContain("inv_accelerator");
    const old = diagnose({ ...spinout, founded: 1990 });
    expect(ids(old)).not.toContain("incubator_regional_support");
    expect(ids(old)).not.toContain("inv_accelerator");
  });

  it("each recommendation explains itself and says whom it is not for", () => {
    const d = diagnose(pastExporter({ plans_to_export: "no", barrier_resource: 4.5 }));
    expect(d.recommendations.length).toBeGreaterThan(0);
    for (const r of d.recommendations) {
      expect(r.why.matched.length).toBeGreaterThan(0);
      expect(Object.keys(r.why.facts).length).toBeGreaterThan(0);
      expect(r.why.citations.length).toBeGreaterThan(0);
      expect(r.why.perspectives.length).toBeGreaterThan(0);
      expect(r.addresses.market_failures.length).toBeGreaterThan(0);
      expect(r.not_for.length).toBeGreaterThan(0);
      expect(r.score).toBeCloseTo(r.fit * r.confidence, 12);
    }
    const scores = d.recommendations.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("unknowns that could rule an instrument out lower its confidence", () => {
    const base = known({ plans_to_export: "yes", entrepreneur_type: "novice" });
    const sure = rec(diagnose(base), "novice_mentoring")!;
    const unsure = rec(
      diagnose({ ...base, founder_export_experience: "unknown" }),
      "novice_mentoring",
    )!;
    expect(sure.confidence).toBe(1);
    expect(unsure.confidence).toBeCloseTo(0.8, 12);
    expect(unsure.score).toBeLessThan(sure.score);
  });
});
