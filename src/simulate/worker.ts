/**
 * Worker thread of the runner's pool (pool.ts). For each run it is sent, it builds the
 * reforms' hooks and one set of scenario states (memory O(firms)), then claims tasks from the
 * run's shared counter until none are left, replying with each block's raw aggregates
 * (transferred, not copied). Runs are served one after the other.
 */
import { parentPort, workerData } from "node:worker_threads";
import {
  allocateScenarios,
  type BlockPlan,
  type BlockResult,
  type BlockTask,
  simulateBlocks,
  taskAt,
} from "./blocks.ts";
import { buildHooks } from "./hooks-factory.ts";
import type { ReformSpec } from "./intervention.ts";
import { warmUpKernels } from "./kernel/warm-up.ts";
import { adoptKernelModule, kernelName } from "./kernel/wasm-module.ts";
import type { Population } from "./population.ts";

export type WorkerTask = BlockTask;

/** One run as a worker gets it. */
export interface WorkerRun {
  /** Run number (replies carry it). */
  run: number;
  plan: BlockPlan;
  reforms: ReformSpec[];
  initial: Population | null;
  /**
   * [next claim, block-years done]; claim t is task `taskAt(t, blocksPerReplication)`
   * (pool.ts), and each thread adds its block-years as it goes (progress).
   */
  claims: Int32Array;
  total: number;
  blocksPerReplication: number;
}

export type WorkerReply =
  | { run: number; kind: "ready"; kernel: "wasm" | "js" }
  | { run: number; kind: "result"; task: WorkerTask; results: BlockResult[] }
  | { run: number; kind: "error"; message: string };

async function serve(msg: WorkerRun): Promise<void> {
  const { claims, total, blocksPerReplication: nb } = msg;
  // Nothing left to claim (this worker was still loading): skip building anything.
  if (Atomics.load(claims, 0) >= total) return;
  const hooks = await Promise.all(msg.reforms.map((r) => buildHooks(r)));
  const scenarios = allocateScenarios(msg.plan.firms, [[], ...hooks], msg.plan.blockSize);
  warmUpKernels();
  const onYear = () => Atomics.add(claims, 1, 1);
  for (;;) {
    const t = Atomics.add(claims, 0, 1);
    if (t >= total) return;
    const task = taskAt(t, nb, msg.plan.parts?.length ?? 1);
    const results = simulateBlocks(
      msg.plan,
      task.replication,
      task.blocks,
      scenarios,
      msg.initial,
      undefined,
      "fused",
      onYear,
      task.part,
    );
    const transfer = results.flatMap((r) =>
      [...r.aggregates, ...r.programmes].map((a) => a.buffer as ArrayBuffer),
    );
    const reply: WorkerReply = { run: msg.run, kind: "result", task, results };
    parentPort!.postMessage(reply, transfer);
  }
}

let queue = Promise.resolve();
parentPort!.on("message", (msg: WorkerRun) => {
  queue = queue.then(() =>
    serve(msg).catch((err: unknown) => {
      const reply: WorkerReply = {
        run: msg.run,
        kind: "error",
        message: err instanceof Error ? (err.stack ?? err.message) : String(err),
      };
      parentPort!.postMessage(reply);
    }),
  );
});
// The calling thread's compiled kernel (pool.ts), or null: it runs the JavaScript kernels.
adoptKernelModule((workerData as { kernel?: WebAssembly.Module | null }).kernel ?? null);
// Trained before the first run arrives, while the calling thread is still busy.
warmUpKernels();
const hello: WorkerReply = { run: 0, kind: "ready", kernel: kernelName() };
parentPort!.postMessage(hello);
