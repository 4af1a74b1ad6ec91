import { describe, expect, it } from "vitest";
import { type ReformSpec, runSimulation, summarize } from "../../src/simulate/index.ts";
import { poolStats } from "../../src/simulate/pool.ts";
import { expectSameWithWorker } from "./helpers.ts";

const factory = new URL("./fixtures/grant-hooks.ts", import.meta.url).href;
const reforms: ReformSpec[] = [
  { id: "empty", hash: "e", factory, scenario: {} },
  { id: "grant", hash: "g", factory, scenario: { budget: 20_000, grant: 10, offset: 2 } },
];
const base = {
  firms: 6000,
  years: 4,
  replications: 2,
  seed: 11,
  blockSize: 1024,
  burnIn: 5,
  reforms,
};

describe("determinism and common random numbers", () => {
  it("gives bit-identical aggregates on 1 and 2 threads", async () => {
    const one = await runSimulation({ ...base, threads: 1 });
    const two = await runSimulation({ ...base, threads: 2 });
    expect(two.aggregates.length).toBe(one.aggregates.length);
    for (let r = 0; r < one.aggregates.length; r++) {
      for (let k = 0; k < one.aggregates[r].length; k++) {
        expect(
          Buffer.from(two.aggregates[r][k].buffer).equals(Buffer.from(one.aggregates[r][k].buffer)),
        ).toBe(true);
        expect([...two.programmeTotals[r][k]]).toEqual([...one.programmeTotals[r][k]]);
      }
    }
  });

  it("gives the same aggregates when a worker thread runs some of the blocks", async () => {
    await expectSameWithWorker(
      { ...base, firms: 20_000, blockSize: 512, replications: 1 },
      factory,
    );
    // The worker ran the compiled kernel it was handed, not the JavaScript fallback.
    expect(poolStats().kernels.length).toBeGreaterThan(0);
    expect(new Set(poolStats().kernels)).toEqual(new Set(["wasm"]));
  });

  it("shows exactly zero difference for an empty reform and a positive effect for a grant", async () => {
    const run = await runSimulation({ ...base, threads: 1 });
    const [baseline, empty, grant] = run.aggregates[0];
    expect([...grant]).not.toEqual([...baseline]);
    expect([...empty]).toEqual([...baseline]);
    const report = summarize(run);
    const e = report.differences[0];
    for (const y of e.years)
      for (const v of Object.values(y.values)) expect(v === 0 || Number.isNaN(v)).toBe(true);
    const g = report.differences[1].totals;
    expect(g.recipients.mean).toBeGreaterThan(0);
    expect(g.additional_exporter_years.mean).toBeGreaterThan(0);
    expect(g.deadweight_share.mean).toBeGreaterThanOrEqual(0);
    expect(g.deadweight_share.mean).toBeLessThan(1);
    expect(g.spend.mean).toBeGreaterThan(0);
  });

  it("depends on the seed and stamps the run", async () => {
    const a = await runSimulation({ ...base, reforms: [], replications: 1 });
    const b = await runSimulation({ ...base, reforms: [], replications: 1, seed: 12 });
    expect([...a.aggregates[0][0]]).not.toEqual([...b.aggregates[0][0]]);
    expect(a.stamp.seed).toBe(11);
    expect(a.stamp.params_hash).toMatch(/^[0-9a-f]{8}$/);
    expect(a.stamp.model_version).toMatch(/outward-sim/);
  });
});
