/**
 * Throughput of the in-memory diagnosis on generated profiles (one core).
 *
 *   node --import tsx bench/diagnose/diagnose.bench.ts [--n 1000000] [--chunk 100000]
 *        [--full 20000] [--seed 42] [--repeat 3]
 *        [--paths classify,fast,batch,columns,fast+csv,columns+csv,full]
 *
 * Profiles are generated per chunk before timing (generation is not timed). CPU time is the
 * process's, so it includes V8's background threads (concurrent GC, compilation); forcing a
 * collection before each chunk was tried and made it worse (the sweeper then runs in the timed
 * region). Paths measured:
 *   classify  classifyPosition + classifyState (the policy simulation's per-firm call)
 *   fast      diagnose(p) with trace off: position, state, barriers, modes, ranked
 *             recommendations and the Table 1 reading; ask_next / what_would_move not touched
 *   batch     diagnoseBatch(chunk): the fast path plus the reliability accumulator
 *   columns   diagnoseColumns over the chunk's ProfileColumns (built before timing): the same
 *             position, state, barriers, mode verdicts, ranked recommendations and
 *             contradicted perspectives as codes in typed arrays, output columns reused
 *   fast+csv  diagnosisCsvLine(diagnose(p)) per profile: the assess --csv line, one firm at a time
 *   columns+csv  diagnoseColumns then diagnosisColumnsCsvLines: the same lines from the codes
 *   columns+bytes  diagnoseColumns then diagnosisColumnsCsvBytes: those lines as UTF-8 bytes
 *             (each slice's buffer recycled once its length is read)
 *   full      diagnose(p, {trace: true}): everything, including ask_next and what_would_move
 */
import { performance } from "node:perf_hooks";
import { diagnosisCsvLine } from "../../src/cli/render/diagnosis.ts";
import {
  allocateDiagnosisColumns,
  classifyPosition,
  classifyState,
  DEFAULT_PARAMS,
  type DiagnosisColumns,
  diagnose,
  diagnoseBatch,
  diagnoseColumns,
  diagnosisColumnsCsvBytes,
  diagnosisColumnsCsvLines,
  recycleCsvBytes,
} from "../../src/diagnose/index.ts";
import { type Profile, type ProfileColumns, profilesToColumns } from "../../src/firm/index.ts";
import { mainThreadMs } from "../thread-cpu.ts";
import { generateProfile, rng } from "./generate.ts";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const N = arg("n", 1_000_000);
const CHUNK = arg("chunk", 100_000);
const FULL = arg("full", 20_000);
const SEED = arg("seed", 42);
const REPEAT = arg("repeat", 3);

/** Chunk k is regenerated from its own seed, so memory stays at one chunk and runs repeat. */
function chunk(k: number): Profile[] {
  const r = rng(SEED + k);
  const size = Math.min(CHUNK, N - k * CHUNK);
  const out: Profile[] = new Array(size);
  for (let i = 0; i < size; i++) out[i] = generateProfile(r, k * CHUNK + i);
  return out;
}
const CHUNKS = Math.ceil(N / CHUNK);

interface Chunk {
  profiles: Profile[];
  /** The same profiles as columns, for the column paths (built before timing). */
  columns: ProfileColumns | null;
}
type Path = ((chunk: Chunk) => number) & { columns?: boolean };

// Output columns reused from chunk to chunk, as a streaming reader reuses its batch.
const diagnosisOut = allocateDiagnosisColumns(CHUNK);
const columnPath = (run: (cols: ProfileColumns) => number): Path =>
  Object.assign((c: Chunk) => run(c.columns!), { columns: true });

/** diagnoseColumns, then the CSV in slices of 16,384 rows (one write on the streaming path). */
function slices(
  cols: ProfileColumns,
  lines: (
    cols: ProfileColumns,
    d: DiagnosisColumns,
    start: number,
    end: number,
  ) => { length: number },
): number {
  const d = diagnoseColumns(cols, DEFAULT_PARAMS, diagnosisOut);
  let bytes = 0;
  for (let start = 0; start < cols.length; start += 16_384) {
    bytes += lines(cols, d, start, Math.min(cols.length, start + 16_384)).length;
  }
  return bytes;
}

const paths: Record<string, Path> = {
  classify: ({ profiles }) => {
    let sink = 0;
    for (const p of profiles) {
      sink +=
        classifyPosition(p, DEFAULT_PARAMS).confidence +
        classifyState(p, DEFAULT_PARAMS).confidence;
    }
    return sink;
  },
  fast: ({ profiles }) => {
    let sink = 0;
    for (const p of profiles) sink += diagnose(p).recommendations.length;
    return sink;
  },
  batch: ({ profiles }) => diagnoseBatch(profiles).diagnoses.length,
  columns: columnPath((cols) => diagnoseColumns(cols, DEFAULT_PARAMS, diagnosisOut).rec_count[0]),
  "fast+csv": ({ profiles }) => {
    let bytes = 0;
    for (const p of profiles) bytes += diagnosisCsvLine(diagnose(p)).length;
    return bytes;
  },
  "columns+csv": columnPath((cols) => slices(cols, diagnosisColumnsCsvLines)),
  // Each slice's bytes are given back once counted, as the streaming writer gives them back.
  "columns+bytes": columnPath((cols) =>
    slices(cols, (c, d, start, end) => {
      const bytes = diagnosisColumnsCsvBytes(c, d, start, end);
      recycleCsvBytes(bytes);
      return bytes;
    }),
  ),
};

interface Rates {
  wall: number;
  cpu: number;
  thread: number;
}

/**
 * Profiles per second of wall time, of this process's CPU time (user + system, all threads) and
 * of the main thread's CPU time.
 */
function time(path: Path): Rates {
  let sink = 0;
  let wall = 0;
  let cpu = 0;
  let thread = 0;
  for (let k = 0; k < CHUNKS; k++) {
    const profiles = chunk(k);
    const data = { profiles, columns: path.columns ? profilesToColumns(profiles) : null };
    const m0 = mainThreadMs();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    sink += path(data);
    wall += performance.now() - t0;
    const c = process.cpuUsage(c0);
    thread += mainThreadMs() - m0;
    cpu += (c.user + c.system) / 1000;
  }
  if (sink === Number.NEGATIVE_INFINITY) console.log(sink);
  return { wall: N / (wall / 1000), cpu: N / (cpu / 1000), thread: N / (thread / 1000) };
}

const M = (x: number) => `${(x / 1e6).toFixed(2)}M`;
console.log(
  `node ${process.version}, ${N} profiles in chunks of ${CHUNK}, seed ${SEED}, ${REPEAT} runs`,
);

// Machine-state yardstick: CPU ms for one pass summing 10M doubles (a few ms on a quiet core).
{
  const xs = new Float64Array(10_000_000).fill(1.5);
  const c0 = process.cpuUsage();
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i];
  const c = process.cpuUsage(c0);
  console.log(
    `yardstick sum of 10M doubles: ${((c.user + c.system) / 1000).toFixed(1)} CPU ms (${sum})`,
  );
}
const only = process.argv.includes("--paths")
  ? process.argv[process.argv.indexOf("--paths") + 1].split(",")
  : [...Object.keys(paths), "full"];
for (const [name, path] of Object.entries(paths)) {
  if (!only.includes(name)) continue;
  const runs: Rates[] = [];
  for (let k = 0; k < REPEAT; k++) runs.push(time(path));
  const range = (key: keyof Rates) => {
    const xs = runs.map((r) => r[key]);
    return `best ${M(Math.max(...xs))} worst ${M(Math.min(...xs))}`;
  };
  console.log(
    `${name.padEnd(13)} profiles/s wall ${range("wall")}; cpu ${range("cpu")}; main thread ${range("thread")}`,
  );
  console.log(`${"".padEnd(13)} main thread by pass: ${runs.map((r) => M(r.thread)).join(" ")}`);
}

const full = only.includes("full") ? chunk(0).slice(0, FULL) : [];
if (full.length > 0) {
  let items = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const p of full) {
    const d = diagnose(p, { trace: true });
    items += d.what_would_move.length + d.ask_next.length + d.trace.length;
  }
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  console.log(
    `full      profiles/s wall ${(full.length / wall).toFixed(0)}; cpu ${(full.length / cpu).toFixed(0)} over ${full.length} (trace, table1, ask_next, what_would_move; ${items} items)`,
  );
}
