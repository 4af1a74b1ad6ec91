import { beforeAll, describe, expect, it } from "vitest";
import { POSITIONS, STATES } from "../../src/framework/vocabulary.ts";
import { type SimulationReport, summarize } from "../../src/simulate/index.ts";
import { grantRun } from "./helpers.ts";

let report: SimulationReport;
beforeAll(async () => {
  report = summarize(await grantRun({ firms: 3000, years: 4, replications: 2, seed: 9 }));
});

describe("a scenario's yearly series by position and by state", () => {
  it("has one series per position and per state, and the groups split every count", () => {
    for (const sc of report.scenarios) {
      expect(sc.by_segment.map((g) => g.segment)).toEqual([...POSITIONS]);
      expect(sc.by_state.map((g) => g.state)).toEqual([...STATES]);
      for (const [t, y] of sc.years.entries()) {
        for (const m of ["firms", "exporters", "entries", "exits", "re_entries", "take_up"]) {
          const bySegment = sc.by_segment.reduce((s, g) => s + g.years[t].values[m], 0);
          const byState = sc.by_state.reduce((s, g) => s + g.years[t].values[m], 0);
          expect(bySegment, `${sc.id} ${y.year} ${m} by position`).toBe(y.values[m]);
          expect(byState, `${sc.id} ${y.year} ${m} by state`).toBe(y.values[m]);
        }
        // Money is a float sum: the groups split it up to rounding.
        const spend = sc.by_segment.reduce((s, g) => s + g.years[t].values.spend, 0);
        expect(spend).toBeCloseTo(y.values.spend, 6);
      }
    }
  });

  it("segments firms by the baseline's position before the year's decisions", () => {
    // A first export comes from a firm that began the year not exporting: export-capable or
    // domestic by choice. Split by the position after the decision, every entry of an
    // incumbent would land in an exporting segment and these two would show none.
    const base = report.scenarios[0];
    const entries = (segment: string) =>
      base.by_segment
        .find((g) => g.segment === segment)!
        .years.reduce((s, y) => s + y.values.entries, 0);
    expect(entries("export_capable") + entries("domestic_by_choice")).toBeGreaterThan(0);
    // An experienced exporter has exported: it can re-enter, never enter for the first time.
    expect(entries("experienced_exporter")).toBe(0);
  });

  it("records the programmes' spend on the firms they support, and none without programmes", () => {
    for (const y of report.scenarios[0].years) expect(y.values.spend).toBe(0);
    const total = report.scenarios[1].years.reduce((s, y) => s + y.values.spend, 0);
    expect(total).toBeGreaterThan(0);
  });

  it("counts weighted exporters as exporters when every firm weighs 1 (synthetic firms)", () => {
    for (const sc of report.scenarios) {
      for (const y of sc.years) expect(y.values.weighted_exporters).toBe(y.values.exporters);
    }
  });

  it("puts exporters only in exporting states", () => {
    const sc = report.scenarios[1];
    for (const g of sc.by_state) {
      const exporting = g.state === "exporting" || g.state === "re_entered";
      for (const y of g.years) {
        if (exporting) expect(y.values.exporter_share).toBe(1);
        else expect(y.values.exporters).toBe(0);
      }
    }
  });
});
