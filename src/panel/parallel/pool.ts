/**
 * Runs a slice kernel over P slices on the calling thread plus helper worker threads, and
 * returns when every slice is done (the estimators stay synchronous: the caller blocks on a
 * shared counter). The caller claims slices too, so helpers that are still starting (loading
 * TypeScript takes a few hundred ms) only join late and never hold a pass up. Helpers are
 * started once, on first use, and do not keep the process alive.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { RunsInput, RunsKernelName } from "../estimators/within-runs-kernels.ts";
import { claimSlices } from "./claim.ts";
import { isShared, type Shareable } from "./shared.ts";

/** Threads used when the caller does not say: the cores, at most 4. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

const helpers: Worker[] = [];
const ready: Promise<unknown>[] = [];
let broken = false;
/** Slices run by helper threads since the process started (to check that they take part). */
let helperSlices = 0;

export function poolStats(): { helpers: number; helperSlices: number } {
  return { helpers: helpers.length, helperSlices };
}

/** A worker that registers tsx's loader, then imports worker.ts (no build step in this project). */
function spawn(): Worker | undefined {
  try {
    const api = createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs");
    const entry = new URL("./worker.ts", import.meta.url).href;
    const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    const w = new Worker(code, { eval: true });
    w.unref();
    w.on("error", () => {
      broken = true;
    });
    return w;
  } catch {
    return undefined;
  }
}

function ensureHelpers(count: number): Worker[] {
  while (helpers.length < count) {
    const w = spawn();
    if (!w) break;
    helpers.push(w);
    ready.push(new Promise((resolve) => w.once("message", resolve)));
  }
  return helpers.slice(0, count);
}

/**
 * Starts `count` helpers and resolves once they have loaded (a pass otherwise starts without
 * them and they join when ready). Resolves at once if they cannot start.
 */
export async function startHelpers(count: number): Promise<void> {
  ensureHelpers(count);
  await Promise.all(ready.slice(0, count));
}

function allShared(inp: RunsInput): boolean {
  const big: Shareable[] = [
    ...inp.C,
    inp.a,
    inp.b,
    inp.out,
    inp.meanY,
    inp.sizes,
    inp.masks,
    inp.S,
    inp.resid,
    ...inp.Xt,
  ];
  return big.every((v) => v.length === 0 || isShared(v));
}

/** Longest wait without a slice finishing before a helper is presumed dead. */
const STALL_MS = 120_000;

/** Runs `kernel` on slices 0..P-1; parallel when threads > 1, P > 1 and the arrays are shared. */
export function runSlices(
  kernel: RunsKernelName,
  inp: RunsInput,
  P: number,
  threads: number,
): void {
  const ctrl = new Int32Array(new SharedArrayBuffer(16));
  const task = { kernel, inp, P, ctrl };
  const workers =
    threads > 1 && P > 1 && !broken && allShared(inp) ? ensureHelpers(threads - 1) : [];
  for (const w of workers) w.postMessage(task);
  claimSlices(task, false);
  for (let done = Atomics.load(ctrl, 1); done < P; done = Atomics.load(ctrl, 1)) {
    if (Atomics.wait(ctrl, 1, done, STALL_MS) === "timed-out" && Atomics.load(ctrl, 1) === done) {
      broken = true;
      throw new Error(
        `a worker thread stopped during the "${kernel}" pass (${done} of ${P} slices done)`,
      );
    }
  }
  helperSlices += Atomics.load(ctrl, 3);
  if (Atomics.load(ctrl, 2) !== 0)
    throw new Error(`the "${kernel}" pass failed on a worker thread`);
}
