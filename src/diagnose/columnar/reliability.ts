import { emptyProfile, type Profile, type ProfileColumns } from "../../firm/index.ts";
import { BARRIER_FAMILIES, type BarrierFamily } from "../../framework/index.ts";
import type { ReliabilityAccumulator } from "../reliability.ts";

/**
 * Adds rows [start, end) of `cols` (default: every row) to a Cronbach's alpha accumulator, as
 * if each row had been added as `columnsRowToProfile(cols, i)`: one entry per item column, NaN
 * read as unanswered. Every row of a batch thus has as many items as the batch has item
 * columns (a CSV header fixes them), so a firm that skipped an item counts as partly answered.
 * One scratch profile carries the rows in turn, so a batch allocates nothing per row.
 */
export function addItemColumns(
  acc: ReliabilityAccumulator,
  cols: ProfileColumns,
  start = 0,
  end: number = cols.length,
): void {
  const items = {} as Record<BarrierFamily, (number | null)[]>;
  const columns = BARRIER_FAMILIES.map((f) => cols.barrier_items[f]);
  BARRIER_FAMILIES.forEach((f, k) => {
    items[f] = new Array<number | null>(columns[k].length).fill(null);
  });
  const scratch: Profile = { ...emptyProfile(""), barrier_items: items };
  for (let i = start; i < end; i++) {
    for (let k = 0; k < columns.length; k++) {
      const family = columns[k];
      const answers = items[BARRIER_FAMILIES[k]];
      for (let j = 0; j < family.length; j++) {
        const v = family[j][i];
        answers[j] = !Number.isNaN(v) ? v : null;
      }
    }
    acc.add(scratch);
  }
}
