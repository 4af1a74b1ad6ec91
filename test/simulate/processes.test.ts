import { describe, expect, it } from "vitest";
import { STATE_CODE, TRANSITION } from "../../src/simulate/index.ts";
import { classifyKernel } from "../../src/simulate/processes/classify.ts";
import { demographyKernel } from "../../src/simulate/processes/demography.ts";
import { exportDecisionKernel } from "../../src/simulate/processes/export-decision.ts";
import { learningKernel } from "../../src/simulate/processes/learning.ts";
import { partnerNetworksKernel } from "../../src/simulate/processes/networks.ts";
import { performanceKernel } from "../../src/simulate/processes/performance.ts";
import { clones, context, fresh, params, share } from "./helpers.ts";

const N = 20_000;
const half = (i: number) => i % 2 === 0;

function setExported(pop: ReturnType<typeof clones>, i: number, gap: number, markets = 1) {
  pop.everExported[i] = 1;
  pop.firstExportYear[i] = 2015;
  pop.yearsExported[i] = 3;
  if (gap === 0) {
    pop.exporting[i] = 1;
    pop.spellYears[i] = 3;
    pop.yearsSinceExit[i] = 0;
    pop.markets[i] = markets;
  } else {
    pop.exporting[i] = 0;
    pop.yearsSinceExit[i] = gap;
    pop.markets[i] = 1;
  }
}

describe("export decision", () => {
  it("makes last year's exporters far more likely to export (sunk entry cost)", () => {
    const pop = clones(N, (p, i) => {
      if (half(i)) setExported(p, i, 0);
    });
    const { effects, scratch } = fresh(N);
    exportDecisionKernel(pop, effects, scratch, context(N));
    const stay = share(half, N, (i) => pop.exporting[i]);
    const start = share(
      (i) => !half(i),
      N,
      (i) => pop.exporting[i],
    );
    expect(stay - start).toBeGreaterThan(0.4);
    // The recorded state dependence is the same for identical firms and matches the rates.
    expect(scratch.hysteresis_N[1]).toBeGreaterThan(0.4);
  });

  it("shows no state dependence without a sunk cost (one-market exporters)", () => {
    const pop = clones(N, (p, i) => {
      if (half(i)) setExported(p, i, 0);
    });
    const { effects, scratch } = fresh(N);
    exportDecisionKernel(pop, effects, scratch, context(N, params({ sunkEntryCost: 0 })));
    const stay = share(half, N, (i) => pop.exporting[i]);
    const start = share(
      (i) => !half(i),
      N,
      (i) => pop.exporting[i],
    );
    expect(Math.abs(stay - start)).toBeLessThan(0.03);
  });

  it("makes re-entry cheaper soon after exit than years later", () => {
    const pop = clones(N, (p, i) => setExported(p, i, half(i) ? 1 : 6));
    const { effects, scratch } = fresh(N);
    exportDecisionKernel(pop, effects, scratch, context(N));
    const soon = share(half, N, (i) => pop.exporting[i]);
    const late = share(
      (i) => !half(i),
      N,
      (i) => pop.exporting[i],
    );
    expect(soon).toBeGreaterThan(1.5 * late);
    expect(scratch.transition_N[0] === TRANSITION.reentry || pop.exporting[0] === 0).toBe(true);
  });

  it("lets diversified exporters stop less often", () => {
    const pop = clones(N, (p, i) => setExported(p, i, 0, half(i) ? 6 : 1));
    const { effects, scratch } = fresh(N);
    exportDecisionKernel(pop, effects, scratch, context(N, params({ effectDomesticDemand: 0 })));
    const exitMany = share(half, N, (i) => 1 - pop.exporting[i]);
    const exitOne = share(
      (i) => !half(i),
      N,
      (i) => 1 - pop.exporting[i],
    );
    expect(exitMany).toBeLessThan(0.8 * exitOne);
  });

  it("suspends business-services exporters between projects, not manufacturers", () => {
    const pop = clones(N, (p, i) => {
      setExported(p, i, 0, 3);
      p.sector[i] = half(i) ? 2 : 1;
    });
    const { effects, scratch } = fresh(N);
    const p = params({ projectEndProb: 0.5, repeatBusinessProb: 1 });
    exportDecisionKernel(pop, effects, scratch, context(N, p));
    const suspendedServices = share(half, N, (i) =>
      scratch.transition_N[i] === TRANSITION.suspension ? 1 : 0,
    );
    const suspendedMakers = share(
      (i) => !half(i),
      N,
      (i) => (scratch.transition_N[i] === TRANSITION.suspension ? 1 : 0),
    );
    expect(suspendedServices).toBeGreaterThan(0.3);
    expect(suspendedMakers).toBe(0);
    classifyKernel(pop, context(N, p));
    const i = scratch.transition_N.indexOf(TRANSITION.suspension);
    expect(pop.state[i]).toBe(STATE_CODE.suspended);
  });

  it("applies a programme's sunk-cost offset only to firms that must enter", () => {
    const pop = clones(N);
    const { effects, scratch } = fresh(N);
    for (let i = 0; i < N; i += 2) effects.sunkCostOffset[i] = 3;
    exportDecisionKernel(pop, effects, scratch, context(N));
    expect(share(half, N, (i) => pop.exporting[i])).toBeGreaterThan(
      2 *
        share(
          (i) => !half(i),
          N,
          (i) => pop.exporting[i],
        ),
    );
  });
});

describe("networks, learning, performance, demography", () => {
  it("pulls linked firms abroad when a major customer goes abroad", () => {
    const pop = clones(N, (p, i) => {
      p.largeFirmLinks[i] = half(i) ? 1 : 0;
    });
    const { effects, scratch } = fresh(N);
    partnerNetworksKernel(
      pop,
      effects.linkProbability,
      context(N, params({ pullEventProb: 1, linkFormationProb: 0 })),
    );
    expect(share(half, N, (i) => pop.clientPull[i])).toBe(1);
    expect(
      share(
        (i) => !half(i),
        N,
        (i) => pop.clientPull[i] + pop.largeFirmLinks[i],
      ),
    ).toBe(0);
    exportDecisionKernel(pop, effects, scratch, context(N));
    expect(share(half, N, (i) => pop.exporting[i])).toBeGreaterThan(
      2 *
        share(
          (i) => !half(i),
          N,
          (i) => pop.exporting[i],
        ),
    );
  });

  it("builds knowledge while exporting and lets it depreciate otherwise", () => {
    const pop = clones(4, (p, i) => {
      p.knowledge[i] = 2;
      p.exporting[i] = i % 2;
    });
    learningKernel(
      pop.knowledge,
      pop.exporting,
      context(4, params({ knowledgeDepreciation: 0.25, learningPerYear: 1 })),
    );
    expect(pop.knowledge[0]).toBeCloseTo(1.5, 6);
    expect(pop.knowledge[1]).toBeCloseTo(2.5, 6);
  });

  it("raises sales growth with the export status of `exportPerformanceLag` years earlier", () => {
    const pop = clones(2, (p, i) => {
      p.exportHistory[i] = i === 0 ? 0b10 : 0b01;
      p.salesGrowth[i] = 0;
    });
    performanceKernel(
      pop,
      context(
        2,
        params({
          salesNoise: 0,
          salesGrowthBase: 0.01,
          salesGrowthExportLagged: 0.05,
          exportPerformanceLag: 2,
        }),
      ),
    );
    expect(pop.salesGrowth[0]).toBeCloseTo(0.06, 6);
    expect(pop.salesGrowth[1]).toBeCloseTo(0.01, 6);
  });

  it("refills dead slots with newborns whose founder can carry export experience over", () => {
    const pop = clones(1000, (p, i) => {
      p.everExported[i] = 1;
      p.founderExportExperience[i] = 0;
    });
    const born = new Uint8Array(1000);
    const p = params({ deathHazardYoung: 1, deathHazardMature: 1, founderRestartProb: 1 });
    const deaths = demographyKernel(pop, context(1000, p), born);
    expect(deaths).toBe(1000);
    expect(born.every((b) => b === 1)).toBe(true);
    expect(pop.generation[7]).toBe(1);
    expect(pop.firmId[7]).toBe(7 + 1000);
    expect(pop.founded[7]).toBe(2025);
    expect(pop.entrepreneurType.every((t) => t === 1)).toBe(true);
    expect(pop.founderExportExperience.every((f) => f === 1)).toBe(true);
    expect(pop.everExported.every((f) => f === 0)).toBe(true);
  });

  it("tells disappointed from disinterested withdrawals by plans (Crick 2004, as the review defines them)", () => {
    const pop = clones(2, (p, i) => {
      setExported(p, i, 2);
      p.plansToExport[i] = i;
      p.suspended[i] = 0;
    });
    classifyKernel(pop, context(2));
    expect(pop.state[0]).toBe(STATE_CODE.withdrawn_disappointed);
    expect(pop.state[1]).toBe(STATE_CODE.withdrawn_disinterested);
  });
});
