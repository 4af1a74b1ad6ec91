/**
 * Panel estimator timings on the synthetic benchmark panel (bench/panel/gen.ts), the configs of
 * reference/panel/bench/RESULTS.md: y ~ x1 + x2 + x3 with `| firm` or `| firm + year`, fit with
 * the iid vcov (timed like feols), then the cluster-by-firm vcov (timed like vcov(m, cluster=)).
 *
 *   node --import tsx bench/panel/estimate.bench.ts [--file bench/out/panel-10m.owc]
 *        [--fe firm|firm+year] [--reps 3] [--threads N]
 *
 * Run each config in its own process so that peak RSS belongs to that config. Prints one RESULT
 * line; BENCHMARKS.md records them. With --threads above 1 (default: the cores, at most 4) the
 * .owc columns are loaded into shared memory so that the row passes can use worker threads.
 * Helper threads are started while the file loads. The first rep codes the unit and checks the
 * columns for missing values; later reps reuse that (codes and NaN counts are remembered per
 * column), so the first rep is reported apart.
 * CPU seconds are the whole process's (all threads).
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { readFrame } from "../../src/io/index.ts";
import { computeVcov, defaultThreads, estimate, startHelpers } from "../../src/panel/index.ts";

const { values } = parseArgs({
  options: {
    file: { type: "string", default: "bench/out/panel-10m.owc" },
    fe: { type: "string", default: "firm" },
    reps: { type: "string", default: "3" },
    threads: { type: "string" },
  },
});
const threads = values.threads ? Number(values.threads) : defaultThreads();
// The machine is shared: the 1-minute load average before and after says how far to trust the times.
const loadBefore = loadavg()[0];
const fe = values.fe === "firm+year" ? "firm + year" : "firm";
// Helper threads start while the file loads (loading TypeScript in a worker takes ~0.5 s of CPU).
const helpersReady = startHelpers(threads - 1);
const t0 = performance.now();
const { frame } = await readFrame(values.file, {
  columns: ["firm", "year", "y", "x1", "x2", "x3"],
  shared: threads > 1,
});
const loadS = (performance.now() - t0) / 1000;
await helpersReady;
const formula = `y ~ x1 + x2 + x3 | ${fe}`;
const times: number[] = [];
const cpuTimes: number[] = [];
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
let fitRes: ReturnType<typeof estimate> | undefined;
for (let r = 0; r < Number(values.reps); r++) {
  fitRes = undefined;
  const t1 = performance.now();
  const c1 = cpu();
  fitRes = estimate(frame, formula, { id: "firm", time: "year", vcov: "iid", threads });
  times.push((performance.now() - t1) / 1000);
  cpuTimes.push(cpu() - c1);
  if (!fitRes.ok) throw new Error(JSON.stringify(fitRes.issues));
}
if (!fitRes?.ok) throw new Error("no fit");
const fit = fitRes.value.fit;
const t2 = performance.now();
const c2 = cpu();
const vc = computeVcov(fit, { type: "cluster", clusters: [fit.prep.id], ssc: "fixest" });
const vcovS = (performance.now() - t2) / 1000;
const vcovCpu = cpu() - c2;
if (!vc.ok) throw new Error("vcov");
const k = fit.lin.names.length;
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const rssGB = process.resourceUsage().maxRSS / 1024 / 1024;
process.stdout.write(
  `RESULT outward fe=${values.fe} rows=${fit.lin.n} load_s=${loadS.toFixed(2)} fit_median_s=${median.toFixed(2)} (all: ${times.map((t) => t.toFixed(2)).join(" ")}) fit_cpu_s: ${cpuTimes.map((t) => t.toFixed(2)).join(" ")} vcov_cluster_s=${vcovS.toFixed(2)} (cpu ${vcovCpu.toFixed(2)}) demeaning=${fit.demeaning?.method} threads=${threads} peak_rss_gb=${rssGB.toFixed(2)} load1=${loadBefore.toFixed(1)}->${loadavg()[0].toFixed(1)}\n`,
);
process.stdout.write(`coef: ${Array.from(fit.lin.beta, (b) => b.toPrecision(10)).join(" ")}\n`);
process.stdout.write(
  `se_cluster_firm: ${fit.lin.names.map((_, a) => Math.sqrt(vc.value.V[a * k + a]).toPrecision(6)).join(" ")}\n`,
);
