// Where `assess --csv` spends its time, stage by stage, on one file held in memory.
// Usage: node --import tsx bench/assess/stages.ts [FILE.csv] [repeat=5] [batch=8192]
// The file is read once into a single ProfileColumns batch (not timed); then each pass times
// diagnoseColumns over slices of `batch` rows, and the CSV bytes of those slices, separately.
// A last pass times the bulk reader alone over the file. Rates are main-thread CPU (Linux /proc)
// and process CPU, best and worst of the passes: the stages' own costs, without I/O.
import {
  allocateDiagnosisColumns,
  DEFAULT_PARAMS,
  diagnoseColumns,
  diagnosisColumnsCsvBytes,
} from "../../src/diagnose/index.ts";
import { allocateProfileColumns, type ProfileColumns } from "../../src/firm/index.ts";
import { readProfileColumnBatches } from "../../src/io/index.ts";
import { mainThreadMs } from "../thread-cpu.ts";

const file = process.argv[2] ?? "bench/out/assess-100000.csv";
const REPEAT = Number(process.argv[3] ?? 5);
const BATCH = Number(process.argv[4] ?? 8192);

/** Copies rows [start, end) of `cols` into fresh columns (a batch as the reader hands it over). */
function slice(cols: ProfileColumns, start: number, end: number): ProfileColumns {
  const items = Object.fromEntries(
    Object.entries(cols.barrier_items).map(([family, columns]) => [family, columns.length]),
  );
  const out = allocateProfileColumns(end - start, items);
  out.length = end - start;
  for (const [key, value] of Object.entries(cols) as [keyof ProfileColumns, unknown][]) {
    if (ArrayBuffer.isView(value)) {
      (out[key] as unknown as Float64Array).set((value as Float64Array).subarray(start, end));
    } else if (Array.isArray(value)) {
      (out[key] as unknown as unknown[]) = value.slice(start, end);
    }
  }
  for (const [family, items] of Object.entries(cols.barrier_items)) {
    const target = out.barrier_items[family as keyof ProfileColumns["barrier_items"]];
    for (const [k, item] of items.entries()) target[k].set(item.subarray(start, end));
  }
  return out;
}

// The reader reuses its batch's arrays, so each batch is copied as it comes.
const batches: ProfileColumns[] = [];
for await (const batch of readProfileColumnBatches(file, { batchSize: BATCH })) {
  if (batch.kind === "columns" && batch.columns.length > 0) {
    batches.push(slice(batch.columns, 0, batch.columns.length));
  }
}
const rows = batches.reduce((n, b) => n + b.length, 0);
if (rows === 0) throw new Error(`${file}: no valid rows`);
const out = allocateDiagnosisColumns(BATCH);

interface Pass {
  thread: number;
  cpu: number;
}
function timed(run: () => number): Pass & { sink: number } {
  const m0 = mainThreadMs();
  const c0 = process.cpuUsage();
  const sink = run();
  const c = process.cpuUsage(c0);
  return { thread: mainThreadMs() - m0, cpu: (c.user + c.system) / 1000, sink };
}
const stages: Record<string, () => number> = {
  diagnose: () => {
    let s = 0;
    for (const b of batches) s += diagnoseColumns(b, DEFAULT_PARAMS, out).rec_count[0];
    return s;
  },
  "diagnose+bytes": () => {
    let s = 0;
    for (const b of batches) {
      s += diagnosisColumnsCsvBytes(b, diagnoseColumns(b, DEFAULT_PARAMS, out)).length;
    }
    return s;
  },
};
const results: Record<string, Pass[]> = { diagnose: [], "diagnose+bytes": [], read: [] };
for (let r = 0; r < REPEAT; r++) {
  for (const [name, run] of Object.entries(stages)) results[name].push(timed(run));
}
const read = async () => {
  let n = 0;
  for await (const batch of readProfileColumnBatches(file, { batchSize: BATCH })) {
    if (batch.kind === "columns") n += batch.columns.length;
  }
  return n;
};
for (let r = 0; r < Math.min(REPEAT, 3); r++) {
  const m0 = mainThreadMs();
  const c0 = process.cpuUsage();
  await read();
  const c = process.cpuUsage(c0);
  results.read.push({ thread: mainThreadMs() - m0, cpu: (c.user + c.system) / 1000 });
}
const us = (ms: number) => ((ms * 1000) / rows).toFixed(2);
console.log(`${file}: ${rows} rows in batches of ${BATCH}, ${REPEAT} passes (µs a row)`);
for (const [name, passes] of Object.entries(results)) {
  const t = passes.map((p) => p.thread);
  const c = passes.map((p) => p.cpu);
  console.log(
    `${name.padEnd(15)} main thread best ${us(Math.min(...t))} worst ${us(Math.max(...t))}; ` +
      `process best ${us(Math.min(...c))} worst ${us(Math.max(...c))}`,
  );
}
