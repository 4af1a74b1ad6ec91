import { beforeAll, describe, expect, it } from "vitest";
import {
  at,
  discountWeights,
  M,
  P,
  PROGRAMME_METRICS,
  type RunResult,
  summarize,
} from "../../src/simulate/index.ts";
import { grantRun } from "./helpers.ts";

let run: RunResult;
beforeAll(async () => {
  run = await grantRun({ firms: 4000, years: 6, replications: 3, seed: 5 });
});

describe("discounted totals", () => {
  it("weighs year t by (1 + r)^-t, and a zero rate changes nothing", () => {
    expect([...discountWeights(3, 0.1)]).toEqual([1, 1 / 1.1, 1 / 1.1 ** 2]);
    const plain = summarize(run);
    const zero = summarize(run, { discountRate: 0 });
    expect(zero).toEqual(plain);
    expect(plain.discount_rate).toBe(0);
  });

  it("discounts exporter-years and spend year by year, and their ratio with them", () => {
    const r = 0.05;
    const d = summarize(run, { discountRate: r }).differences[0];
    const reps = run.aggregates.length;
    let added = 0;
    let spend = 0;
    for (let rep = 0; rep < reps; rep++) {
      const [base, grant] = run.aggregates[rep];
      const prog = run.programmeTotals[rep][1];
      for (let t = 0; t < run.stamp.years; t++) {
        const w = (1 + r) ** -t;
        added += w * (grant[at(t, 0, M.exporters)] - base[at(t, 0, M.exporters)]);
        spend += w * prog[t * PROGRAMME_METRICS.length + P.spend];
      }
    }
    expect(d.totals.additional_exporter_years.mean).toBeCloseTo(added / reps, 9);
    expect(d.totals.spend.mean).toBeCloseTo(spend / reps, 6);
    expect(d.totals.cost_per_additional_exporter_year.mean).toBeCloseTo(spend / added, 6);
    // Spend falls in later years' weight, so the discounted total is below the plain one.
    expect(d.totals.spend.mean).toBeLessThan(summarize(run).differences[0].totals.spend.mean);
    // Counts of support are not discounted.
    expect(d.totals.recipients).toEqual(summarize(run).differences[0].totals.recipients);
  });

  it("refuses a rate outside [0, 1)", () => {
    expect(() => summarize(run, { discountRate: -0.01 })).toThrow(RangeError);
    expect(() => summarize(run, { discountRate: 1 })).toThrow(RangeError);
  });
});
