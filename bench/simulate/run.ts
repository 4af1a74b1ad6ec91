/**
 * Simulation throughput: N firms x T years, baseline + one reform, on 1 and on K threads.
 * Firm-years count every simulated firm-year: burn-in and policy years of the baseline plus the
 * policy years of the reform. Reports wall and CPU time, firm-years per second per core, the
 * speed-up from threads, peak RSS, and checks that both runs give bit-identical aggregates.
 * The first multi-thread run starts the worker threads (cold); later ones reuse them (warm).
 * The load average is printed before and after: other jobs on the machine slow every figure.
 *
 *   node --import tsx bench/simulate/run.ts [firms=1000000] [years=20] [threads=2] [repeats=3]
 */
import { loadavg } from "node:os";
import { runSimulation } from "../../src/simulate/index.ts";

const firms = Number(process.argv[2] ?? 1_000_000);
const years = Number(process.argv[3] ?? 20);
const threads = Number(process.argv[4] ?? 2);
const repeats = Number(process.argv[5] ?? 3);
const burnIn = 15;
const factory = new URL("./hooks.ts", import.meta.url).href;
const reforms = [
  { id: "grant", hash: "bench", factory, scenario: { budget: firms * 2, grant: 10, offset: 2 } },
];
const firmYears = firms * (burnIn + years) + firms * years;

async function once(k: number) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const run = await runSimulation({
    firms,
    years,
    burnIn,
    replications: 1,
    seed: 1,
    threads: k,
    reforms,
  });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(cpu0);
  return { run, wall, cpu: (c.user + c.system) / 1e6 };
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
console.log(`load average before: ${load()}`);
const rows: string[] = [];
const results: Record<number, Awaited<ReturnType<typeof once>>[]> = {};
for (const k of [1, threads]) {
  results[k] = [];
  for (let r = 0; r < repeats; r++) results[k].push(await once(k));
  const walls = results[k].map((x) => x.wall).sort((a, b) => a - b);
  const best = walls[0];
  rows.push(
    `threads=${k}: wall best ${best.toFixed(2)} s (runs ${walls.map((w) => w.toFixed(2)).join(", ")}), ` +
      `${(firmYears / best / 1e6).toFixed(2)} M firm-years/s total, ${(firmYears / best / k / 1e6).toFixed(2)} M/s per core, ` +
      `process CPU ${results[k].map((x) => x.cpu.toFixed(2)).join(", ")} s`,
  );
}
const a = results[1][0].run.aggregates[0];
const b = results[threads][0].run.aggregates[0];
const identical = a.every((x, s) => Buffer.from(x.buffer).equals(Buffer.from(b[s].buffer)));
const speedup =
  Math.min(...results[1].map((x) => x.wall)) / Math.min(...results[threads].map((x) => x.wall));
console.log(
  `firms ${firms}, years ${years} (+${burnIn} burn-in), baseline + 1 reform: ${(firmYears / 1e6).toFixed(0)} M firm-years`,
);
for (const r of rows) console.log(r);
console.log(
  `speed-up ${threads} threads / 1: ${speedup.toFixed(2)}x; aggregates bit-identical: ${identical}`,
);
console.log(`load average after: ${load()}`);
console.log(
  `peak RSS of the process (main + workers): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
