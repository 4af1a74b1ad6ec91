import type { RunResult } from "../../simulate/index.ts";

/**
 * What a run whose budgets were rationed block by block must say: such a run spends less than
 * one national queue would wherever applicants are few per block.
 */
export function budgetQueueNote(run: Pick<RunResult, "budgetQueue" | "stamp">): string | null {
  if (run.budgetQueue !== "blocks") return null;
  const { block_size: block, firms } = run.stamp;
  return `capped budgets were rationed in blocks of ${block.toLocaleString("en-GB")} firms, each with its own queue: a block with fewer applicants than its share of the grants leaves that share unspent while others turn applicants away (one national queue: --block-size ${firms}, if memory allows)`;
}
