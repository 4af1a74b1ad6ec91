/**
 * A small pool of worker threads for the runner: each worker builds its scenario states once
 * and takes tasks from a shared queue; results come back in any order (the runner sorts them).
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

export async function runOnWorkers(
  threads: number,
  init: WorkerInit,
  tasks: WorkerTask[],
  onResult: (task: WorkerTask, results: BlockResult[]) => void,
): Promise<void> {
  const queue = [...tasks];
  const url = new URL("./worker.ts", import.meta.url).href;
  // A TypeScript worker needs the tsx loader registered inside the worker before it loads.
  const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then((m) => { m.register(); return import(${JSON.stringify(url)}); });`;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: Math.min(threads, tasks.length) }, () => {
        const worker = new Worker(bootstrap, { eval: true, workerData: init });
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          let current: WorkerTask | undefined;
          const next = () => {
            current = queue.shift();
            if (current) worker.postMessage(current);
            else resolve();
          };
          worker.on(
            "message",
            (msg: { ready?: boolean; ok?: boolean; results?: BlockResult[]; message?: string }) => {
              if (msg.ready) return next();
              if (!msg.ok) return reject(new Error(`simulation worker failed: ${msg.message}`));
              onResult(current!, msg.results!);
              next();
            },
          );
          worker.on("error", reject);
          worker.on("exit", (code) => {
            if (code !== 0) reject(new Error(`simulation worker exited with code ${code}`));
          });
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
