import { describe, expect, it } from "vitest";
import {
  allocateScenario,
  at,
  counterRng,
  defaultParams,
  fromProfiles,
  M,
  METRICS,
  type Metric,
  N_GROUPS,
  P,
  PROGRAMME_METRICS,
  reformTotals,
  runSimulation,
  synthesizeRange,
  toProfile,
} from "../../src/simulate/index.ts";
import { reformsOf } from "./helpers.ts";

const YEAR = 2024;
const FIRMS = 3000;
const YEARS = 4;

/** A grant open to tradable firms whose budget binds at this size. */
function scenario(basis: boolean): string {
  return `
id: weighted-grant
title: Grant for tradable firms
${basis ? `budget_basis: { firms: ${FIRMS} }` : ""}
baseline: { programmes: [] }
reforms:
  - id: grant
    title: Grant
    changes:
      - add_programme:
          id: grant
          title: Grant
          years: { from: ${YEAR + 1} }
          instruments:
            - instrument: export_readiness_grant
              eligibility: { field: tradable, eq: "yes" }
              take_up: 0.3
              cost_per_firm: 10000
              budget_per_year: 1000000
              rationing: random
              once_per_firm: false
`;
}

function specs(basis: boolean) {
  return reformsOf(scenario(basis), "weighted.yaml");
}

/** The same synthetic firms as a register, each weighing `weight(i)`. */
function register(weight: (i: number) => number) {
  const s = allocateScenario(FIRMS, []);
  synthesizeRange(s.pop, 0, FIRMS, YEAR, defaultParams(), counterRng(17, 0));
  const profiles = Array.from({ length: FIRMS }, (_, i) => ({
    ...toProfile(s.pop, i, YEAR),
    weight: weight(i),
  }));
  return fromProfiles(profiles, defaultParams(), YEAR).population;
}

function run(weight: (i: number) => number, basis: boolean) {
  return runSimulation({
    firms: FIRMS,
    years: YEARS,
    startYear: YEAR + 1,
    replications: 2,
    burnIn: 0,
    threads: 1,
    blockSize: 1000,
    seed: 3,
    initial: register(weight),
    reforms: specs(basis),
  });
}

/** Metrics that sum survey weights or money; the rest count the register's firms. */
const WEIGHED = new Set<Metric>([
  "weight_sum",
  "weighted_exporters",
  "weighted_recipients",
  "weighted_deadweight",
  "weighted_added_recipients",
  "weighted_added_deadweight",
  "spend",
]);

describe("survey weights in budgets and totals", () => {
  it("firms that each stand for 4 firms, with budgets written for the population: the same firms served, every total 4 times", async () => {
    const one = await run(() => 1, true);
    const four = await run(() => 4, true);
    for (let rep = 0; rep < 2; rep++) {
      for (let k = 0; k < one.aggregates[rep].length; k++) {
        const a = one.aggregates[rep][k];
        const b = four.aggregates[rep][k];
        for (let t = 0; t < YEARS; t++) {
          for (let g = 0; g < N_GROUPS; g++) {
            for (const m of METRICS) {
              const x = a[at(t, g, M[m])];
              expect(b[at(t, g, M[m])]).toBe(WEIGHED.has(m) ? 4 * x : x);
            }
          }
        }
      }
    }
    for (let rep = 0; rep < 2; rep++) {
      const m = PROGRAMME_METRICS.length;
      for (let t = 0; t < YEARS; t++) {
        const served = one.programmeTotals[rep][2][t * m + P.take_up];
        expect(served).toBeGreaterThan(0);
        expect(one.programmeTotals[rep][2][t * m + P.weighted_take_up]).toBe(served);
        expect(four.programmeTotals[rep][2][t * m + P.take_up]).toBe(served);
        expect(four.programmeTotals[rep][2][t * m + P.weighted_take_up]).toBe(4 * served);
      }
    }
    const t1 = reformTotals(one, 2);
    const t4 = reformTotals(four, 2);
    expect(t1.recipients.mean).toBeGreaterThan(0);
    expect(t1.additional_exporter_years.mean).toBeGreaterThan(0);
    expect(t4.additional_exporter_years.mean).toBe(4 * t1.additional_exporter_years.mean);
    expect(t4.recipients.mean).toBe(4 * t1.recipients.mean);
    expect(t4.spend.mean).toBe(4 * t1.spend.mean);
    expect(t4.cost_per_additional_exporter_year.mean).toBeCloseTo(
      t1.cost_per_additional_exporter_year.mean,
      9,
    );
    expect(t4.deadweight_share.mean).toBeCloseTo(t1.deadweight_share.mean, 12);
  });

  it("a budget for the population buys fewer of the register's firms when each stands for several, and is never exceeded", async () => {
    const weight = (i: number) => 1 + (i % 7);
    const one = await run(() => 1, false);
    const weighted = await run(weight, false);
    const m = PROGRAMME_METRICS.length;
    for (let rep = 0; rep < 2; rep++) {
      for (let t = 0; t < YEARS; t++) {
        const o = t * m; // one programme in the reform
        const plain = one.programmeTotals[rep][2];
        const heavy = weighted.programmeTotals[rep][2];
        // The budget binds in both runs.
        expect(plain[o + P.rationed_out]).toBeGreaterThan(0);
        expect(heavy[o + P.rationed_out]).toBeGreaterThan(0);
        expect(heavy[o + P.spend]).toBeLessThanOrEqual(1_000_000);
        // Each of the 3 blocks stops short by less than its heaviest applicant (7 grants).
        expect(heavy[o + P.spend]).toBeGreaterThan(1_000_000 - 3 * 7 * 10_000);
        expect(heavy[o + P.take_up]).toBeLessThan(plain[o + P.take_up] / 2);
        // Money recorded per firm adds up to the programme's spend, and each served firm cost
        // its weight in grants.
        const a = weighted.aggregates[rep][2];
        expect(a[at(t, 0, M.spend)]).toBeCloseTo(heavy[o + P.spend], 3);
        expect(a[at(t, 0, M.weighted_recipients)] * 10000).toBeCloseTo(heavy[o + P.spend], 3);
      }
    }
  });

  it("splits a yearly budget's whole grants across blocks, so small blocks lose none", async () => {
    // 10 grants a year over 6 blocks of 500 firms (5/3 grants each), and 3 grants (half a grant
    // each): rationed block by block in money, the blocks served 6 and 0.
    for (const [budget, grants] of [
      [100_000, 10],
      [30_000, 3],
    ]) {
      const text = scenario(false).replace(
        "budget_per_year: 1000000",
        `budget_per_year: ${budget}`,
      );
      const reforms = reformsOf(text, "split.yaml");
      const run = await runSimulation({
        firms: FIRMS,
        years: YEARS,
        startYear: YEAR + 1,
        replications: 2,
        burnIn: 3,
        threads: 1,
        blockSize: 500,
        seed: 5,
        reforms,
      });
      const m = PROGRAMME_METRICS.length;
      for (let rep = 0; rep < 2; rep++) {
        for (let t = 0; t < YEARS; t++) {
          const served = run.programmeTotals[rep][2][t * m + P.take_up];
          expect(served, `budget ${budget}, year ${t}`).toBe(grants);
          expect(run.programmeTotals[rep][2][t * m + P.spend]).toBe(grants * 10_000);
        }
      }
    }
  });

  it("never buys a grant the budget falls short of, however many grants it pays for", async () => {
    // 99,999.9999 grants: the tolerance for a mean weight's rounding must not round it up.
    const text = scenario(false)
      .replace("budget_per_year: 1000000", "budget_per_year: 99999999.9")
      .replace("cost_per_firm: 10000", "cost_per_firm: 1000")
      .replace("take_up: 0.3", "take_up: 1")
      .replace('eligibility: { field: tradable, eq: "yes" }', "eligibility: { all: [] }");
    const reforms = reformsOf(text, "many.yaml");
    const run = await runSimulation({
      firms: 120_000,
      years: 1,
      startYear: YEAR + 1,
      burnIn: 0,
      threads: 1,
      reforms,
    });
    expect(run.budgetQueue).toBe("national");
    expect(run.programmeTotals[0][2][P.take_up]).toBe(99_999);
    expect(run.programmeTotals[0][2][P.spend]).toBeLessThanOrEqual(99_999_999.9);
  });

  it("counts every whole grant of a budget when the mean weight is not exact in floating point", async () => {
    // 3,000 firms weighing 0.1 sum to a hair above 300, so a grant at the mean weight costs a
    // hair above 1,000 and a budget of exactly ten such grants divides to 9.99999999999998.
    const text = scenario(false).replace("budget_per_year: 1000000", "budget_per_year: 10000");
    const reforms = reformsOf(text, "tenth.yaml");
    const initial = register(() => 0.1);
    // Summed block by block, as the runner sums it.
    let sum = 0;
    for (let b = 0; b < FIRMS; b += 500) {
      let block = 0;
      for (let i = b; i < b + 500; i++) block += initial.weight[i];
      sum += block;
    }
    expect(10_000 / ((10_000 * sum) / FIRMS)).toBeLessThan(10);
    const run = await runSimulation({
      firms: FIRMS,
      years: YEARS,
      startYear: YEAR + 1,
      replications: 2,
      burnIn: 0,
      threads: 1,
      blockSize: 500,
      seed: 5,
      initial,
      reforms,
    });
    const m = PROGRAMME_METRICS.length;
    for (let rep = 0; rep < 2; rep++) {
      for (let t = 0; t < YEARS; t++) {
        expect(run.programmeTotals[rep][2][t * m + P.take_up], `year ${t}`).toBe(10);
        expect(run.programmeTotals[rep][2][t * m + P.spend]).toBeCloseTo(10_000, 6);
      }
    }
  });
});
