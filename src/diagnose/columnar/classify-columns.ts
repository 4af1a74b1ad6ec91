import type { ProfileColumns } from "../../firm/index.ts";
import type { DiagnoseParams } from "../params.ts";
import { barrierKernel } from "./barriers.ts";
import { exportFactsKernel } from "./export-facts.ts";
import { allocateDiagnosisColumns, type DiagnosisColumns, diagnosisCapacity } from "./outputs.ts";
import { positionKernel } from "./position.ts";
import { stateKernel } from "./state.ts";

// Rows per pass, as diagnoseColumns.
const BLOCK = 1024;
const implicit_B = new Uint8Array(BLOCK);
const sum_B = new Float64Array(BLOCK);
const count_B = new Int32Array(BLOCK);

/**
 * Position and state of every row of `cols` (with the barrier scores and export facts they
 * read): the first four passes of `diagnoseColumns`, for callers that need only where a firm
 * sits and what it does now, such as programme targeting over a simulated population. The
 * other outputs of `out` are left as they were.
 */
export function classifyColumns(
  cols: ProfileColumns,
  params: DiagnoseParams,
  out?: DiagnosisColumns,
): DiagnosisColumns {
  const n = cols.length;
  const d = out !== undefined && diagnosisCapacity(out) >= n ? out : allocateDiagnosisColumns(n);
  d.length = n;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    barrierKernel(cols, params, d, start, end, sum_B, count_B);
    exportFactsKernel(cols, d, start, end, implicit_B);
    positionKernel(cols, params, d, start, end, implicit_B);
    stateKernel(cols, d, start, end, implicit_B);
  }
  return d;
}
