/**
 * Within estimator, fused kernel vs the naive path (materialise every demeaned column, then
 * generic least squares), alternating in one process so both see the same machine load.
 *
 *   node --import tsx bench/panel/estimate-baseline.bench.ts [--file bench/out/panel-10m.owc]
 *        [--fe firm|firm+year] [--reps 3]
 */
import { parseArgs } from "node:util";
import { readFrame } from "../../src/io/index.ts";
import {
  demean,
  olsKernel,
  parseFormula,
  preparePanel,
  withinKernel,
} from "../../src/panel/index.ts";

const { values } = parseArgs({
  options: {
    file: { type: "string", default: "bench/out/panel-10m.owc" },
    fe: { type: "string", default: "firm" },
    reps: { type: "string", default: "3" },
  },
});
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const { frame } = await readFrame(values.file, {
  columns: ["firm", "year", "y", "x1", "x2", "x3"],
});
const spec = parseFormula(
  `y ~ x1 + x2 + x3 | ${values.fe === "firm+year" ? "firm + year" : "firm"}`,
);
if (!spec.ok) throw new Error("formula");
const prep = preparePanel(frame, spec.value, { id: "firm", time: "year" });
if (!prep.ok) throw new Error("prepare");
const P = prep.value;
const fused: number[] = [];
const naive: number[] = [];
let maxDiff = 0;
for (let r = 0; r < Number(values.reps); r++) {
  let c = cpu();
  const f = withinKernel(P, P.fe);
  fused.push(cpu() - c);
  c = cpu();
  const dm = demean([P.y, ...P.X], P.fe, undefined);
  const lin = olsKernel(dm.out.slice(1), P.xNames, dm.out[0], undefined);
  naive.push(cpu() - c);
  if (!f.ok) throw new Error("fit");
  for (let a = 0; a < lin.beta.length; a++)
    maxDiff = Math.max(maxDiff, Math.abs(lin.beta[a] - f.value.lin.beta[a]));
}
const fmt = (v: number[]) => v.map((x) => x.toFixed(2)).join(" ");
process.stdout.write(
  `RESULT within-kernel fe=${values.fe} rows=${P.n} fused_cpu_s: ${fmt(fused)} naive_cpu_s: ${fmt(naive)} best_ratio=${(Math.min(...naive) / Math.min(...fused)).toFixed(2)} max_coef_diff=${maxDiff.toExponential(1)}\n`,
);
