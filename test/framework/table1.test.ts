import { describe, expect, it } from "vitest";
import {
  CONDITION_IDS,
  CONDITIONS,
  cell,
  cellAnswer,
  column,
  PERSPECTIVES,
  PROPOSITIONS,
  row,
  TABLE1,
  WORKS,
} from "../../src/framework/index.ts";

describe("Table 1", () => {
  it("has each of the 30 proposition x perspective cells exactly once", () => {
    expect(TABLE1).toHaveLength(30);
    const keys = TABLE1.map((c) => `${c.proposition}/${c.perspective}`);
    expect(new Set(keys).size).toBe(30);
    for (const p of PROPOSITIONS) for (const q of PERSPECTIVES) expect(keys).toContain(`${p}/${q}`);
  });

  it("keeps exactly the two cells the review leaves blank empty", () => {
    const empty = TABLE1.filter((c) => c.prediction.kind === "empty").map(
      (c) => `${c.proposition}/${c.perspective}`,
    );
    expect(empty.sort()).toEqual(["P4/internalization", "P5/stage"]);
    expect(cellAnswer(cell("P4", "internalization"), "yes")).toBeNull();
  });

  it("answers P1 the way the review does for stage and learning theory", () => {
    expect(cell("P1", "stage").prediction.kind).toBe("no");
    expect(cell("P1", "learning").prediction.kind).toBe("yes");
    expect(cell("P1", "resource_network").prediction.kind).toBe("possibly");
  });

  it("names the unit of analysis row as the review does", () => {
    const units = row("P6").map((c) => (c.prediction.kind === "unit" ? c.prediction.units : null));
    expect(units).toEqual([
      ["firm"],
      ["firm", "transaction"],
      ["firm"],
      ["firm", "entrepreneur"],
      ["firm", "entrepreneur", "network"],
    ]);
  });

  it("gives a condition to exactly the cells whose answer hinges on one", () => {
    for (const c of TABLE1) {
      const p = c.prediction;
      const conditional =
        p.kind === "possibly" ||
        p.kind === "depends" ||
        (p.kind === "pattern" && p.whenHolds !== undefined);
      if (conditional) expect(c.condition, `${c.proposition}/${c.perspective}`).toBeDefined();
      if (p.kind === "yes" || p.kind === "no" || p.kind === "unit" || p.kind === "empty")
        expect(c.condition, `${c.proposition}/${c.perspective}`).toBeUndefined();
      if (p.kind === "pattern")
        expect(p.whenHolds === undefined, "whenHolds and whenNot come together").toBe(
          p.whenNot === undefined,
        );
    }
  });

  it("explains its own yes/no reading only where a cell hinges on a condition", () => {
    for (const c of TABLE1)
      if (c.reading !== undefined)
        expect(c.condition, `${c.proposition}/${c.perspective}`).toBeDefined();
    expect(TABLE1.filter((c) => c.reading).length).toBeGreaterThan(3);
  });

  it("resolves a depends cell from whether its condition holds, keeping unknown unknown", () => {
    const c = cell("P3", "resource_network");
    expect(c.condition).toBe("resource_access_required");
    expect(cellAnswer(c, "yes")).toBe("yes");
    expect(cellAnswer(c, "no")).toBe("no");
    expect(cellAnswer(c, "unknown")).toBe("unknown");
    // Rising transaction costs push a firm out under the internalization view.
    expect(cellAnswer(cell("P2", "internalization"), "yes")).toBe("no");
    expect(cellAnswer(cell("P2", "stage"), "unknown")).toBe("yes");
  });

  it("documents every condition used, with at least one resolving field", () => {
    const used = TABLE1.flatMap((c) => [...(c.condition ? [c.condition] : []), ...c.moderators]);
    for (const id of used) expect(CONDITION_IDS).toContain(id);
    for (const id of CONDITION_IDS) {
      expect(CONDITIONS[id].resolvedBy.length, id).toBeGreaterThan(0);
      expect(CONDITIONS[id].holds.length, id).toBeGreaterThan(20);
    }
  });

  it("cites registered works in every non-empty cell", () => {
    for (const c of TABLE1) {
      if (c.prediction.kind === "empty") {
        expect(c.citations, "a blank cell claims nothing").toEqual([]);
        continue;
      }
      expect(c.citations.length, `${c.proposition}/${c.perspective}`).toBeGreaterThan(0);
      for (const cit of c.citations) {
        const w = WORKS[cit.key];
        expect(w, cit.key).toBeDefined();
        expect([cit.author, cit.year, cit.suffix]).toEqual([w.author, w.year, w.suffix]);
      }
    }
  });

  it("lists rows and columns in vocabulary order", () => {
    expect(row("P3").map((c) => c.perspective)).toEqual([...PERSPECTIVES]);
    expect(column("learning").map((c) => c.proposition)).toEqual([...PROPOSITIONS]);
    expect(column("learning").every((c) => c.perspective === "learning")).toBe(true);
  });
});
