import { describe, expect, it } from "vitest";
import { classifyPosition, DEFAULT_PARAMS } from "../../src/diagnose/index.ts";
import type { Profile } from "../../src/firm/index.ts";
import { exporter, known, make, pastExporter } from "./fixtures/profiles.ts";

interface Case {
  name: string;
  input: Profile;
  position: string;
  /** Expected confidence; omitted when only "below 1" matters. */
  confidence?: number;
  questions?: string[];
}

// Rule cases as data: name, input, expected output.
const CASES: Case[] = [
  {
    name: "non-tradable offer",
    input: known({ tradable: "no" }),
    position: "non_tradable",
    confidence: 1,
  },
  {
    name: "non-tradable even when export status unknown",
    input: make({ tradable: "no" }),
    position: "non_tradable",
    confidence: 1,
  },
  { name: "tradable, no intention", input: known(), position: "domestic_by_choice", confidence: 1 },
  {
    name: "tradable, intends to export",
    input: known({ plans_to_export: "yes" }),
    position: "export_capable",
    confidence: 1,
  },
  {
    name: "intention unknown but able (own resources)",
    input: known({ plans_to_export: "unknown", barrier_resource: 2 }),
    position: "export_capable",
    confidence: 0.8,
  },
  {
    name: "intention unknown and unable",
    input: known({ plans_to_export: "unknown", barrier_resource: 5 }),
    position: "undetermined",
    questions: ["plans_to_export"],
  },
  {
    name: "tradability unknown, not exporting",
    input: known({ tradable: "unknown" }),
    position: "undetermined",
    questions: ["tradable", "exports_now"],
  },
  {
    name: "never exported recorded only by blanks lowers confidence",
    input: known({ export_share: null, export_markets: null, modes: null }),
    position: "domestic_by_choice",
    confidence: 0.8,
  },
  {
    name: "experienced exporter",
    input: exporter(),
    position: "experienced_exporter",
    confidence: 1,
  },
  {
    name: "first export last year",
    input: exporter({ first_export_year: 2023, export_markets: 1, export_share: 0.05 }),
    position: "inexperienced_exporter",
    confidence: 1,
  },
  {
    name: "experienced in years but a single market",
    input: exporter({ export_markets: 1 }),
    position: "inexperienced_exporter",
  },
  {
    name: "international new venture: early, intense, several markets",
    input: exporter({
      founded: 2020,
      first_export_year: 2021,
      export_share: 0.6,
      export_markets: 5,
    }),
    position: "international_new_venture",
    confidence: 1,
  },
  {
    name: "early but low share is not an INV",
    input: exporter({
      founded: 2020,
      first_export_year: 2021,
      export_share: 0.1,
      export_markets: 5,
    }),
    position: "inexperienced_exporter",
  },
  {
    name: "exporter of unknown experience",
    input: exporter({ first_export_year: null, founded: null }),
    position: "undetermined",
    questions: ["first_export_year", "export_markets", "exports_now"],
  },
  {
    name: "past exporter keeps its experience position",
    input: pastExporter(),
    position: "experienced_exporter",
  },
  {
    name: "export trace overrides tradable=no",
    input: exporter({ tradable: "no" }),
    position: "experienced_exporter",
  },
  {
    name: "exports_now unknown, last export this year: exporting inferred",
    input: exporter({ exports_now: "unknown" }),
    position: "experienced_exporter",
    confidence: 0.8,
  },
  {
    name: "everything unknown",
    input: make(),
    position: "undetermined",
    questions: ["tradable", "exports_now"],
  },
];

describe("classifyPosition", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = classifyPosition(c.input, DEFAULT_PARAMS);
      expect(r.value).toBe(c.position);
      if (c.confidence !== undefined) expect(r.confidence).toBeCloseTo(c.confidence, 10);
      if (r.value === "undetermined") {
        expect(r.confidence).toBe(0);
        expect(r.questions).toEqual(c.questions);
      } else {
        expect(r.questions).toEqual([]);
      }
    });
  }

  it("follows the INV parameters: a 3-year gap passes at 3 and fails at 2", () => {
    const p = exporter({
      founded: 2018,
      first_export_year: 2021,
      export_share: 0.5,
      export_markets: 4,
    });
    expect(classifyPosition(p, DEFAULT_PARAMS).value).toBe("international_new_venture");
    const strict = { ...DEFAULT_PARAMS, inv_max_years_to_first_export: 2 };
    expect(classifyPosition(p, strict).value).toBe("inexperienced_exporter");
  });

  it("follows experienced_min_years", () => {
    const p = exporter({ first_export_year: 2020 }); // 5 years counting 2020 and 2024
    expect(classifyPosition(p, DEFAULT_PARAMS).value).toBe("experienced_exporter");
    expect(classifyPosition(p, { ...DEFAULT_PARAMS, experienced_min_years: 6 }).value).toBe(
      "inexperienced_exporter",
    );
  });
});
