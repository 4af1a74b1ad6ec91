/**
 * Panel loading benchmark: CSV vs Outward columnar (.owc) vs Parquet on the synthetic panel,
 * each load in its own process (wall, CPU, peak RSS), and, when Rscript exists, R reading the
 * same CSV (read.csv, data.table::fread) then plm's within estimator, with ratios.
 *
 *   node --import tsx bench/panel/load.bench.ts [--firms 1000000] [--reps 3]
 *        [--plm-firms 100000 | --plm-full] [--effect individual] [--no-r]
 *
 * Missing input files are generated first with bench/panel/gen.ts. Results: stdout (markdown)
 * and bench/out/load-results.json.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { BENCH_OUT, panelFile } from "./gen-paths.ts";

const { values } = parseArgs({
  options: {
    firms: { type: "string", default: "1000000" },
    reps: { type: "string", default: "3" },
    "plm-firms": { type: "string", default: "100000" },
    "plm-full": { type: "boolean", default: false },
    effect: { type: "string", default: "individual" },
    "no-r": { type: "boolean", default: false },
  },
});
const firms = Number(values.firms);
const reps = Number(values.reps);
const plmFirms = values["plm-full"] ? firms : Number(values["plm-firms"]);
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

interface Run {
  wall_s: number;
  cpu_s: number;
  max_rss_mb: number;
  rows: number;
}

function ensure(n: number, formats: string[]): void {
  const missing = formats.filter((f) => !existsSync(panelFile(n, f as "csv")));
  if (missing.length === 0) return;
  process.stderr.write(`generating ${missing.join(",")} for ${n} firms...\n`);
  const r = spawnSync(
    "node",
    ["--import", "tsx", "bench/panel/gen.ts", "--firms", String(n), "--format", missing.join(",")],
    { stdio: "inherit" },
  );
  if (r.status !== 0) throw new Error("bench/panel/gen.ts failed");
}

/** Runs a command under /usr/bin/time -v when present; returns stdout and the peak RSS in MB. */
function timed(cmd: string, args: string[]): { stdout: string; rssMb?: number } {
  const r = TIME
    ? spawnSync(TIME, ["-v", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 26 })
    : spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? "");
  return { stdout: r.stdout, rssMb: m ? Math.round(Number(m[1]) / 1024) : undefined };
}

function load(file: string, extra: string[] = []): Run[] {
  const runs: Run[] = [];
  for (let k = 0; k < reps; k++) {
    const { stdout, rssMb } = timed("node", [
      "--import",
      "tsx",
      "bench/panel/load-one.ts",
      file,
      ...extra,
    ]);
    const r = JSON.parse(stdout.trim().split("\n").pop()!) as Run;
    runs.push({ ...r, max_rss_mb: rssMb ?? r.max_rss_mb });
  }
  return runs;
}

const best = (runs: Run[], k: keyof Run) => Math.min(...runs.map((r) => r[k]));
const spread = (runs: Run[], k: keyof Run) =>
  `${Math.min(...runs.map((r) => r[k])).toFixed(2)}-${Math.max(...runs.map((r) => r[k])).toFixed(2)}`;

ensure(firms, ["csv", "owc", "parquet"]);
const load0 = loadavg()[0];
const configs: [string, string, string[]][] = [
  ["node baseline (no read)", "none", []],
  ["CSV", panelFile(firms, "csv"), []],
  ["CSV, 4 of 6 columns", panelFile(firms, "csv"), ["--columns", "firm,year,y,x1"]],
  [".owc (CRC-32 verified)", panelFile(firms, "owc"), []],
  [".owc (no verification)", panelFile(firms, "owc"), ["--no-verify"]],
  [".owc, 4 of 6 columns", panelFile(firms, "owc"), ["--columns", "firm,year,y,x1"]],
  ["Parquet (hyparquet)", panelFile(firms, "parquet"), []],
];
const results: Record<string, unknown>[] = [];
const lines = [
  `| load (${firms} firms) | rows | wall s best (range of ${reps}) | CPU s best | peak RSS MB |`,
  "| --- | --- | --- | --- | --- |",
];
for (const [label, file, extra] of configs) {
  const runs = load(file, extra);
  results.push({ label, file, extra, runs });
  lines.push(
    `| ${label} | ${runs[0].rows} | ${best(runs, "wall_s").toFixed(2)} (${spread(runs, "wall_s")}) | ${best(runs, "cpu_s").toFixed(2)} | ${best(runs, "max_rss_mb")} |`,
  );
}

let r: Record<string, unknown> | undefined;
const hasR = !values["no-r"] && spawnSync("Rscript", ["--version"]).status === 0;
if (hasR) {
  ensure(plmFirms, ["csv"]);
  const csv = panelFile(plmFirms, "csv");
  const ours = load(csv);
  const res = timed("Rscript", ["bench/panel/plm.R", csv, values.effect]);
  const line = res.stdout.split("\n").find((l) => l.startsWith("RESULT "));
  r = { ...(JSON.parse(line!.slice(7)) as Record<string, number>), max_rss_mb: res.rssMb };
  const o = best(ours, "wall_s");
  const num = (k: string) => Number(r![k]);
  const oc = best(ours, "cpu_s");
  const row = (label: string, k: string, ratio = true) => {
    const c = num(`${k.slice(0, -2)}_cpu_s`);
    const ratios = ratio ? `${(num(k) / o).toFixed(1)}x | ${(c / oc).toFixed(1)}x` : " | ";
    return `| ${label} | ${num(k).toFixed(2)} | ${c.toFixed(2)} | ${ratios} |`;
  };
  lines.push(
    "",
    `| same run, ${csv} (${ours[0].rows} rows) | wall s | CPU s | wall ratio to Outward | CPU ratio to Outward |`,
    "| --- | --- | --- | --- | --- |",
    `| Outward readFrame CSV (best of ${reps}, 1 thread) | ${o.toFixed(2)} | ${oc.toFixed(2)} | 1 | 1 |`,
    row("R read.csv", "read_csv_s"),
    row("R data.table::fread, 1 thread", "fread_1thread_s"),
    `| R data.table::fread, ${num("fread_threads")} thread(s) (its default) | ${num("fread_s").toFixed(2)} | | ${(num("fread_s") / o).toFixed(1)}x | |`,
    row("plm pdata.frame (estimation side: estimate.bench.ts)", "pdata_frame_s", false),
    row(`plm within (${values.effect})`, "plm_within_s", false),
    row("plm vcovHC(arellano, HC0)", "vcovHC_s", false),
    `| Rscript peak RSS MB (whole run) | ${r.max_rss_mb} | | | |`,
  );
}
const load1 = loadavg()[0];
lines.push(
  "",
  `load average (1 min) at start ${load0.toFixed(1)}, at end ${load1.toFixed(1)} on ${(await import("node:os")).cpus().length} cores`,
);
process.stdout.write(`${lines.join("\n")}\n`);
writeFileSync(
  `${BENCH_OUT}/load-results.json`,
  `${JSON.stringify({ firms, reps, loadavg: [load0, load1], results, r }, null, 2)}\n`,
);
