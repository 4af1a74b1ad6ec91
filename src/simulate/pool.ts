/**
 * The runner's threads: this thread plus `threads - 1` worker threads claim (replication,
 * block) tasks from one shared counter (`Atomics.add`), so no thread ever waits for another to
 * hand it work. The calling thread only reads worker messages between its own blocks, and a
 * worker's next block no longer depends on it. Results come back in any order; the runner adds
 * them in block order, so totals do not depend on who ran what.
 *
 * Workers are started once per process and kept (unreferenced between runs, so they never keep
 * the process alive): a TypeScript worker spends 0.5-2 s loading its modules through tsx, and
 * the calling thread computes from the first millisecond meanwhile. A worker still loading when
 * every task is claimed takes none, and the run does not wait for it.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { type BlockResult, taskAt } from "./blocks.ts";
import type { WorkerReply, WorkerRun, WorkerTask } from "./worker.ts";

/** File URL of tsx's ESM registration API, resolved from this package. */
function tsxEsmApi(): string {
  const pkg = createRequire(import.meta.url).resolve("tsx/package.json");
  return pathToFileURL(join(dirname(pkg), "dist/esm/api/index.mjs")).href;
}

const workers: Worker[] = [];
let runs = 0;

function spawn(): Worker {
  const url = new URL("./worker.ts", import.meta.url).href;
  // A TypeScript worker needs the tsx loader registered inside the worker before it loads.
  const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then((m) => { m.register(); return import(${JSON.stringify(url)}); });`;
  const w = new Worker(bootstrap, { eval: true });
  w.unref();
  // A worker that fails is dropped from the pool (the run it served reports the error).
  const drop = () => {
    const k = workers.indexOf(w);
    if (k >= 0) workers.splice(k, 1);
  };
  w.on("error", drop);
  w.on("exit", drop);
  return w;
}

/** Starts the pool's workers ahead of a run (a run starts them itself when needed). */
export function startWorkers(count: number): void {
  while (workers.length < count) workers.push(spawn());
}

/**
 * Runs `total` tasks (claim t = replication * blocksPerReplication + block) on this thread
 * (`local`) and `threads - 1` workers, passing each task's results to `onResult`.
 */
export async function runOnWorkers(
  threads: number,
  init: Omit<WorkerRun, "run" | "claims" | "total" | "blocksPerReplication">,
  total: number,
  blocksPerReplication: number,
  onResult: (task: WorkerTask, results: BlockResult[]) => void,
  local: (task: WorkerTask) => BlockResult[],
): Promise<void> {
  const nWorkers = Math.min(threads - 1, total - 1);
  startWorkers(nWorkers);
  const team = workers.slice(0, nWorkers);
  const claims = new Int32Array(new SharedArrayBuffer(4));
  const run = ++runs;
  const msg: WorkerRun = { ...init, run, claims, total, blocksPerReplication };
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
  const listeners = team.map((w) => {
    const onMessage = (reply: WorkerReply) => {
      if (reply.run !== run) return;
      if (reply.kind === "error")
        return settle(new Error(`simulation worker failed: ${reply.message}`));
      if (reply.kind === "result") {
        fromWorkers++;
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
    return { w, onMessage, onError, onExit };
  });
  try {
    for (;;) {
      const t = Atomics.add(claims, 0, 1);
      if (t >= total) break;
      const task = taskAt(t, blocksPerReplication);
      onResult(task, local(task));
      own++;
      // Let worker results (and progress) through between this thread's blocks.
      if (team.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    finished = true;
    check();
    await workersDone;
  } finally {
    for (const { w, onMessage, onError, onExit } of listeners) {
      w.off("message", onMessage);
      w.off("error", onError);
      w.off("exit", onExit);
      w.unref();
    }
  }
}
