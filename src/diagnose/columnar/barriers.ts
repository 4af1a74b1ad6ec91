import type { ProfileColumns } from "../../firm/index.ts";
import { BARRIER_FAMILIES } from "../../framework/index.ts";
import type { DiagnoseParams } from "../params.ts";
import {
  type DiagnosisColumns,
  LEVEL_HIGH,
  LEVEL_LOW,
  LEVEL_MEDIUM,
  LEVEL_UNKNOWN,
} from "./outputs.ts";

/**
 * Barrier families over rows [start, end), as `assessBarriers` scores them: the mean of the
 * answered items, else the given family score; then the level against barrier_high /
 * barrier_low. Items are summed one column at a time into block-local sums, each row's in item
 * order, so the double is the same as the single-firm loop's. `sum_B` and `count_B` are
 * scratch of at least end - start entries.
 */
export function barrierKernel(
  cols: ProfileColumns,
  params: DiagnoseParams,
  out: DiagnosisColumns,
  start: number,
  end: number,
  sum_B: Float64Array,
  count_B: Int32Array,
): void {
  const high = params.barrier_high;
  const low = params.barrier_low;
  const score_N4 = out.barrier_score;
  const level_N4 = out.barrier_level;
  const given = [
    cols.barrier_attitudinal,
    cols.barrier_resource,
    cols.barrier_operational,
    cols.barrier_strategic,
  ];
  const n = end - start;
  for (let f = 0; f < BARRIER_FAMILIES.length; f++) {
    const items = cols.barrier_items[BARRIER_FAMILIES[f]];
    const family = given[f];
    sum_B.fill(0, 0, n);
    count_B.fill(0, 0, n);
    for (let j = 0; j < items.length; j++) {
      const item = items[j];
      for (let i = start; i < end; i++) {
        const v = item[i];
        if (!Number.isNaN(v)) {
          sum_B[i - start] += v;
          count_B[i - start]++;
        }
      }
    }
    for (let i = start; i < end; i++) {
      const answered = count_B[i - start];
      const score = answered > 0 ? sum_B[i - start] / answered : family[i];
      score_N4[i * 4 + f] = score;
      level_N4[i * 4 + f] = Number.isNaN(score)
        ? LEVEL_UNKNOWN
        : score >= high
          ? LEVEL_HIGH
          : score <= low
            ? LEVEL_LOW
            : LEVEL_MEDIUM;
    }
  }
}
