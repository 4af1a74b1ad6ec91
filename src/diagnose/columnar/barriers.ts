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
 * answered items (summed in item order, so the double is the same), else the given family
 * score; then the level against barrier_high / barrier_low.
 */
export function barrierKernel(
  cols: ProfileColumns,
  params: DiagnoseParams,
  out: DiagnosisColumns,
  start: number,
  end: number,
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
  for (let f = 0; f < BARRIER_FAMILIES.length; f++) {
    const items = cols.barrier_items[BARRIER_FAMILIES[f]];
    const family = given[f];
    const k = items.length;
    for (let i = start; i < end; i++) {
      let score = family[i];
      if (k > 0) {
        let sum = 0;
        let answered = 0;
        for (let j = 0; j < k; j++) {
          const v = items[j][i];
          if (!Number.isNaN(v)) {
            sum += v;
            answered++;
          }
        }
        if (answered > 0) score = sum / answered;
      }
      score_N4[i * 4 + f] = score;
      // NaN (unknown) fails both comparisons.
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
