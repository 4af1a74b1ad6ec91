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
import { DEFAULT_HOOK_FACTORY } from "./hooks-factory.ts";
import type { WorkerReply, WorkerRun, WorkerTask } from "./worker.ts";
import { bundledWorker } from "./worker-bundle.ts";

/** File URL of tsx's ESM registration API, resolved from this package. */
function tsxEsmApi(): string {
  const pkg = createRequire(import.meta.url).resolve("tsx/package.json");
  return pathToFileURL(join(dirname(pkg), "dist/esm/api/index.mjs")).href;
}

const workers: Worker[] = [];
interface Joined {
  w: Worker;
  onMessage: (reply: WorkerReply) => void;
  onError: (err: Error) => void;
  onExit: (code: number) => void;
}
/** What the pool's workers run: a bundle's path, or "" for the TypeScript sources via tsx. */
let workerCode: string | null = null;
let runs = 0;
/** Tasks run by worker threads since the process started (to check that they take part). */
let workerTasks = 0;
const loaded = new WeakMap<Worker, Promise<void>>();

export function poolStats(): { workers: number; workerTasks: number } {
  return { workers: workers.length, workerTasks };
}

function spawn(bundle: string): Worker {
  let w: Worker;
  if (bundle) w = new Worker(bundle);
  else {
    const url = new URL("./worker.ts", import.meta.url).href;
    // A TypeScript worker needs the tsx loader registered inside the worker before it loads.
    const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then((m) => { m.register(); return import(${JSON.stringify(url)}); });`;
    w = new Worker(bootstrap, { eval: true });
  }
  w.unref();
  loaded.set(
    w,
    new Promise<void>((resolve) => {
      const onReady = (m: WorkerReply) => {
        if (m.kind !== "ready") return;
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
 * ahead of a run, and resolves with them; a run starts them itself when needed. Workers built
 * for other factories are replaced.
 */
export async function startWorkers(count: number, factories: readonly string[]): Promise<Worker[]> {
  const key = [...new Set(factories)].sort();
  const bundle = await bundleFor(key);
  if (workerCode !== bundle) {
    for (const w of workers.splice(0)) void w.terminate();
    workerCode = bundle;
  }
  while (workers.length < count) workers.push(spawn(bundle));
  return workers.slice(0, count);
}

/** Starts the workers as `startWorkers` does and resolves once they have loaded. */
export async function workersLoaded(count: number, factories: readonly string[]): Promise<void> {
  const ws = await startWorkers(count, factories);
  await Promise.all(ws.map((w) => loaded.get(w)));
}

const bundles = new Map<string, Promise<string>>();

/** The bundled worker for these factories ("" when it cannot be built: tsx then). */
function bundleFor(factories: string[]): Promise<string> {
  const key = factories.join("\n");
  let file = bundles.get(key);
  if (file === undefined) {
    file = bundledWorker(factories).then((f) => f ?? "");
    bundles.set(key, file);
  }
  return file;
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
  // Workers find each reform's factory by the same specifier the bundle linked.
  const reforms = init.reforms.map((r) => ({ ...r, factory: r.factory ?? DEFAULT_HOOK_FACTORY }));
  const claims = new Int32Array(new SharedArrayBuffer(4));
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
  // Workers join when ready (the first run of a process bundles them first); this thread
  // computes meanwhile, and a worker ready after the last claim does not join.
  if (nWorkers > 0) {
    startWorkers(
      nWorkers,
      reforms.map((r) => r.factory),
    ).then(
      (ws) => {
        if (!finished) for (const w of ws) join(w);
      },
      (err: Error) => settle(err),
    );
  }
  try {
    for (;;) {
      const t = Atomics.add(claims, 0, 1);
      if (t >= total) break;
      const task = taskAt(t, blocksPerReplication);
      onResult(task, local(task));
      own++;
      // Let worker results (and progress) through between this thread's blocks.
      if (nWorkers > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    finished = true;
    check();
    await workersDone;
  } finally {
    for (const { w, onMessage, onError, onExit } of joined) {
      w.off("message", onMessage);
      w.off("error", onError);
      w.off("exit", onExit);
      w.unref();
      loaded.set(
        w,
        new Promise<void>((resolve) => {
          const onReady = (m: WorkerReply) => {
            if (m.kind !== "ready") return;
            w.off("message", onReady);
            resolve();
          };
          w.on("message", onReady);
          w.once("exit", () => resolve());
        }),
      );
    }
  }
}
