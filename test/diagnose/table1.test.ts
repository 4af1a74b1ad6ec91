import { describe, expect, it } from "vitest";
import { type Diagnosis, diagnose } from "../../src/diagnose/index.ts";
import type { Perspective, Proposition } from "../../src/framework/index.ts";
import { exporter, known, pastExporter } from "./fixtures/profiles.ts";

const cell = (d: Diagnosis, p: Proposition, per: Perspective) =>
  d.table1.find((r) => r.proposition === p)!.cells.find((c) => c.perspective === per)!;
const row = (d: Diagnosis, p: Proposition) => d.table1.find((r) => r.proposition === p)!;

const inv = exporter({
  founded: 2021,
  first_export_year: 2022,
  export_share: 0.6,
  export_markets: 5,
  tech_intensity: "high",
});

describe("Table 1 read for one firm", () => {
  it("has six propositions of five cells each", () => {
    const d = diagnose(known());
    expect(d.table1.map((r) => r.proposition)).toEqual(["P1", "P2", "P3", "P4", "P5", "P6"]);
    for (const r of d.table1) expect(r.cells).toHaveLength(5);
  });

  it("an INV contradicts stage theory on P1, and the conflict is visible", () => {
    const d = diagnose(inv);
    const p1 = row(d, "P1");
    expect(p1.observed).toBe("yes");
    expect(p1.says_no).toContain("stage");
    expect(p1.says_yes).toContain("learning");
    expect(p1.conflict).toBe(true);
    expect(p1.contradicted).toContain("stage");
    expect(cell(d, "P1", "stage").against_firm).toBe("contradicted");
    expect(cell(d, "P1", "learning").against_firm).toBe("consistent");
  });

  it("resolves P1 resource_network from resources and links", () => {
    const rich = cell(diagnose(known({ barrier_resource: 1 })), "P1", "resource_network");
    expect(rich.holds).toBe("yes");
    expect(rich.answer).toBe("yes");
    const linked = cell(
      diagnose(known({ barrier_resource: 5, large_firm_links: "yes" })),
      "P1",
      "resource_network",
    );
    expect(linked.answer).toBe("yes");
    const none = cell(diagnose(known({ barrier_resource: 5 })), "P1", "resource_network");
    expect(none.answer).toBe("no");
  });

  it("an unresolved cell lists the fields that would resolve it", () => {
    const d = diagnose(
      known({
        barrier_resource: null,
        large_firm_links: "unknown",
        cluster: "unknown",
        incubator: "no",
        client_pull: "no",
      }),
    );
    const c = cell(d, "P1", "resource_network");
    expect(c.answer).toBe("unknown");
    expect(c.missing).toEqual(
      expect.arrayContaining(["barrier_resource", "large_firm_links", "cluster"]),
    );
    expect(c.missing).not.toContain("incubator");
    expect(row(d, "P1").unresolved).toContain("resource_network");
  });

  it("empty cells stay empty", () => {
    const d = diagnose(inv);
    expect(cell(d, "P4", "internalization").kind).toBe("empty");
    expect(cell(d, "P4", "internalization").answer).toBeNull();
    expect(row(d, "P5").empty).toEqual(["stage"]);
  });

  it("a withdrawn firm contradicts the unilinear stage view on P2", () => {
    const d = diagnose(pastExporter({ plans_to_export: "no" }));
    const p2 = row(d, "P2");
    expect(p2.observed).toBe("no");
    expect(p2.contradicted).toContain("stage");
  });
});
