import { describe, expect, it } from "vitest";
import { emptyProfile, validateProfile } from "../../src/firm/index.ts";
import {
  allocateScenario,
  at,
  counterRng,
  defaultParams,
  fromProfiles,
  M,
  runSimulation,
  simulateBlocks,
  summarize,
  synthesizeRange,
  toProfile,
} from "../../src/simulate/index.ts";

describe("a simulated firm is a Profile", () => {
  it("gives profiles that pass the firm schema, for firms in every state", () => {
    const n = 3000;
    const s = [allocateScenario(n, [])];
    const plan = {
      firms: n,
      years: 3,
      startYear: 2025,
      burnIn: 10,
      blockSize: 1000,
      seed: 3,
      params: defaultParams(),
    };
    simulateBlocks(plan, 0, [0, 1, 2], s, null);
    const states = new Set<number>();
    for (let i = 0; i < n; i++) {
      const profile = toProfile(s[0].pop, i, 2027);
      const checked = validateProfile(profile as unknown as Record<string, unknown>);
      if (!checked.ok) throw new Error(JSON.stringify(checked.issues.slice(0, 3)));
      states.add(s[0].pop.state[i]);
    }
    expect(states.size).toBeGreaterThanOrEqual(5);
  });

  it("round-trips the attributes it carries through fromProfiles", () => {
    const pop = (() => {
      const n = 200;
      const s = [allocateScenario(n, [])];
      synthesizeRange(s[0].pop, 0, n, 2024, defaultParams(), counterRng(2, 0));
      return s[0].pop;
    })();
    const profiles = Array.from({ length: 200 }, (_, i) => toProfile(pop, i, 2024));
    const { population, notes } = fromProfiles(profiles, defaultParams(), 2024);
    expect(notes).toEqual([]);
    for (let i = 0; i < 200; i++) {
      expect(population.sector[i]).toBe(pop.sector[i]);
      expect(population.tradable[i]).toBe(pop.tradable[i]);
      expect(population.entrepreneurType[i]).toBe(pop.entrepreneurType[i]);
      expect(population.founded[i]).toBe(pop.founded[i]);
      expect(population.barrierResource[i]).toBeCloseTo(pop.barrierResource[i], 2);
    }
  });

  it("imputes unknown fields and says so", () => {
    const p = emptyProfile("a");
    const { population, notes } = fromProfiles(
      [p, { ...p, id: "b", sector: "business_services" }],
      defaultParams(),
      2024,
    );
    expect(population.n).toBe(2);
    expect(population.sector[1]).toBe(2);
    const sector = notes.find((n) => n.field === "sector");
    expect(sector?.value).toBe(1);
    expect(notes.find((n) => n.field === "tradable")?.value).toBe(2);
    expect(sector?.message).toMatch(/imputed/);
  });

  it("starts exporters loaded from a register as exporters with their history", () => {
    const p = {
      ...emptyProfile("x"),
      exports_now: "yes" as const,
      first_export_year: 2018,
      export_markets: 4,
      export_share: 0.3,
      founded: 2010,
      tradable: "yes" as const,
    };
    const { population } = fromProfiles([p], defaultParams(), 2024);
    expect(population.exporting[0]).toBe(1);
    expect(population.yearsExported[0]).toBe(7);
    expect(population.markets[0]).toBe(4);
    expect(population.exportHistory[0] & 1).toBe(1);
    expect(population.knowledge[0]).toBeGreaterThan(1);
  });
});

describe("a register's survey weights over the years", () => {
  it("keep their total: a newborn stands for as many firms as the firm whose slot it takes", async () => {
    const n = 2000;
    const base = emptyProfile("x");
    const profiles = Array.from({ length: n }, (_, i) => ({
      ...base,
      id: `f${i}`,
      sector: "business_services" as const,
      employees: 5 + (i % 40),
      founded: 2000 + (i % 20),
      weight: 1 + (i % 7),
    }));
    const { population } = fromProfiles(profiles, defaultParams(), 2024);
    const total = profiles.reduce((s, p) => s + p.weight, 0);
    const years = 12;
    const run = await runSimulation({
      firms: n,
      years,
      replications: 1,
      burnIn: 0,
      threads: 1,
      initial: population,
    });
    const a = run.aggregates[0][0];
    let births = 0;
    for (let t = 0; t < years; t++) {
      births += a[at(t, 0, M.births)];
      expect(a[at(t, 0, M.weight_sum)]).toBe(total);
    }
    // Over twelve years a good part of the slots changed hands.
    expect(births).toBeGreaterThan(n / 4);
    // Weighted exporters stand for more firms than the register's exporters (weights 1 to 7).
    const y = summarize(run).scenarios[0].years.at(-1)!.values;
    expect(y.weighted_exporters).toBeGreaterThan(y.exporters);
    expect(y.weighted_exporters).toBeLessThan(7 * y.exporters);
  });
});
