/**
 * CPU nanoseconds per firm-year of each yearly process, over one block of firms for many years
 * (CPU time of this process, so other jobs on the machine inflate it less than wall time).
 *
 *   node --import tsx bench/simulate/processes.ts [firms=16384] [years=200]
 */
import {
  aggregateLength,
  allocateScenario,
  counterRng,
  defaultParams,
  fastParams,
  synthesizeRange,
} from "../../src/simulate/index.ts";
import { classifyKernel } from "../../src/simulate/processes/classify.ts";
import { collectKernel } from "../../src/simulate/processes/collect.ts";
import { domesticDemandKernel } from "../../src/simulate/processes/demand.ts";
import { demographyKernel } from "../../src/simulate/processes/demography.ts";
import { exportDecisionKernel } from "../../src/simulate/processes/export-decision.ts";
import { intensityKernel } from "../../src/simulate/processes/intensity.ts";
import { learningKernel } from "../../src/simulate/processes/learning.ts";
import { partnerNetworksKernel } from "../../src/simulate/processes/networks.ts";
import { performanceKernel } from "../../src/simulate/processes/performance.ts";

const N = Number(process.argv[2] ?? 16384);
const YEARS = Number(process.argv[3] ?? 200);
const p = fastParams(defaultParams());
const rng = counterRng(1, 0);
const s = allocateScenario(N, []);
synthesizeRange(s.pop, 0, N, 2000, p, rng);
const out = new Float64Array(aggregateLength(1));
const ctx = { year: 2001, start: 0, end: N, params: p, rng };
const steps: [string, () => void][] = [
  ["demography", () => demographyKernel(s.pop, ctx, s.born)],
  ["demand", () => domesticDemandKernel(s.pop.domesticDemand, s.pop.salesGrowth, ctx)],
  ["networks", () => partnerNetworksKernel(s.pop, s.effects.linkProbability, ctx)],
  ["decision", () => exportDecisionKernel(s.pop, s.effects, s.scratch, ctx)],
  ["learning", () => learningKernel(s.pop.knowledge, s.pop.exporting, ctx)],
  ["intensity", () => intensityKernel(s.pop, s.scratch.transition_N, ctx)],
  ["classify", () => classifyKernel(s.pop, ctx)],
  ["performance", () => performanceKernel(s.pop, ctx)],
  [
    "collect",
    () =>
      collectKernel(
        s.pop,
        {
          scratch: s.scratch,
          segment_N: s.pop.position,
          segmentBorn_N: s.pop.position,
          recipients_N: null,
          baselineExporting_N: null,
          referenceRecipients_N: null,
          spend_N: null,
          born_N: s.born,
        },
        out,
        0,
        ctx,
      ),
  ],
];
const total = new Map<string, number>();
for (let y = 0; y < YEARS; y++) {
  ctx.year = 2001 + y;
  for (const [name, step] of steps) {
    const c = process.cpuUsage();
    step();
    const d = process.cpuUsage(c);
    total.set(name, (total.get(name) ?? 0) + d.user + d.system);
  }
}
let sum = 0;
for (const [name, us] of total) {
  const ns = (us * 1000) / (YEARS * N);
  sum += ns;
  console.log(`${name.padEnd(12)} ${ns.toFixed(1).padStart(7)} ns/firm-year`);
}
console.log(
  `${"total".padEnd(12)} ${sum.toFixed(1).padStart(7)} ns/firm-year (${(1000 / sum).toFixed(2)} M firm-years/s)`,
);
