import { describe, expect, it } from "vitest";
import {
  BARRIER_FAMILIES,
  BARRIER_INFO,
  cell,
  ENTRY_MODES,
  MARKET_FAILURE_INFO,
  MARKET_FAILURES,
  MODE_INFO,
  PERSPECTIVE_INFO,
  PERSPECTIVES,
  POLICY_THEME_INFO,
  POLICY_THEMES,
  POSITION_INFO,
  POSITIONS,
  PROPOSITION_INFO,
  PROPOSITIONS,
  STATE_INFO,
  STATES,
  THEME_INFO,
  THEMES,
} from "../../src/framework/index.ts";

describe("definitions", () => {
  it("describes every id of each vocabulary", () => {
    const pairs: Array<[readonly string[], Record<string, { id: string }>]> = [
      [PERSPECTIVES, PERSPECTIVE_INFO],
      [PROPOSITIONS, PROPOSITION_INFO],
      [THEMES, THEME_INFO],
      [POSITIONS, POSITION_INFO],
      [STATES, STATE_INFO],
      [BARRIER_FAMILIES, BARRIER_INFO],
      [MARKET_FAILURES, MARKET_FAILURE_INFO],
      [ENTRY_MODES, MODE_INFO],
      [POLICY_THEMES, POLICY_THEME_INFO],
    ];
    for (const [ids, info] of pairs) {
      expect(Object.keys(info).sort()).toEqual([...ids].sort());
      for (const id of ids) expect(info[id].id).toBe(id);
    }
  });

  it("splits the perspectives into the review's two families, learning tied to new ventures", () => {
    const fam = (f: string) => PERSPECTIVES.filter((p) => PERSPECTIVE_INFO[p].family === f);
    expect(fam("traditional")).toEqual(["stage", "internalization"]);
    expect(fam("international_entrepreneurship")).toEqual([
      "strategic_choice",
      "learning",
      "resource_network",
    ]);
    expect(PERSPECTIVES.filter((p) => PERSPECTIVE_INFO[p].linkedToInv)).toEqual(["learning"]);
  });

  it("maps each proposition to the theme of the same number", () => {
    PROPOSITIONS.forEach((p, i) => {
      expect(PROPOSITION_INFO[p].number).toBe(i + 1);
      expect(THEME_INFO[PROPOSITION_INFO[p].theme].number).toBe(i + 1);
    });
  });

  it("ranks spectrum positions in vocabulary order", () => {
    expect(POSITIONS.map((p) => POSITION_INFO[p].rank)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("follows the review (Crick 2004): disappointed firms do not plan to export again, disinterested ones do", () => {
    expect(STATE_INFO.withdrawn_disappointed.definition).toMatch(/no plan to export again/);
    expect(STATE_INFO.withdrawn_disinterested.definition).toMatch(/plans to export again/);
    expect(STATE_INFO.withdrawn_disinterested.definition).not.toMatch(/no plan/);
    for (const s of ["withdrawn_disappointed", "withdrawn_disinterested"] as const)
      expect(STATE_INFO[s].citations.map((c) => c.key)).toEqual(["crick_2004"]);
  });

  it("rates entry modes as the review does", () => {
    expect(ENTRY_MODES.filter((m) => MODE_INFO[m].doubleLayeredBasis === "named").sort()).toEqual([
      "acquisition",
      "alliance",
      "licensing",
    ]);
    expect(MODE_INFO.direct_export.control).toBe("low");
    expect(MODE_INFO.licensing.control).toBe("low");
    expect(MODE_INFO.acquisition.control).toBe("high");
    expect(MODE_INFO.joint_venture.control).toBe("medium");
    expect(MODE_INFO.greenfield_fdi.resourceCharacter).toBe("access");
    expect(MODE_INFO.direct_export.resourceCharacter).toBe("exploit");
    for (const m of ENTRY_MODES) {
      const info = MODE_INFO[m];
      expect(info.doubleLayered, m).toBe(info.doubleLayeredBasis !== undefined);
    }
    // Table 1's P5 cell under internalization is the source of "middle range" for joint ventures.
    expect(cell("P5", "internalization").prediction).toMatchObject({
      pattern: "middle_range_control",
    });
  });

  it("gives each barrier family examples", () => {
    for (const b of BARRIER_FAMILIES) expect(BARRIER_INFO[b].examples.length).toBeGreaterThan(1);
  });
});
