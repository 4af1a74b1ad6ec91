import { describe, expect, it } from "vitest";
import {
  emptyProfile,
  formatIssueOf,
  PROFILE_FIELDS,
  profileSchema,
  validateProfile,
} from "./helpers.ts";

const ok = (record: Record<string, unknown>) => {
  const r = validateProfile(record, { file: "t.csv", row: 1 });
  if (!r.ok) throw new Error(r.issues.map(formatIssueOf).join("\n"));
  return r.value;
};
const issues = (record: Record<string, unknown>, row = 4) => {
  const r = validateProfile(record, { file: "examples/x.csv", row });
  if (r.ok) throw new Error(`expected a rejection of ${JSON.stringify(record)}`);
  return r.issues;
};

describe("tri-state fields", () => {
  it.each([
    ["yes", "yes"],
    ["Yes", "yes"],
    [" TRUE ", "yes"],
    ["1", "yes"],
    [true, "yes"],
    [1, "yes"],
    ["no", "no"],
    ["False", "no"],
    ["0", "no"],
    [false, "no"],
    [0, "no"],
    ["", "unknown"],
    ["Unknown", "unknown"],
    [null, "unknown"],
    [undefined, "unknown"],
  ])("reads %j as %s", (cell, expected) => {
    expect(ok({ id: "a", cluster: cell }).cluster).toBe(expected);
  });
  it("keeps unknown as unknown, never no", () => {
    const p = ok({ id: "a" });
    for (const f of PROFILE_FIELDS.filter((f) => f.kind === "tri")) {
      expect((p as unknown as Record<string, unknown>)[f.name]).toBe("unknown");
    }
  });
  it("rejects other words with the accepted spellings", () => {
    const [issue] = issues({ id: "a", tradable: "maybe" });
    expect(issue).toMatchObject({
      field: "tradable",
      code: "invalid_enum",
      value: "maybe",
      row: 4,
    });
    expect(issue.message).toContain("yes | no | unknown");
  });
});

describe("numeric fields", () => {
  it("reads empty as null, never 0", () => {
    const p = ok({ id: "a", employees: "", export_share: " ", founded: null });
    expect(p.employees).toBeNull();
    expect(p.export_share).toBeNull();
    expect(p.founded).toBeNull();
    expect(p.weight).toBeNull();
  });
  it("reads numbers from strings and JSON numbers", () => {
    const p = ok({
      id: "a",
      employees: "12",
      export_share: 0.25,
      founded: " 1999 ",
      weight: "2.5",
    });
    expect([p.employees, p.export_share, p.founded, p.weight]).toEqual([12, 0.25, 1999, 2.5]);
  });
  it.each([
    ["founded", "1799", "out_of_range"],
    ["assessed", "2101", "out_of_range"],
    ["founded", "1990.5", "out_of_range"],
    ["export_share", "1.2", "out_of_range"],
    ["export_share", "-0.1", "out_of_range"],
    ["employees", "-1", "out_of_range"],
    ["employees", "3.5", "out_of_range"],
    ["export_markets", "two", "invalid_number"],
    ["barrier_resource", "6", "out_of_range"],
    ["barrier_resource", "0", "out_of_range"],
    ["sunk_cost_concern", "2.5", "out_of_range"],
    ["weight", "0", "out_of_range"],
    ["employees", "0x10", "invalid_number"],
    ["employees", "Infinity", "invalid_number"],
  ])("rejects %s = %s", (field, cell, code) => {
    const [issue] = issues({ id: "a", [field]: cell });
    expect(issue).toMatchObject({ field, code, value: cell });
    expect(issue.message).toBe(`got "${cell}", expected ${issue.expected}`);
  });
  it("keeps a barrier family score as given (no roll-up here)", () => {
    expect(ok({ id: "a", barrier_strategic: "3.5" }).barrier_strategic).toBe(3.5);
  });
});

describe("enum fields", () => {
  it("is case-insensitive and reads empty as null", () => {
    const p = ok({
      id: "a",
      sector: "Business_Services",
      location: "",
      home_economy: " SMALL_OPEN",
    });
    expect([p.sector, p.location, p.home_economy]).toEqual([
      "business_services",
      null,
      "small_open",
    ]);
  });
  it("names file, row, field, value and the allowed values", () => {
    const [issue] = issues({ id: "a", sector: "bakery" });
    expect(formatIssueOf(issue)).toBe(
      'examples/x.csv:row 4: sector: got "bakery", expected one of knowledge_manufacturing | traditional_manufacturing | business_services | consumer_services | other',
    );
  });
});

describe("modes", () => {
  it("reads a semicolon list, none as [] and empty as unknown (null)", () => {
    expect(ok({ id: "a", modes: "direct_export; Licensing" }).modes).toEqual([
      "direct_export",
      "licensing",
    ]);
    expect(ok({ id: "a", modes: "none" }).modes).toEqual([]);
    expect(ok({ id: "a", modes: "" }).modes).toBeNull();
    expect(ok({ id: "a", modes: ["joint_venture"] }).modes).toEqual(["joint_venture"]);
  });
  it("rejects an unknown mode once, naming the whole cell", () => {
    const found = issues({ id: "a", modes: "export;fdi" });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field: "modes", value: "export;fdi", code: "invalid_enum" });
  });
});

describe("id and text", () => {
  it("requires a non-empty id", () => {
    expect(issues({ id: " " })[0]).toMatchObject({ field: "id", code: "missing_value" });
    expect(issues({ sector: "other" })[0]).toMatchObject({ field: "id", code: "missing_value" });
    expect(ok({ id: 42 }).id).toBe("42");
  });
  it("reads an empty description as null", () => {
    expect(ok({ id: "a", description: "" }).description).toBeNull();
    expect(ok({ id: "a", description: " bakery " }).description).toBe("bakery");
  });
});

describe("barrier items", () => {
  it("collects barrier_<family>_<k> columns in column order, keeping unknown answers", () => {
    const p = ok({
      id: "a",
      barrier_resource_2: "4",
      barrier_resource_1: "2",
      barrier_attitudinal_1: "",
      barrier_attitudinal_2: "5",
      barrier_resource: "3",
    });
    expect(p.barrier_items).toEqual({
      attitudinal: [null, 5],
      resource: [4, 2],
      operational: [],
      strategic: [],
    });
    expect(p.barrier_resource).toBe(3);
  });
  it("names the item column of a bad answer", () => {
    const found = issues({ id: "a", barrier_operational_1: "2", barrier_operational_2: "9" });
    expect(found).toEqual([
      expect.objectContaining({ field: "barrier_operational_2", value: "9", code: "out_of_range" }),
    ]);
  });
});

describe("cross-field consistency", () => {
  it.each([
    [{ founded: "2010", assessed: "2005" }, "founded"],
    [{ founded: "2010", first_export_year: "2005" }, "first_export_year"],
    [{ first_export_year: "2010", last_export_year: "2005" }, "last_export_year"],
    [{ assessed: "2010", last_export_year: "2015" }, "last_export_year"],
    [{ exports_now: "yes", export_share: "0" }, "export_share"],
    [{ exports_now: "yes", export_markets: "0" }, "export_markets"],
    [{ exports_now: "yes", modes: "none" }, "modes"],
    [{ exports_now: "yes", tradable: "no" }, "tradable"],
    [{ exports_now: "yes", between_projects: "yes" }, "between_projects"],
    [{ exports_now: "no", export_gap: "yes" }, "export_gap"],
  ])("rejects %j on %s", (fields, field) => {
    const found = issues({ id: "a", ...fields });
    expect(found).toEqual([expect.objectContaining({ field, code: "inconsistent", row: 4 })]);
    expect(found[0].message).toMatch(/^got .+, expected .+/);
  });
  it("says why: exports_now=yes with export_share=0", () => {
    const [issue] = issues({ id: "a", exports_now: "yes", export_share: "0" });
    expect(issue.message).toBe("got 0, expected a share above 0, because exports_now=yes");
  });
  it("lets unknowns pass: nothing contradicts an unknown", () => {
    expect(ok({ id: "a", exports_now: "", export_share: "0", modes: "none" }).exports_now).toBe(
      "unknown",
    );
  });
});

describe("nested JSON", () => {
  it("normalizes to the same profile as the flat form", () => {
    const nested = ok({
      id: "n",
      barriers: { attitudinal: 3, resource: { score: 4, items: [4, 5] }, strategic: [2, 3] },
      entrepreneur: { type: "portfolio", export_experience: "yes", same_industry: false },
      exports: { now: "yes", share: 0.4, markets: 3, first_year: 2001, plans: "yes" },
      network: { client_pull: "yes" },
    });
    const flat = ok({
      id: "n",
      barrier_attitudinal: 3,
      barrier_resource: 4,
      barrier_resource_1: 4,
      barrier_resource_2: 5,
      barrier_strategic_1: 2,
      barrier_strategic_2: 3,
      entrepreneur_type: "portfolio",
      founder_export_experience: "yes",
      founder_same_industry: "no",
      exports_now: "yes",
      export_share: "0.4",
      export_markets: "3",
      first_export_year: "2001",
      plans_to_export: "yes",
      client_pull: "yes",
    });
    expect(nested).toEqual(flat);
  });
  it("rejects a nested value under its flat field name", () => {
    const [issue] = issues({ id: "n", entrepreneur: { type: "lone wolf" } });
    expect(issue).toMatchObject({ field: "entrepreneur_type", value: "lone wolf" });
  });
  it("rejects a non-object record", () => {
    const r = validateProfile(7 as unknown as Record<string, unknown>, { row: 2 });
    expect(r.ok).toBe(false);
  });
});

describe("profile catalogue", () => {
  it("lists every Profile field once, in the Profile's order", () => {
    expect(PROFILE_FIELDS.map((f) => f.name)).toEqual(Object.keys(emptyProfile("x")));
  });
  it("documents each field with a description, question and expectation", () => {
    for (const f of PROFILE_FIELDS) {
      expect(f.description.length, f.name).toBeGreaterThan(10);
      expect(f.question.endsWith("?"), f.name).toBe(true);
      expect(f.expected.length, f.name).toBeGreaterThan(3);
      if (f.kind === "tri" || f.kind === "enum" || f.kind === "modes") {
        expect(f.values?.length, f.name).toBeGreaterThan(1);
      }
    }
  });
  it("emptyProfile validates to itself through the schema", () => {
    const empty = emptyProfile("e");
    const parsed = profileSchema.safeParse(empty);
    expect(parsed.success && parsed.data).toEqual(empty);
  });
});
