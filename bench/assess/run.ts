// The assess benchmark: generates seeded profiles, then times read+validate alone and the whole
// pipeline (read, validate, diagnose, write CSV or JSON to a null sink), each in a fresh process,
// reporting profiles/s (wall and CPU) and peak RSS. Memory flatness shows as equal RSS across sizes.
// Usage: node --import tsx bench/assess/run.ts [baseline=100000] [validate=100000,1000000]
//   [columns=100000,1000000] [csv=100000,1000000] [csv-records=] [json=10000] [repeat=1]
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { writeProfilesCsv } from "./generate.ts";

const OUT = join(import.meta.dirname, "../out");
const plan: Record<string, number[]> = {
  baseline: [100_000],
  validate: [100_000, 1_000_000],
  columns: [100_000, 1_000_000],
  csv: [100_000, 1_000_000],
  "csv-records": [],
  json: [10_000],
};
let repeat = 1;
for (const arg of process.argv.slice(2)) {
  const [k, v] = arg.split("=");
  if (k === "repeat") repeat = Number(v);
  else plan[k] = v ? v.split(",").map(Number) : [];
}
mkdirSync(OUT, { recursive: true });
for (const [mode, sizes] of Object.entries(plan)) {
  for (const n of sizes) {
    const file = join(OUT, `assess-${n}.csv`);
    if (!existsSync(file)) await writeProfilesCsv(n, file, 1);
    for (let i = 0; i < repeat; i++) {
      const before = loadavg()[0].toFixed(1);
      const line = execFileSync(
        process.execPath,
        ["--import", "tsx", join(import.meta.dirname, "once.ts"), file, mode],
        {
          encoding: "utf8",
          maxBuffer: 1 << 20,
        },
      );
      // The machine is shared: the 1-minute load average before and after each run goes beside it.
      const load = loadavg()[0].toFixed(1);
      process.stdout.write(
        `${line.trimEnd().slice(0, -1)},"load_before":${before},"load_after":${load}}\n`,
      );
    }
  }
}
