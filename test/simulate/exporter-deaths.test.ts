import { describe, expect, it } from "vitest";
import { at, M, runSimulation } from "../../src/simulate/index.ts";

describe("exporters that close down", () => {
  it("are counted in the year their slot takes a newborn, from last year's export status", async () => {
    const firms = 3000;
    const years = 6;
    // Each slot's firm and export status at the end of every policy year, from the panel's hook.
    const seen: Array<{ id: Float64Array; exporting: Uint8Array }> = [];
    const run = await runSimulation({
      firms,
      years,
      replications: 1,
      burnIn: 8,
      threads: 1,
      blockSize: 1000,
      seed: 4,
      observer: (k, year, pop, start, end) => {
        if (k !== 0) return;
        const t = year - 2025;
        seen[t] ??= { id: new Float64Array(firms), exporting: new Uint8Array(firms) };
        for (let i = start; i < end; i++) {
          seen[t].id[i] = pop.firmId[i];
          seen[t].exporting[i] = pop.exporting[i];
        }
      },
    });
    const a = run.aggregates[0][0];
    let total = 0;
    for (let t = 1; t < years; t++) {
      let closed = 0;
      for (let i = 0; i < firms; i++) {
        if (seen[t].id[i] !== seen[t - 1].id[i] && seen[t - 1].exporting[i]) closed++;
      }
      expect(a[at(t, 0, M.exporter_deaths)], `year ${t}`).toBe(closed);
      expect(a[at(t, 0, M.exporter_deaths)]).toBeLessThanOrEqual(a[at(t, 0, M.births)]);
      total += closed;
    }
    expect(total).toBeGreaterThan(0);
  });
});
