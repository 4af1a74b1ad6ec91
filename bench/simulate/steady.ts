/**
 * A fixed amount of yearly work for instruction counting: one block of firms synthesized, then
 * `years` burn-in years (no tallies) on the chosen path. Run it under cachegrind twice with
 * different `years`; the difference divided by the extra firm-years is the steady-state
 * instructions per firm-year, independent of the machine's load:
 *
 *   valgrind --tool=cachegrind --cache-sim=no node --import tsx bench/simulate/steady.ts 16384 40 fused
 */
import {
  allocateScenario,
  counterRng,
  defaultParams,
  fastParams,
  synthesizeRange,
} from "../../src/simulate/index.ts";
import { stepYearByProcess } from "../../src/simulate/reference-step.ts";
import { refreshStaticIndex, stepYear } from "../../src/simulate/year-step.ts";

const firms = Number(process.argv[2] ?? 16384);
const years = Number(process.argv[3] ?? 40);
const path = process.argv[4] ?? "fused";
const p = fastParams(defaultParams());
const rng = counterRng(1, 0);
const s = allocateScenario(firms, []);
synthesizeRange(s.pop, 0, firms, 2000, p, rng);
refreshStaticIndex(s, p, 0, firms);
const ctx = { year: 0, start: 0, end: firms, params: p, rng };
const step = path === "fused" ? stepYear : stepYearByProcess;
const c = process.cpuUsage();
for (let y = 0; y < years; y++) {
  ctx.year = 2001 + y;
  step(s, ctx, { yearIndex: -1, budgetShare: 1, rangeWeight: s.pop.n });
}
const d = process.cpuUsage(c);
console.log(
  `${path}: ${firms} firms x ${years} years, ${(((d.user + d.system) * 1000) / (firms * years)).toFixed(1)} CPU ns/firm-year`,
);
