/**
 * The yardstick beside the model: firm-years per CPU second of a struct-of-arrays loop
 * with the same counter-based draws and one simple decision rule (export this year with a
 * logistic probability of last year's status and a firm's fixed productivity), against the
 * compiled firm-year pass with births and deaths (burn-in years, no programme, no tallies) on
 * the same number of firms. Rounds alternate the two so the machine's load hits both alike.
 *
 *   node --import tsx bench/simulate/yardstick.ts [firms=1000000] [years=20] [rounds=3]
 */
import {
  allocateScenarios,
  counterRng,
  defaultParams,
  fastParams,
  synthesizeRange,
} from "../../src/simulate/index.ts";
import { warmUpKernels } from "../../src/simulate/kernel/warm-up.ts";
import { mix32s, SLOT_MULT, U32_TO_UNIT } from "../../src/simulate/rng.ts";
import { refreshStaticIndex, stepYear } from "../../src/simulate/year-step.ts";

const N = Number(process.argv[2] ?? 1_000_000);
const YEARS = Number(process.argv[3] ?? 20);
const ROUNDS = Number(process.argv[4] ?? 3);

const rng = counterRng(1, 0);

/** A logistic table like the model's: 1,281 points over z in [-20, 20]. */
const SIG = Float64Array.from({ length: 1282 }, (_, k) => 1 / (1 + Math.exp(-(k / 32 - 20))));

function simpleYear(
  exporting: Uint8Array,
  productivity: Float32Array,
  key: number,
  n: number,
): number {
  let exporters = 0;
  for (let i = 0; i < n; i++) {
    const u = (mix32s(key ^ Math.imul(i + 1, SLOT_MULT)) >>> 0) * U32_TO_UNIT;
    const z = -2.2 + 3.1 * exporting[i] + 0.8 * productivity[i];
    let x = (z + 20) * 32;
    x = x > 0 ? Math.min(x, 1280) : 0;
    const k = x | 0;
    const p = SIG[k] + (x - k) * (SIG[k + 1] - SIG[k]);
    const now = u < p ? 1 : 0;
    exporting[i] = now;
    exporters += now;
  }
  return exporters;
}

function cpuSeconds(run: () => void): number {
  const c = process.cpuUsage();
  run();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1e6;
}

function simple(): number {
  const exporting = new Uint8Array(N);
  const productivity = new Float32Array(N);
  const key0 = rng.key(2000, 7);
  for (let i = 0; i < N; i++) productivity[i] = rng.uniform(key0, i) * 2 - 1;
  for (let y = 0; y < 3; y++) simpleYear(exporting, productivity, rng.key(1990 + y, 1), N);
  let sink = 0;
  const s = cpuSeconds(() => {
    for (let y = 0; y < YEARS; y++)
      sink += simpleYear(exporting, productivity, rng.key(2001 + y, 1), N);
  });
  if (sink < 0) console.log(sink);
  return (N * YEARS) / s / 1e6;
}

const params = fastParams(defaultParams());
function model(): number {
  const s = allocateScenarios(N, [[]])[0];
  if (s.kernel === null) throw new Error("no compiled kernel: run npm run build");
  synthesizeRange(s.pop, 0, N, 2000, params, rng);
  refreshStaticIndex(s, params, 0, N);
  const ctx = { year: 0, start: 0, end: N, params, rng };
  const step = (year: number) => {
    ctx.year = year;
    stepYear(s, ctx, { yearIndex: -1, budgetShare: 1, rangeWeight: s.pop.n });
  };
  for (let y = 0; y < 3; y++) step(1990 + y);
  const seconds = cpuSeconds(() => {
    for (let y = 0; y < YEARS; y++) step(2001 + y);
  });
  return (N * YEARS) / seconds / 1e6;
}

warmUpKernels();
console.log(`${N} firms x ${YEARS} years, node ${process.version}, M firm-years per CPU second`);
for (let r = 0; r < ROUNDS; r++) {
  const a = simple();
  const b = model();
  console.log(
    `round ${r + 1}: simple rule ${a.toFixed(1)}, model (compiled pass) ${b.toFixed(2)}, ratio ${(a / b).toFixed(1)}x`,
  );
}
