/**
 * The hot kernels inline simpler reference functions for speed; these tests check that the
 * inlined code computes exactly (bit for bit) what the readable references compute.
 */
import { describe, expect, it } from "vitest";
import { allocatePopulation, counterRng, synthesizeRange } from "../../src/simulate/index.ts";
import { exportDecisionKernel } from "../../src/simulate/processes/export-decision.ts";
import { exportIndexKernel } from "../../src/simulate/processes/export-index.ts";
import { context, fresh } from "./helpers.ts";

const N = 5_000;

function variedPopulation() {
  const pop = allocatePopulation(N);
  synthesizeRange(pop, 0, N, 2018, context(N).params, counterRng(3, 0));
  for (let i = 0; i < N; i++) {
    // Vary the dynamic columns the index reads, so every term is exercised.
    pop.clientPull[i] = pop.largeFirmLinks[i] & (i % 3 === 0 ? 1 : 0);
    pop.knowledge[i] = (i % 7) * 0.37;
    pop.domesticDemand[i] = ((i % 11) - 5) * 0.041;
    pop.founded[i] = 2010 + (i % 16);
  }
  return pop;
}

describe("export decision with the index inlined", () => {
  it("uses, for every tradable firm, exactly the index of exportIndexKernel", () => {
    const pop = variedPopulation();
    const ctx = context(N);
    const reference = new Float64Array(N);
    exportIndexKernel(pop, reference, ctx);
    const { effects, scratch } = fresh(N);
    exportDecisionKernel(pop, effects, scratch, ctx);
    let tradable = 0;
    let mismatches = 0;
    for (let i = 0; i < N; i++) {
      if (pop.tradable[i] !== 1) continue;
      tradable++;
      if (!Object.is(scratch.index_N[i], reference[i])) mismatches++;
    }
    expect(tradable).toBeGreaterThan(N / 4);
    expect(mismatches).toBe(0);
  });
});
