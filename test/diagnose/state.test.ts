import { describe, expect, it } from "vitest";
import { classifyState, DEFAULT_PARAMS } from "../../src/diagnose/index.ts";
import type { Profile } from "../../src/firm/index.ts";
import { exporter, known, make, pastExporter } from "./fixtures/profiles.ts";

interface Case {
  name: string;
  input: Profile;
  state: string;
  confidence?: number;
  questions?: string[];
}

const CASES: Case[] = [
  { name: "never exported", input: known(), state: "never_exported", confidence: 1 },
  {
    name: "never exported, inferred from blanks",
    input: known({ export_share: null, export_markets: null, modes: null }),
    state: "never_exported",
    confidence: 0.8,
  },
  { name: "exporting without a gap", input: exporter(), state: "exporting", confidence: 1 },
  {
    name: "exporting again after a gap",
    input: exporter({ export_gap: "yes" }),
    state: "re_entered",
  },
  {
    name: "gap unknown lowers confidence",
    input: exporter({ export_gap: "unknown" }),
    state: "exporting",
    confidence: 0.8,
  },
  {
    name: "gap unknown in the first export year: no room for a gap",
    input: exporter({ export_gap: "unknown", first_export_year: 2024 }),
    state: "exporting",
    confidence: 1,
  },
  {
    name: "between foreign projects: suspended",
    input: pastExporter({ between_projects: "yes", sector: "business_services" }),
    state: "suspended",
  },
  // Crick (2004) as the review words it: disappointed = no plans to export again.
  {
    name: "past exporter without plans: disappointed",
    input: pastExporter({ plans_to_export: "no" }),
    state: "withdrawn_disappointed",
    confidence: 1,
  },
  // ... and disinterested = plans to export again.
  {
    name: "past exporter with plans: disinterested",
    input: pastExporter({ plans_to_export: "yes", between_projects: "no" }),
    state: "withdrawn_disinterested",
    confidence: 1,
  },
  {
    name: "business service with plans, projects unknown: suspended or withdrawn",
    input: pastExporter({
      plans_to_export: "yes",
      between_projects: "unknown",
      sector: "business_services",
    }),
    state: "undetermined",
    questions: ["between_projects"],
  },
  {
    name: "manufacturer with plans, projects unknown: disinterested, less sure",
    input: pastExporter({ plans_to_export: "yes", between_projects: "unknown" }),
    state: "withdrawn_disinterested",
    confidence: 0.8,
  },
  {
    name: "past exporter, plans unknown",
    input: pastExporter({ plans_to_export: "unknown", between_projects: "unknown" }),
    state: "undetermined",
    questions: ["plans_to_export", "between_projects"],
  },
  {
    name: "exports_now unknown, last export years ago: withdrawn inferred",
    input: pastExporter({ exports_now: "unknown", plans_to_export: "no" }),
    state: "withdrawn_disappointed",
    confidence: 0.8,
  },
  {
    name: "nothing known",
    input: make(),
    state: "undetermined",
    questions: ["exports_now", "last_export_year"],
  },
];

describe("classifyState", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = classifyState(c.input, DEFAULT_PARAMS);
      expect(r.value).toBe(c.state);
      if (c.confidence !== undefined) expect(r.confidence).toBeCloseTo(c.confidence, 10);
      if (c.questions !== undefined) expect(r.questions).toEqual(c.questions);
    });
  }
});
