/**
 * The slice loop every participating thread runs: claim the next slice from a shared counter,
 * run the kernel on it, count it done. ctrl = [next slice, slices done, failed flag, slices done
 * by helpers].
 */
import {
  RUNS_KERNELS,
  type RunsInput,
  type RunsKernelName,
} from "../estimators/within-runs-kernels.ts";

export interface SliceTask {
  readonly kernel: RunsKernelName;
  readonly inp: RunsInput;
  readonly P: number;
  readonly ctrl: Int32Array;
}

/**
 * `helper`: a worker thread (its slices are counted in ctrl[3]); the calling thread instead
 * re-raises a kernel error rather than only flagging it.
 */
export function claimSlices(task: SliceTask, helper: boolean): void {
  const { ctrl, P } = task;
  const run = RUNS_KERNELS[task.kernel];
  for (;;) {
    const s = Atomics.add(ctrl, 0, 1);
    if (s >= P) return;
    try {
      run(task.inp, s);
    } catch (err) {
      Atomics.store(ctrl, 2, 1);
      if (!helper) throw err;
    }
    if (helper) Atomics.add(ctrl, 3, 1);
    Atomics.add(ctrl, 1, 1);
    Atomics.notify(ctrl, 1);
  }
}
