import { describe, expect, it } from "vitest";
import {
  type Citation,
  cite,
  FRAMEWORK_VERSION,
  formatCitation,
  WORK_KEYS,
  WORKS,
} from "../../src/framework/index.ts";
import { ALL_DATA, citedItems } from "./data.ts";

describe("citations", () => {
  it("registers each work once, with its author and year", () => {
    const labels = WORK_KEYS.map((k) => formatCitation(cite(k)[0]));
    expect(new Set(labels).size).toBe(WORK_KEYS.length);
    expect(labels).toEqual(expect.arrayContaining(["Crick 2004", "Westhead et al. 2004a"]));
    for (const k of WORK_KEYS) expect(WORKS[k].key).toBe(k);
  });

  it("gives every claim at least one citation that is in the registry", () => {
    const items = citedItems(ALL_DATA);
    expect(items.length).toBeGreaterThan(80);
    for (const { path, item } of items) {
      const cs = item.citations as Citation[];
      const blank = (item as { prediction?: { kind: string } }).prediction?.kind === "empty";
      if (blank) continue; // the two blank Table 1 cells claim nothing; table1.test checks them
      expect(cs.length, path).toBeGreaterThan(0);
      for (const c of cs) {
        const w = WORKS[c.key];
        expect(w, `${path}: ${c.key}`).toBeDefined();
        expect(formatCitation(c)).toBe(formatCitation(cite(c.key)[0]));
      }
    }
  });

  it("has a framework version", () => {
    expect(FRAMEWORK_VERSION).toMatch(/^\d{4}\.\d+\.\d+$/);
  });
});
