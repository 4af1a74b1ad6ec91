/**
 * A small pool of threads for the runner. `threads - 1` worker threads plus the calling
 * thread take tasks from one shared queue; results come back in any order (the runner sorts
 * them by block, so totals do not depend on who ran what).
 *
 * The calling thread works too because a worker needs 1-3 s to start here (it registers the
 * TypeScript loader and compiles the modules again): with two threads, the caller computes
 * from the first millisecond and only one worker pays that start. Each worker holds up to two
 * tasks, so it never waits for the caller, which only hands out work between its own blocks.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { BlockResult } from "./blocks.ts";
import type { WorkerInit, WorkerTask } from "./worker.ts";

/** File URL of tsx's ESM registration API, resolved from this package. */
function tsxEsmApi(): string {
  const pkg = createRequire(import.meta.url).resolve("tsx/package.json");
  return pathToFileURL(join(dirname(pkg), "dist/esm/api/index.mjs")).href;
}

/** Tasks a worker holds at once (one running, one waiting). */
const PREFETCH = 2;

/**
 * Runs `tasks` on `threads` threads: `threads - 1` workers, and this thread through `local`
 * (omit it to use `threads` workers and leave this thread idle).
 */
export async function runOnWorkers(
  threads: number,
  init: WorkerInit,
  tasks: WorkerTask[],
  onResult: (task: WorkerTask, results: BlockResult[]) => void,
  local?: (task: WorkerTask) => BlockResult[],
): Promise<void> {
  const queue = [...tasks];
  const url = new URL("./worker.ts", import.meta.url).href;
  // A TypeScript worker needs the tsx loader registered inside the worker before it loads.
  const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then((m) => { m.register(); return import(${JSON.stringify(url)}); });`;
  const nWorkers = Math.min(local ? threads - 1 : threads, tasks.length);
  const workers: Worker[] = [];
  // Per worker: the tasks it holds, and how to say it is done.
  const states: { held: WorkerTask[]; done: () => void }[] = [];
  try {
    const running = Array.from({ length: nWorkers }, () => {
      const worker = new Worker(bootstrap, { eval: true, workerData: init });
      workers.push(worker);
      return new Promise<void>((resolve, reject) => {
        const held: WorkerTask[] = [];
        states.push({ held, done: resolve });
        const fill = () => {
          while (held.length < PREFETCH && queue.length > 0) {
            const task = queue.shift()!;
            held.push(task);
            worker.postMessage(task);
          }
          if (held.length === 0) resolve();
        };
        worker.on(
          "message",
          (msg: { ready?: boolean; ok?: boolean; results?: BlockResult[]; message?: string }) => {
            if (msg.ready) return fill();
            if (!msg.ok) return reject(new Error(`simulation worker failed: ${msg.message}`));
            // A worker answers its tasks in the order it got them.
            onResult(held.shift()!, msg.results!);
            fill();
          },
        );
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (code !== 0) reject(new Error(`simulation worker exited with code ${code}`));
        });
      });
    });
    // Handled from now on, so a worker failing while this thread computes is reported here
    // rather than as an unhandled rejection.
    const all = Promise.all(running);
    all.catch(() => {});
    if (local) {
      while (queue.length > 0) {
        const task = queue.shift()!;
        onResult(task, local(task));
        // Let worker messages through (they hand the workers their next tasks).
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      // A worker still starting when the queue ran dry is not waited for.
      for (const st of states) if (st.held.length === 0) st.done();
    }
    await all;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
