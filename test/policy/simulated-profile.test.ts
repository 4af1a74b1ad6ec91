import { beforeAll, describe, expect, it } from "vitest";
import { classifyPosition, DEFAULT_PARAMS } from "../../src/diagnose/index.ts";
import { type Profile, validateProfile } from "../../src/firm/index.ts";
import {
  type InstrumentSpec,
  type ProgrammeSystem,
  profileReader,
  profileView,
  programmeHooks,
  type Rule,
  ruleTruth,
  scratchProfile,
  TRUE,
} from "../../src/policy/index.ts";
import {
  allocateEffects,
  allocateScenario,
  counterRng,
  defaultParams,
  type Population,
  simulateBlocks,
  toProfile,
} from "../../src/simulate/index.ts";

const YEAR = 2027;
let pop: Population;

beforeAll(() => {
  // Firms with every kind of export record: a burn-in, then three simulated years.
  const n = 3000;
  const s = [allocateScenario(n, [])];
  const plan = {
    firms: n,
    years: 3,
    startYear: YEAR - 2,
    burnIn: 10,
    blockSize: 1000,
    seed: 5,
    params: defaultParams(),
  };
  simulateBlocks(plan, 0, [0, 1, 2], s, null);
  pop = s[0].pop;
});

describe("the profile of a simulated firm", () => {
  it("is the same whether one profile is reused for every firm or each gets a fresh one", () => {
    const reused = scratchProfile();
    for (let i = 0; i < pop.n; i++) {
      expect(profileView(pop, i, YEAR, reused)).toEqual(
        profileView(pop, i, YEAR, scratchProfile()),
      );
    }
  });

  it("is written to a register as eligibility reads it, only rounded and named", () => {
    const exact = scratchProfile();
    const unit: Record<string, number> = {
      employees: 1,
      export_share: 1e-4,
      barrier_attitudinal: 0.01,
      barrier_resource: 0.01,
      barrier_operational: 0.01,
      barrier_strategic: 0.01,
    };
    for (let i = 0; i < pop.n; i++) {
      profileView(pop, i, YEAR, exact);
      const written = toProfile(pop, i, YEAR);
      expect(written.id).toBe(String(pop.firmId[i]));
      expect(Number.isInteger(written.employees)).toBe(true);
      for (const [field, step] of Object.entries(unit)) {
        const a = written[field as keyof Profile] as number;
        const b = exact[field as keyof Profile] as number;
        expect(Math.abs(a - b)).toBeLessThanOrEqual(step / 2 + 1e-9);
      }
      // Every other field is the same answer, bit for bit.
      const same = (p: Profile) => {
        const rest: Record<string, unknown> = { ...p, id: null };
        for (const field of Object.keys(unit)) delete rest[field];
        return rest;
      };
      expect(same(written)).toEqual(same(exact));
    }
  });

  it("says exporters plan to export, and leaves modes unknown once a firm has exported", () => {
    const p = scratchProfile();
    const seen = { exporting: 0, pastPlans: 0, pastNoPlans: 0, never: 0 };
    for (let i = 0; i < pop.n; i++) {
      profileView(pop, i, YEAR, p);
      if (pop.exporting[i] === 1) {
        seen.exporting++;
        expect(p.plans_to_export).toBe("yes");
      } else if (pop.everExported[i] === 1) {
        const plans = pop.plansToExport[i] === 1 ? "yes" : "no";
        seen[plans === "yes" ? "pastPlans" : "pastNoPlans"]++;
        expect(p.plans_to_export).toBe(plans);
      }
      if (pop.everExported[i] === 1) expect(p.modes).toBeNull();
      else {
        seen.never++;
        // No intention is simulated before a first export: unknown, not a silent "no".
        expect(p.plans_to_export).toBe("unknown");
        expect(p.modes).toEqual([]);
        expect(p.first_export_year).toBeNull();
      }
    }
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0);
  });

  it("lets the adviser diagnostic find export-capable firms among those that never exported", () => {
    const p = scratchProfile();
    const found: Record<string, number> = {};
    for (let i = 0; i < pop.n; i++) {
      if (pop.alive[i] !== 1 || pop.everExported[i] === 1 || pop.tradable[i] !== 1) continue;
      const position = classifyPosition(profileView(pop, i, YEAR, p), DEFAULT_PARAMS).value;
      found[position] = (found[position] ?? 0) + 1;
    }
    expect(found.export_capable).toBeGreaterThan(0);
    expect(found.domestic_by_choice ?? 0).toBe(0);
  });

  it("passes the firm schema when written for a register", () => {
    for (let i = 0; i < pop.n; i++) {
      const checked = validateProfile(
        toProfile(pop, i, YEAR) as unknown as Record<string, unknown>,
      );
      if (!checked.ok) throw new Error(JSON.stringify(checked.issues.slice(0, 3)));
    }
  });
});

describe("the plans_to_export rule column", () => {
  const instrument: InstrumentSpec = {
    id: "i",
    instrument: "export_readiness_grant",
    eligibility: { field: "plans_to_export", eq: "yes" },
    take_up: 1,
    cost_per_firm: 10,
    budget_per_year: null,
    rationing: { rule: "random" },
    years: null,
    once_per_firm: false,
    effects: [{ kind: "sunk_cost_offset", size: 1, duration: 1 }],
  };
  const system: ProgrammeSystem = {
    currency: "EUR",
    programmes: [
      {
        id: "p",
        title: "P",
        description: "",
        years: { from: null, to: null },
        instruments: [instrument],
      },
    ],
  };

  it("selects exactly the firms whose profile says they plan to export", () => {
    const [hook] = programmeHooks(system);
    const recipients = new Uint8Array(pop.capacity);
    const ctx = {
      year: YEAR,
      yearIndex: 0,
      start: 0,
      end: pop.n,
      budgetShare: 1,
      rangeWeight: pop.n,
      rng: counterRng(1, 0),
    };
    hook.beforeDecision(ctx, pop, allocateEffects(pop.capacity), recipients);
    const profile = scratchProfile();
    let exporters = 0;
    for (let i = 0; i < pop.n; i++) {
      profileView(pop, i, YEAR, profile);
      const rule: Rule = instrument.eligibility;
      const eligible = pop.alive[i] === 1 && ruleTruth(rule, profileReader(profile)) === TRUE;
      expect(recipients[i]).toBe(eligible ? 1 : 0);
      exporters += recipients[i] & pop.exporting[i];
    }
    expect(exporters).toBeGreaterThan(0);
  });
});
