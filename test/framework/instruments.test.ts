import { describe, expect, it } from "vitest";
import {
  BARRIER_FAMILIES,
  FIRM_TRAITS,
  INSTRUMENT_INFO,
  INSTRUMENTS,
  instrumentsOfTheme,
  MARKET_FAILURES,
  PERSPECTIVES,
  POLICY_THEMES,
  POSITIONS,
  STATES,
  WORKS,
} from "../../src/framework/index.ts";

describe("instruments", () => {
  it("has data for every instrument id", () => {
    expect(Object.keys(INSTRUMENT_INFO).sort()).toEqual([...INSTRUMENTS].sort());
    for (const id of INSTRUMENTS) expect(INSTRUMENT_INFO[id].id).toBe(id);
  });

  it("ties each instrument to valid themes, failures, barriers and perspectives", () => {
    for (const i of Object.values(INSTRUMENT_INFO)) {
      expect(POLICY_THEMES).toContain(i.policyTheme);
      expect(i.marketFailures.length, i.id).toBeGreaterThan(0);
      for (const m of i.marketFailures) expect(MARKET_FAILURES).toContain(m);
      expect(i.barriers.length, i.id).toBeGreaterThan(0);
      for (const b of i.barriers) expect(BARRIER_FAMILIES).toContain(b);
      expect(i.perspectives.length, i.id).toBeGreaterThan(0);
      for (const p of i.perspectives) expect(PERSPECTIVES).toContain(p);
      for (const t of i.requires) expect(FIRM_TRAITS).toContain(t);
    }
  });

  it("says whom each instrument suits and does not suit, with reasons and valid targets", () => {
    const valid = { position: POSITIONS, state: STATES, trait: FIRM_TRAITS } as const;
    for (const i of Object.values(INSTRUMENT_INFO)) {
      expect(i.suits.length, i.id).toBeGreaterThan(0);
      expect(i.doesNotSuit.length, i.id).toBeGreaterThan(0);
      const suitKeys = i.suits.map((f) => `${f.target.kind}:${f.target.id}`);
      for (const f of [...i.suits, ...i.doesNotSuit]) {
        expect(valid[f.target.kind] as readonly string[]).toContain(f.target.id);
        expect(f.reason.length, i.id).toBeGreaterThan(10);
      }
      for (const f of i.doesNotSuit)
        expect(suitKeys, `${i.id} both suits and does not suit`).not.toContain(
          `${f.target.kind}:${f.target.id}`,
        );
    }
  });

  it("follows the review's targeting for the key instruments", () => {
    const inv = INSTRUMENT_INFO.inv_accelerator;
    expect(inv.requires).toEqual(expect.arrayContaining(["tradable", "knowledge_intensive"]));
    expect(inv.doesNotSuit.map((f) => f.target.id)).toContain("non_tradable");
    const exit = INSTRUMENT_INFO.exit_reentry_counselling.suits.map((f) => f.target.id);
    expect(exit).toEqual(
      expect.arrayContaining(["withdrawn_disappointed", "withdrawn_disinterested"]),
    );
    expect(INSTRUMENT_INFO.novice_mentoring.suits.map((f) => f.target.id)).toContain(
      "novice_entrepreneur",
    );
    expect(INSTRUMENT_INFO.large_firm_brokering.suits.map((f) => f.target.id)).toContain(
      "resource_poor",
    );
    expect(INSTRUMENT_INFO.negotiation_support.suits.map((f) => f.target.id)).toContain(
      "partner_dependent",
    );
    expect(INSTRUMENT_INFO.incubator_regional_support.citations.map((c) => c.key)).toContain(
      "clarysse_2005",
    );
  });

  it("pairs instruments only with other known instruments", () => {
    for (const i of Object.values(INSTRUMENT_INFO))
      for (const other of i.pairsWith ?? []) {
        expect(INSTRUMENTS).toContain(other);
        expect(other).not.toBe(i.id);
      }
    expect(INSTRUMENT_INFO.large_firm_brokering.pairsWith).toContain("negotiation_support");
    expect(INSTRUMENT_INFO.incubator_regional_support.caveats?.join(" ")).toMatch(
      /high-technology centre/,
    );
  });

  it("covers every policy theme", () => {
    for (const t of POLICY_THEMES) expect(instrumentsOfTheme(t).length, t).toBeGreaterThan(0);
  });

  it("cites only registered works, at least one each", () => {
    for (const i of Object.values(INSTRUMENT_INFO)) {
      expect(i.citations.length, i.id).toBeGreaterThan(0);
      for (const c of i.citations) expect(WORKS[c.key]?.year).toBe(c.year);
    }
  });
});
