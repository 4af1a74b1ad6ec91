/**
 * Worker thread: keeps one set of scenario states (memory O(firms)) and simulates the blocks
 * it is sent, replying with their raw aggregates (transferred, not copied).
 */
import { parentPort, workerData } from "node:worker_threads";
import { allocateScenario, type BlockPlan, simulateBlocks } from "./blocks.ts";
import { buildHooks } from "./hooks-factory.ts";
import type { ReformSpec } from "./intervention.ts";
import { warmUpKernels } from "./kernel/warm-up.ts";
import type { Population } from "./population.ts";

export interface WorkerInit {
  plan: BlockPlan;
  reforms: ReformSpec[];
  initial: Population | null;
}

export interface WorkerTask {
  replication: number;
  blocks: number[];
}

const init = workerData as WorkerInit;
const hooks = await Promise.all(init.reforms.map((r) => buildHooks(r)));
const scenarios = [
  allocateScenario(init.plan.firms, []),
  ...hooks.map((h) => allocateScenario(init.plan.firms, h)),
];

warmUpKernels();

parentPort!.on("message", (task: WorkerTask) => {
  try {
    const results = simulateBlocks(
      init.plan,
      task.replication,
      task.blocks,
      scenarios,
      init.initial,
    );
    const transfer = results.flatMap((r) =>
      [...r.aggregates, ...r.programmes].map((a) => a.buffer as ArrayBuffer),
    );
    parentPort!.postMessage({ ok: true, results }, transfer);
  } catch (err) {
    parentPort!.postMessage({
      ok: false,
      message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
  }
});
parentPort!.postMessage({ ready: true });
