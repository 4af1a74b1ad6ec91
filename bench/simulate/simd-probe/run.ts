/**
 * What WebAssembly SIMD gives on this machine for the yardstick rule (see kernel.ts):
 * firm-years per CPU second of the scalar compiled loop, the f64x2 loop (same bits, table read
 * lane by lane) and the f32x4 loop (polynomial sigmoid), alternating in rounds; then the model's
 * export decision (kernel.ts), scalar and f64x2, on plausible firms.
 *
 *   node --no-liftoff --import tsx bench/simulate/simd-probe/run.ts [firms=1000000] [years=20] [rounds=3]
 *
 * (--no-liftoff: every loop runs optimized code from its first call; without it the first
 * rounds can time the baseline compiler's code.)
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import asc from "assemblyscript/asc";
import { counterRng } from "../../../src/simulate/index.ts";

const N = Number(process.argv[2] ?? 1_000_000) & ~3;
const YEARS = Number(process.argv[3] ?? 20);
const ROUNDS = Number(process.argv[4] ?? 3);

interface Probe {
  scalarYear(ex: number, prod: number, sig: number, key: number, n: number): number;
  f64x2Year(ex: number, prod: number, sig: number, key: number, n: number): number;
  f32x4Year(ex: number, prod: number, key: number, n: number): number;
  setColumns(...addresses: number[]): void;
  decisionScalar(sig: number, expn: number, lost: number, key: number, n: number): number;
  decisionF64x2(sig: number, expn: number, lost: number, key: number, n: number): number;
}

async function compile(): Promise<{ probe: Probe; memory: WebAssembly.Memory }> {
  const dir = mkdtempSync(join(tmpdir(), "outward-simd-"));
  const out = join(dir, "probe.wasm");
  const here = dirname(fileURLToPath(import.meta.url));
  const { error, stderr } = await asc.main([
    join(here, "kernel.ts"),
    "--optimizeLevel",
    "3",
    "--runtime",
    "stub",
    "--noAssert",
    "--importMemory",
    "--enable",
    "simd",
    "--outFile",
    out,
  ]);
  if (error) throw new Error(`probe build failed: ${stderr.toString()}`);
  const bytes = readFileSync(out);
  rmSync(dir, { recursive: true });
  const pages = Math.ceil((N * 38 + (1282 + 2050 + 256) * 8 + 8192) / 65536) + 1;
  const memory = new WebAssembly.Memory({ initial: pages });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  return { probe: instance.exports as unknown as Probe, memory };
}

function cpuSeconds(run: () => void): number {
  const c = process.cpuUsage();
  run();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1e6;
}

const { probe, memory } = await compile();
const SIG = 1024;
const PROD = SIG + 1282 * 8 + 64;
const EX = PROD + N * 4;
const sig = new Float64Array(memory.buffer, SIG, 1282);
for (let k = 0; k < 1282; k++) sig[k] = 1 / (1 + Math.exp(-(k / 32 - 20)));
const productivity = new Float32Array(memory.buffer, PROD, N);
const exporting = new Uint8Array(memory.buffer, EX, N);
const rng = counterRng(1, 0);
const key0 = rng.key(2000, 7);

// The decision stage's columns and tables, after the rule's.
const align = (a: number) => Math.ceil(a / 8) * 8;
let next = align(EX + N);
const take = (bytes: number) => {
  const at = next;
  next = align(next + bytes);
  return at;
};
const EXPN = take(2050 * 8);
const LOST = take(256 * 8);
const C = {
  stat: take(N * 8),
  logEmp: take(N * 4),
  links: take(N),
  barrier: take(N * 4),
  demand: take(N * 4),
  know: take(N * 4),
  concern: take(N * 4),
  gap: take(N),
  ex: take(N),
};
const expn = new Float64Array(memory.buffer, EXPN, 2050);
for (let k = 0; k < 2050; k++) expn[k] = Math.exp(-k / 32);
const lost = new Float64Array(memory.buffer, LOST, 256);
for (let g = 0; g < 256; g++) lost[g] = 1 + 0.1 * Math.min(g, 10);
probe.setColumns(...Object.values(C));

/** Plausible firms: uniform draws shaped to each column's range. */
function fillFirms(): void {
  const u = (k: number, i: number) => rng.uniform(rng.key(2000, 20 + k), i);
  const f64 = (a: number) => new Float64Array(memory.buffer, a, N);
  const f32 = (a: number) => new Float32Array(memory.buffer, a, N);
  const u8 = (a: number) => new Uint8Array(memory.buffer, a, N);
  const [stat, logEmp, barrier, demand, know, concern] = [
    f64(C.stat),
    f32(C.logEmp),
    f32(C.barrier),
    f32(C.demand),
    f32(C.know),
    f32(C.concern),
  ];
  const [links, gap, ex] = [u8(C.links), u8(C.gap), u8(C.ex)];
  for (let i = 0; i < N; i++) {
    stat[i] = u(0, i) * 3 - 1.5;
    logEmp[i] = u(1, i) * 5;
    links[i] = u(2, i) < 0.3 ? 1 : 0;
    barrier[i] = 4 + u(3, i) * 12;
    demand[i] = u(4, i) * 2 - 1;
    know[i] = u(5, i) * 5;
    concern[i] = 1 + u(6, i) * 4;
    gap[i] = u(7, i) < 0.5 ? 0 : Math.floor(u(8, i) * 6);
    ex[i] = 0;
  }
}

function decisionRun(simd: boolean): { rate: number; exporters: number } {
  fillFirms();
  const year = (key: number) =>
    simd
      ? probe.decisionF64x2(SIG, EXPN, LOST, key, N)
      : probe.decisionScalar(SIG, EXPN, LOST, key, N);
  for (let y = 0; y < 3; y++) year(rng.key(1990 + y, 1));
  let exporters = 0;
  const s = cpuSeconds(() => {
    for (let y = 0; y < YEARS; y++) exporters = year(rng.key(2001 + y, 1));
  });
  return { rate: (N * YEARS) / s / 1e6, exporters };
}

type Kind = "scalar" | "f64x2" | "f32x4";
function year(kind: Kind, key: number): number {
  if (kind === "scalar") return probe.scalarYear(EX, PROD, SIG, key, N);
  if (kind === "f64x2") return probe.f64x2Year(EX, PROD, SIG, key, N);
  return probe.f32x4Year(EX, PROD, key, N);
}

function run(kind: Kind): { rate: number; exporters: number } {
  for (let i = 0; i < N; i++) productivity[i] = rng.uniform(key0, i) * 2 - 1;
  exporting.fill(0);
  for (let y = 0; y < 3; y++) year(kind, rng.key(1990 + y, 1));
  let exporters = 0;
  const s = cpuSeconds(() => {
    for (let y = 0; y < YEARS; y++) exporters = year(kind, rng.key(2001 + y, 1));
  });
  return { rate: (N * YEARS) / s / 1e6, exporters };
}

// V8 first runs wasm in its baseline compiler and swaps in optimized code only between calls:
// warm each loop with many short calls so the timed years run the optimized code.
for (let w = 0; w < 2000; w++) {
  probe.scalarYear(EX, PROD, SIG, w, 1024);
  probe.f64x2Year(EX, PROD, SIG, w, 1024);
  probe.f32x4Year(EX, PROD, w, 1024);
  probe.decisionScalar(SIG, EXPN, LOST, w, 1024);
  probe.decisionF64x2(SIG, EXPN, LOST, w, 1024);
}
console.log(`${N} firms x ${YEARS} years, node ${process.version}, M firm-years per CPU second`);
for (let r = 0; r < ROUNDS; r++) {
  const a = run("scalar");
  const b = run("f64x2");
  const c = run("f32x4");
  const same = a.exporters === b.exporters ? "same exporters" : "DIFFERENT exporters";
  console.log(
    `round ${r + 1}: scalar ${a.rate.toFixed(1)}, f64x2 ${b.rate.toFixed(1)} (${same}), ` +
      `f32x4 ${c.rate.toFixed(1)} (exporters ${c.exporters} vs ${a.exporters})`,
  );
  const d = decisionRun(false);
  const e = decisionRun(true);
  console.log(
    `         the model's decision stage: scalar ${d.rate.toFixed(1)}, f64x2 ${e.rate.toFixed(1)} ` +
      `(${(e.rate / d.rate).toFixed(2)}x, ${d.exporters === e.exporters ? "same" : "DIFFERENT"} exporters)`,
  );
}
