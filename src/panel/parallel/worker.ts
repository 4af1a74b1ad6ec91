/** Worker-thread entry: runs slice tasks posted by pool.ts until the process ends. */
import { parentPort } from "node:worker_threads";
import { claimSlices, type SliceTask } from "./claim.ts";

parentPort?.on("message", (task: SliceTask) => {
  claimSlices(task, true);
});
parentPort?.postMessage("ready");
