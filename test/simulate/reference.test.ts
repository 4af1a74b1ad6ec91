import { describe, expect, it } from "vitest";
import {
  differenceYears,
  type ReformSpec,
  reformTotals,
  runSimulation,
  summarize,
} from "../../src/simulate/index.ts";
import { at, M, N_METRICS } from "../../src/simulate/metrics.ts";
import { expectSameWithWorker } from "./helpers.ts";

const factory = new URL("./fixtures/grant-hooks.ts", import.meta.url).href;
const grant = { budget: 20_000, grant: 10, offset: 2 };
// "current" and "same" run the same programme; "bigger" gives more.
const reforms: ReformSpec[] = [
  { id: "current", hash: "c", factory, scenario: grant },
  { id: "same", hash: "c", factory, scenario: grant },
  { id: "bigger", hash: "b", factory, scenario: { ...grant, budget: 60_000, offset: 4 } },
];
const base = {
  firms: 6000,
  years: 4,
  replications: 3,
  seed: 5,
  blockSize: 1024,
  burnIn: 5,
  reforms,
};

describe("comparing with a scenario other than the baseline", () => {
  it("gives exactly zero for a copy of the reference, and deadweight against the reference", async () => {
    const run = await runSimulation({ ...base, reference: "current" });
    expect(run.stamp.reference).toBe("current");
    const report = summarize(run);
    expect(report.differences.map((d) => d.reform)).toEqual(["baseline", "same", "bigger"]);
    const same = report.differences[1];
    for (const y of same.years)
      for (const v of Object.values(y.values)) expect([0, NaN]).toContain(v);
    expect(same.totals.additional_exporter_years.mean).toBe(0);
    expect(same.totals.spend.mean).toBe(0);
    // A copy of the reference supports the firms the reference supports: it adds no support.
    expect(same.totals.recipients.mean).toBeGreaterThan(0);
    expect(same.totals.additional_recipients.mean).toBe(0);
    // A bigger programme adds support beyond the reference's, but not all of its own.
    const bigger = report.differences[2].totals;
    expect(bigger.additional_recipients.mean).toBeGreaterThan(0);
    expect(bigger.additional_recipients.mean).toBeLessThan(bigger.recipients.mean);
    // Identical firms: the supported firms that export in the reference are those that export.
    for (const r of run.aggregates) {
      for (let t = 0; t < run.stamp.years; t++) {
        expect(r[2][at(t, 0, M.deadweight)]).toBe(r[2][at(t, 0, M.recipients_exporting)]);
      }
    }
    // The reference itself is not listed, and its own deadweight stays against the baseline.
    const plain = await runSimulation(base);
    for (let rep = 0; rep < run.aggregates.length; rep++) {
      expect([...run.aggregates[rep][1]]).toEqual([...plain.aggregates[rep][1]]);
    }
  });

  it("differs from the baseline run only in what is judged against the reference", async () => {
    const plain = await runSimulation(base);
    const run = await runSimulation({ ...base, reference: "current" });
    // Deadweight reads the reference's export status; added support, the reference's support.
    const judged = new Set([
      M.deadweight,
      M.added_recipients,
      M.added_deadweight,
      M.weighted_deadweight,
      M.weighted_added_recipients,
      M.weighted_added_deadweight,
    ]);
    for (let rep = 0; rep < run.aggregates.length; rep++) {
      for (let k = 0; k < run.aggregates[rep].length; k++) {
        const a = plain.aggregates[rep][k];
        const b = run.aggregates[rep][k];
        for (let i = 0; i < a.length; i++) if (!judged.has(i % N_METRICS)) expect(b[i]).toBe(a[i]);
      }
      expect(run.programmeTotals[rep].map((x) => [...x])).toEqual(
        plain.programmeTotals[rep].map((x) => [...x]),
      );
    }
    // Paired differences: (bigger - current) = (bigger - baseline) - (current - baseline).
    const direct = differenceYears(run, 3);
    const viaBase = differenceYears(plain, 3);
    const currentViaBase = differenceYears(plain, 1);
    for (let t = 0; t < direct.length; t++) {
      const want = viaBase[t].values.exporters - currentViaBase[t].values.exporters;
      expect(direct[t].values.exporters).toBeCloseTo(want, 9);
    }
    const totals = reformTotals(run, 3);
    const spend = reformTotals(plain, 3).spend.mean - reformTotals(plain, 1).spend.mean;
    expect(totals.spend.mean).toBeCloseTo(spend, 6);
    expect(Math.abs(totals.spend.mean)).toBeGreaterThan(0);
  });

  it("gives bit-identical aggregates when a worker thread runs some of the blocks", async () => {
    const many = { ...base, firms: 20_000, blockSize: 512, replications: 1, reference: "current" };
    await expectSameWithWorker(many, factory);
  });

  it("refuses a reference that is not one of the scenarios, naming them", async () => {
    await expect(runSimulation({ ...base, reference: "nope" })).rejects.toThrow(
      /baseline, current, same, bigger.*"nope"/,
    );
  });
});
