/**
 * CPU nanoseconds per firm-year of the fused firm-year pass (compiled kernel, and JavaScript) and
 * of the process-by-process reference, over one block of firms for many years (no programmes,
 * no tallies: burn-in work), then with the year's tallies. Births and deaths included. The fused pass is warmed up first, as the runner does. CPU time
 * of this process, so other jobs inflate it less than wall time.
 *
 *   node --import tsx bench/simulate/pass.ts [firms=16384] [years=200]
 */
import {
  allocateScenario,
  allocateScenarios,
  counterRng,
  defaultParams,
  fastParams,
  synthesizeRange,
} from "../../src/simulate/index.ts";
import { warmUpKernels } from "../../src/simulate/kernel/warm-up.ts";
import { newCells } from "../../src/simulate/processes/collect.ts";
import { stepYearByProcess } from "../../src/simulate/reference-step.ts";
import { refreshStaticIndex, stepYear } from "../../src/simulate/year-step.ts";

const N = Number(process.argv[2] ?? 16384);
const YEARS = Number(process.argv[3] ?? 200);
const p = fastParams(defaultParams());
const rng = counterRng(1, 0);

function measure(
  name: string,
  run: (s: ReturnType<typeof allocateScenario>, year: number) => void,
  compiled = false,
) {
  const s = compiled ? allocateScenarios(N, [[]])[0] : allocateScenario(N, []);
  if (compiled && s.kernel === null) throw new Error("no compiled kernel: run npm run build");
  synthesizeRange(s.pop, 0, N, 2000, p, rng);
  refreshStaticIndex(s, p, 0, N);
  for (let y = 0; y < 20; y++) run(s, 2001 + y);
  const c = process.cpuUsage();
  for (let y = 20; y < YEARS; y++) run(s, 2001 + y);
  const d = process.cpuUsage(c);
  const ns = ((d.user + d.system) * 1000) / ((YEARS - 20) * N);
  console.log(
    `${name.padEnd(28)} ${ns.toFixed(1).padStart(7)} ns/firm-year (${(1000 / ns).toFixed(2)} M/s)`,
  );
}

warmUpKernels();
const ctx = { year: 0, start: 0, end: N, params: p, rng };
const cells = newCells();
for (let r = 0; r < 2; r++) {
  for (const compiled of [true, false]) {
    const kind = compiled ? "compiled" : "JavaScript";
    measure(
      `${kind} fused`,
      (s, year) => {
        ctx.year = year;
        stepYear(s, ctx, { yearIndex: -1, budgetShare: 1, rangeWeight: s.pop.n });
      },
      compiled,
    );
    measure(
      `${kind} fused + tallies`,
      (s, year) => {
        ctx.year = year;
        stepYear(s, ctx, {
          yearIndex: 0,
          budgetShare: 1,
          rangeWeight: s.pop.n,
          tally: {
            cells,
            segment_N: s.pop.position,
            segmentBorn_N: s.pop.position,
            recipients_N: null,
            baselineExporting_N: null,
            referenceRecipients_N: null,
          },
        });
      },
      compiled,
    );
  }
  measure("reference (by process)", (s, year) => {
    ctx.year = year;
    stepYearByProcess(s, ctx, { yearIndex: -1, budgetShare: 1, rangeWeight: s.pop.n });
  });
}
