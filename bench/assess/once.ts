// One measured run of the assess pipeline in a fresh process, printing one JSON line.
// Usage: node --import tsx bench/assess/once.ts FILE.csv baseline|validate|columns|csv|csv-records|json
// "baseline" is csv-parse + the zod schema; "validate" is the streaming reader (scanner + compiled
// validator) only; "columns" is the bulk reader (bytes -> ProfileColumns batches) only;
// "csv"/"json" also diagnose and write to a null sink, exactly as
// `outward assess FILE --csv|--json > /dev/null` does (same runAssess, same engine): "csv" takes
// the bulk route (columns, diagnoseColumns, CSV bytes), "csv-records" the per-record route it
// replaced (readFirmBatches, diagnose per profile, one line each).
import { createReadStream } from "node:fs";
import { Writable } from "node:stream";
import { parse } from "csv-parse";
import { loadEngine } from "../../src/cli/commands/assess.ts";
import { runAssess } from "../../src/cli/commands/assess-run.ts";
import { validateProfile } from "../../src/firm/index.ts";
import { readFirmBatches, readProfileColumnBatches } from "../../src/io/index.ts";
import { mainThreadMs } from "../thread-cpu.ts";

const [file, mode] = process.argv.slice(2);
const mainThreadSeconds = () => mainThreadMs() / 1000;
const sink = (): Writable =>
  new Writable({
    write(_chunk, _enc, done) {
      done();
    },
  });
const m0 = mainThreadSeconds();
const c0 = process.cpuUsage();
const t0 = performance.now();
let n = 0;
// CPU spent loading the diagnose engine (module compilation), inside the totals below.
let setupCpu = 0;
const cpuSeconds = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1e6;
if (mode === "baseline") {
  // The obvious route the fast path replaces: csv-parse records into the zod schema.
  const parser = createReadStream(file).pipe(parse({ columns: true, relax_column_count: true }));
  let row = 0;
  for await (const record of parser) {
    row++;
    if (validateProfile(record as Record<string, unknown>, { file, row }).ok) n++;
  }
} else if (mode === "validate") {
  for await (const batch of readFirmBatches(file)) for (const r of batch) if (r.result.ok) n++;
} else if (mode === "columns") {
  // The bulk reader: bytes decoded straight into ProfileColumns batches.
  for await (const batch of readProfileColumnBatches(file)) {
    if (batch.kind === "columns") n += batch.columns.length;
  }
} else if (mode === "csv" || mode === "csv-records" || mode === "json") {
  const engine = await loadEngine({}, "defaults");
  setupCpu = cpuSeconds(process.cpuUsage(c0));
  if (mode === "csv-records") delete engine.csvBytesOfColumns;
  const summary = await runAssess(file, engine, {
    format: mode === "json" ? "json" : "csv",
    trace: mode === "json",
    rejects: null,
    stdout: sink(),
    stderr: sink(),
  });
  n = summary.assessed;
} else throw new Error(`unknown mode ${mode}`);
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const thread = mainThreadSeconds() - m0;
process.stdout.write(
  `${JSON.stringify({
    file,
    mode,
    profiles: n,
    wall_s: +wall.toFixed(2),
    cpu_s: +((cpu.user + cpu.system) / 1e6).toFixed(2),
    per_s_wall: Math.round(n / wall),
    per_s_cpu: Math.round(n / ((cpu.user + cpu.system) / 1e6)),
    main_thread_cpu_s: +thread.toFixed(2),
    per_s_main_thread: Math.round(n / thread),
    setup_cpu_s: +setupCpu.toFixed(2),
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
