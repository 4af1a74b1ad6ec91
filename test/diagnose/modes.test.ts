import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/diagnose/index.ts";
import type { Profile } from "../../src/firm/index.ts";
import type { EntryMode } from "../../src/framework/index.ts";
import { exporter, known } from "./fixtures/profiles.ts";

const verdict = (p: Profile, mode: EntryMode) =>
  diagnose(p).modes.modes.find((m) => m.mode === mode)!;

describe("entry-mode guidance", () => {
  it("fungible resources favour low resource-access modes such as exporting", () => {
    const m = verdict(exporter({ resources_fungible: "yes" }), "direct_export");
    expect(m.verdict).toBe("suits");
    expect(m.reasons.map((r) => r.id)).toContain("fungible_resources_exploit");
  });

  it("location-specific resources favour high resource-access modes", () => {
    const p = exporter({
      resources_fungible: "no",
      tech_intensity: "high",
      sector: "knowledge_manufacturing",
    });
    expect(verdict(p, "acquisition").verdict).toBe("suits");
    expect(verdict(p, "direct_export").verdict).toBe("possible");
  });

  it("FDI is not suited outside the small knowledge-based subset", () => {
    const p = exporter({ tech_intensity: "low", sector: "traditional_manufacturing" });
    const g = verdict(p, "greenfield_fdi");
    expect(g.verdict).toBe("not_suited");
    expect(g.reasons.map((r) => r.reference.author)).toContain("EIM");
  });

  it("control preference makes shared-control modes a caution, naming the trade-off", () => {
    const m = verdict(exporter({ prefers_control: "yes" }), "joint_venture");
    expect(m.verdict).not.toBe("suits");
    const r = m.reasons.find((x) => x.id === "control_preference")!;
    expect(r.effect).toBe("caution");
    expect(r.text).toMatch(/control/);
    expect(
      verdict(exporter({ prefers_control: "no" }), "alliance").reasons.map((x) => x.id),
    ).not.toContain("control_preference");
  });

  it("links with larger firms open the piggy-back route", () => {
    const m = verdict(
      known({ plans_to_export: "yes", large_firm_links: "yes" }),
      "indirect_export",
    );
    expect(m.verdict).toBe("suits");
    expect(m.reasons.map((r) => r.id)).toContain("piggy_back_on_larger_firm");
  });

  it("business services get the transaction-cost caution note", () => {
    const d = diagnose(exporter({ sector: "business_services" }));
    expect(d.modes.notes.map((n) => n.id)).toContain("business_services_transaction_costs");
    const m = diagnose(exporter()).modes.notes.map((n) => n.id);
    expect(m).not.toContain("business_services_transaction_costs");
  });

  it("no mode suits a non-tradable offer", () => {
    const d = diagnose(known({ tradable: "no" }));
    expect(d.modes.modes.every((m) => m.verdict === "not_suited" || m.verdict === "caution")).toBe(
      true,
    );
  });

  it("confidence falls with unknown inputs", () => {
    const full = diagnose(exporter()).modes.confidence;
    const partial = diagnose(exporter({ prefers_control: "unknown", sector: null })).modes
      .confidence;
    expect(full).toBe(1);
    expect(partial).toBeLessThan(full);
  });
});
