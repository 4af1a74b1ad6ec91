/**
 * The runner's threads: this thread plus `threads - 1` worker threads claim (replication,
 * block) tasks from one shared counter (`Atomics.add`), so no thread ever waits for another to
 * hand it work. The calling thread only reads worker messages between its own blocks, and a
 * worker's next block no longer depends on it. Results come back in any order; the runner adds
 * them in block order, so totals do not depend on who ran what.
 *
 * Workers are started once per process and kept (unreferenced between runs, so they never keep
 * the process alive): a worker spends ~0.5 s bundling and loading its code (worker-bundle.ts),
 * and the calling thread computes from the first millisecond meanwhile. A worker still loading
 * when every task is claimed takes none, and the run does not wait for it.
 */
import { Worker } from "node:worker_threads";
import { type BlockResult, taskAt } from "./blocks.ts";
import { DEFAULT_HOOK_FACTORY } from "./hooks-factory.ts";
import { kernelModule } from "./kernel/wasm-module.ts";
import type { WorkerReply, WorkerRun, WorkerTask } from "./worker.ts";
import { BOOTSTRAP, workerBoot } from "./worker-bundle.ts";

const workers: Worker[] = [];
interface Joined {
  w: Worker;
  onMessage: (reply: WorkerReply) => void;
  onError: (err: Error) => void;
  onExit: (code: number) => void;
}
/** The factories the pool's workers link (one per line). */
let workersFor: string | null = null;
let runs = 0;
/** Tasks run by worker threads since the process started (to check that they take part). */
let workerTasks = 0;
const loaded = new WeakMap<Worker, Promise<void>>();
/** The kernel each started worker reported running (a fallback to JavaScript shows here). */
const kernels: Array<"wasm" | "js"> = [];

export function poolStats(): {
  workers: number;
  workerTasks: number;
  kernels: ReadonlyArray<"wasm" | "js">;
} {
  return { workers: workers.length, workerTasks, kernels };
}

function spawn(factories: string[]): Worker {
  // The compiled kernel goes along, so the worker need not find and compile the file again.
  const w = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { ...workerBoot(factories), kernel: kernelModule() },
  });
  w.unref();
  loaded.set(
    w,
    new Promise<void>((resolve) => {
      const onReady = (m: WorkerReply) => {
        if (m.kind !== "ready") return;
        kernels.push(m.kernel);
        w.off("message", onReady);
        resolve();
      };
      w.on("message", onReady);
      w.once("exit", () => resolve());
    }),
  );
  // A worker that fails is dropped from the pool (the run it served reports the error).
  const drop = () => {
    const k = workers.indexOf(w);
    if (k >= 0) workers.splice(k, 1);
  };
  w.on("error", drop);
  w.on("exit", drop);
  return w;
}

/**
 * Starts the pool's workers for reforms built by `factories` (file URLs of hook modules)
 * ahead of a run, and returns them; a run starts them itself when needed. Workers built for
 * other factories are replaced.
 */
export function startWorkers(count: number, factories: readonly string[]): Worker[] {
  const linked = [...new Set(factories)].sort();
  const key = linked.join("\n");
  if (workersFor !== key) {
    for (const w of workers.splice(0)) void w.terminate();
    workersFor = key;
  }
  while (workers.length < count) workers.push(spawn(linked));
  return workers.slice(0, count);
}

/** Starts the workers as `startWorkers` does and resolves once they have loaded. */
export async function workersLoaded(count: number, factories: readonly string[]): Promise<void> {
  const ws = startWorkers(count, factories);
  await Promise.all(ws.map((w) => loaded.get(w)));
}

/**
 * Runs `total` tasks (claim t: `taskAt(t, blocksPerReplication, parts)`) on this thread
 * (`local`) and `threads - 1` workers, passing each task's results to `onResult`. Every
 * thread counts the block-years it has simulated in one shared counter; `onProgress` gets the
 * count after each of this thread's years and, while this thread waits for the workers, a few
 * times a second.
 */
export async function runOnWorkers(
  threads: number,
  init: Omit<WorkerRun, "run" | "claims" | "total" | "blocksPerReplication">,
  total: number,
  blocksPerReplication: number,
  onResult: (task: WorkerTask, results: BlockResult[]) => void,
  local: (task: WorkerTask, onYear: () => void) => BlockResult[],
  onProgress?: (blockYears: number) => void,
): Promise<void> {
  const nWorkers = Math.min(threads - 1, total - 1);
  // Workers find each reform's factory by the same specifier the bundle linked.
  const reforms = init.reforms.map((r) => ({ ...r, factory: r.factory ?? DEFAULT_HOOK_FACTORY }));
  // [next claim, block-years done]
  const claims = new Int32Array(new SharedArrayBuffer(8));
  const onYear = () => {
    const n = Atomics.add(claims, 1, 1) + 1;
    onProgress?.(n);
  };
  const run = ++runs;
  const msg: WorkerRun = { ...init, reforms, run, claims, total, blocksPerReplication };
  let own = 0;
  let fromWorkers = 0;
  let finished = false;
  let settle: (err?: Error) => void = () => {};
  const workersDone = new Promise<void>((resolve, reject) => {
    settle = (err) => (err ? reject(err) : resolve());
  });
  workersDone.catch(() => {});
  const check = () => {
    // Every claim below `total` was taken by someone: this thread's are counted in `own`.
    if (finished && fromWorkers === total - own) settle();
  };
  const joined: Joined[] = [];
  const join = (w: Worker) => {
    const onMessage = (reply: WorkerReply) => {
      if (reply.run !== run) return;
      if (reply.kind === "error")
        return settle(new Error(`simulation worker failed: ${reply.message}`));
      if (reply.kind === "result") {
        fromWorkers++;
        workerTasks++;
        onResult(reply.task, reply.results);
        check();
      }
    };
    const onError = (err: Error) => settle(new Error(`simulation worker failed: ${err.message}`));
    const onExit = (code: number) =>
      settle(new Error(`simulation worker exited with code ${code}`));
    w.on("message", onMessage);
    w.on("error", onError);
    w.on("exit", onExit);
    w.ref();
    w.postMessage(msg);
    joined.push({ w, onMessage, onError, onExit });
  };
  // A worker claims its first block once it has loaded (the first run of a process starts
  // it); this thread computes meanwhile.
  for (const w of startWorkers(
    nWorkers,
    reforms.map((r) => r.factory),
  ))
    join(w);
  try {
    for (;;) {
      const t = Atomics.add(claims, 0, 1);
      if (t >= total) break;
      const task = taskAt(t, blocksPerReplication, init.plan.parts?.length ?? 1);
      onResult(task, local(task, onYear));
      own++;
      // Let worker results (and progress) through between this thread's blocks.
      if (nWorkers > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    finished = true;
    check();
    const timer = setInterval(() => onProgress?.(Atomics.load(claims, 1)), 200);
    try {
      await workersDone;
    } finally {
      clearInterval(timer);
    }
    onProgress?.(Atomics.load(claims, 1));
  } finally {
    for (const { w, onMessage, onError, onExit } of joined) {
      w.off("message", onMessage);
      w.off("error", onError);
      w.off("exit", onExit);
      w.unref();
    }
  }
}
