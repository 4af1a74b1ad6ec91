/**
 * Trains the engine on every path of the yearly kernels before the real work. The fused
 * firm-year pass is one large function; when the engine meets a branch it has never run (the
 * first policy year's tallies, the first programme effects, the first birth of a run) it drops
 * the optimized code and compiles it again, which took 0.2-0.6 s of CPU each time, about a dozen
 * times a run, with the slow unoptimized code running meanwhile. A few years of a small
 * population with a programme that touches every effect column, at high event rates, give the
 * engine feedback for all branches first. It simulates its own scratch firms and changes no
 * result (bench/simulate/fingerprint.ts is the same with and without it).
 */
import { allocateScenarios, type BlockPlan, simulateBlocks } from "../blocks.ts";
import type { YearHooks } from "../intervention.ts";
import { withParams } from "../params.ts";

const FIRMS = 256;
let warmed = false;

/**
 * Every effect column set for every third firm, each of them a recipient: a programme that
 * reaches every branch of the fused pass (also the fused-vs-reference test's programme).
 */
export const everyEffect: YearHooks = {
  id: "warm_up",
  beforeDecision(ctx, _pop, effects, recipients) {
    let takeUp = 0;
    for (let i = ctx.start; i < ctx.end; i += 3) {
      effects.sunkCostOffset[i] += 1;
      effects.fixedCostOffset[i] += 0.5;
      effects.barrierReduction[i] += 0.5;
      effects.learningBoost[i] += 0.5;
      effects.linkProbability[i] += 0.5;
      effects.mentoringExperience[i] += 0.5;
      effects.spend[i] += 1;
      recipients[i] = 1;
      takeUp++;
    }
    return { eligible: takeUp, takeUp, spend: takeUp, recipients };
  },
};

/** Runs once per thread; later calls return at once. */
export function warmUpKernels(): void {
  if (warmed) return;
  warmed = true;
  const params = withParams({
    deathHazardYoung: 0.5,
    deathHazardMature: 0.3,
    projectEndProb: 0.9,
    barrierDiscoveryProb: 0.5,
    pullEventProb: 0.5,
    intercept: 2,
  });
  if (!params.ok) throw new Error("warm-up parameters out of range");
  const plan: BlockPlan = {
    firms: FIRMS,
    years: 4,
    startYear: 2000,
    burnIn: 8,
    blockSize: FIRMS,
    seed: 1,
    params: params.value,
  };
  const scenarios = allocateScenarios(FIRMS, [[], [everyEffect]]);
  simulateBlocks(plan, 0, [0], scenarios, null);
}
