/**
 * One timed load in a fresh process, for load.bench.ts:
 *   node --import tsx bench/panel/load-one.ts FILE [--columns a,b] [--no-verify]
 * Prints one JSON line: rows, columns, wall and CPU seconds of the read, and the process's peak
 * RSS (Node's baseline included; FILE "none" measures that baseline alone).
 */
import { parseArgs } from "node:util";
import { readFrame } from "../../src/io/index.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { columns: { type: "string" }, "no-verify": { type: "boolean", default: false } },
});
const file = positionals[0];
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let rows = 0;
let cols = 0;
if (file !== "none") {
  const { frame } = await readFrame(file, {
    columns: values.columns?.split(","),
    verify: !values["no-verify"],
  });
  rows = frame.nrows;
  cols = frame.names.length;
}
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({
    file,
    rows,
    cols,
    wall_s: Number(wall.toFixed(3)),
    cpu_s: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
