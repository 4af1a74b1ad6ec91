/**
 * One run of the benchmark's workload (baseline + the grant reform, 15 burn-in and 20 policy
 * years, 1 thread) for instruction counting; see instructions.sh.
 *
 *   node --import tsx bench/simulate/once.ts [firms=100000] [factory=./hooks.ts]
 *
 * `factory`: the reform's hook module (instructions.sh passes a prebuilt JavaScript copy).
 */
import { pathToFileURL } from "node:url";
import { runSimulation } from "../../src/simulate/index.ts";

const firms = Number(process.argv[2] ?? 100_000);
const factory = process.argv[3]
  ? pathToFileURL(process.argv[3]).href
  : new URL("./hooks.ts", import.meta.url).href;
const t0 = performance.now();
const c = process.cpuUsage();
await runSimulation({
  firms,
  years: 20,
  burnIn: 15,
  threads: 1,
  reforms: [
    { id: "grant", hash: "bench", factory, scenario: { budget: firms * 2, grant: 10, offset: 2 } },
  ],
});
const d = process.cpuUsage(c);
const cpu = (d.user + d.system) / 1e6;
console.log(
  `${firms} firms x 55 firm-years: wall ${((performance.now() - t0) / 1000).toFixed(2)} s, CPU ${cpu.toFixed(2)} s`,
);
