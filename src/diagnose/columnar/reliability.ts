import type { ProfileColumns } from "../../firm/index.ts";
import type { ReliabilityAccumulator } from "../reliability.ts";

/**
 * Adds rows [start, end) of `cols` (default: every row) to a Cronbach's alpha accumulator, as
 * if each row had been added as `columnsRowToProfile(cols, i)`: one entry per item column, NaN
 * read as unanswered. Every row of a batch thus has as many items as the batch has item
 * columns (a CSV header fixes them), so a firm that skipped an item counts as partly answered.
 * The accumulator reads the columns directly, so a batch allocates nothing per row.
 */
export function addItemColumns(
  acc: ReliabilityAccumulator,
  cols: ProfileColumns,
  start = 0,
  end: number = cols.length,
): void {
  acc.addColumns(cols.barrier_items, start, end);
}
