import type { ProfileColumns } from "../../firm/index.ts";
import { type DiagnoseParams, paramsHash } from "../params.ts";
import { RULES_VERSION } from "../rule.ts";
import { barrierKernel } from "./barriers.ts";
import { contradictionKernel } from "./contradictions.ts";
import { exportFactsKernel } from "./export-facts.ts";
import { modeKernel } from "./modes.ts";
import { allocateDiagnosisColumns, type DiagnosisColumns, diagnosisCapacity } from "./outputs.ts";
import { positionKernel } from "./position.ts";
import { recommendKernel } from "./recommend.ts";
import { stateKernel } from "./state.ts";
import { traitKernel } from "./traits.ts";

// Rows per pass: each rule family runs over a block of rows before the next one starts, so a
// block's columns stay in cache between passes (1024 rows measured a little faster than 512
// or 4096 with a 512 KiB L2).
const BLOCK = 1024;
// Block-local facts handed from one pass to the next.
const implicit_B = new Uint8Array(BLOCK);
const sum_B = new Float64Array(BLOCK);
const count_B = new Int32Array(BLOCK);
const yes_B = new Int32Array(BLOCK);
const unknown_B = new Int32Array(BLOCK);
const refine_B = new Int32Array(BLOCK);

// One frozen stamp per params object (paramsHash is remembered per object too).
const stamps = new WeakMap<DiagnoseParams, DiagnosisColumns["stamp"]>();
function stampFor(params: DiagnoseParams): DiagnosisColumns["stamp"] {
  let stamp = stamps.get(params);
  if (stamp === undefined) {
    stamp = Object.freeze({ rules_version: RULES_VERSION, params_hash: paramsHash(params) });
    stamps.set(params, stamp);
  }
  return stamp;
}

/**
 * Diagnoses every row of `cols` at once: for row i the same position, state (values,
 * confidences, deciding questions), barrier scores and levels, entry-mode verdicts, ranked
 * recommendations and contradicted perspectives as `diagnose(columnsRowToProfile(cols, i),
 * {params})`, as codes in typed arrays (see `DiagnosisColumns`). No object is made per row.
 *
 * `out` is reused when it can hold `cols.length` rows (its `length` is set); otherwise new
 * columns are allocated. The columns must hold valid codes (as `profilesToColumns` and the
 * profile readers write them).
 */
export function diagnoseColumns(
  cols: ProfileColumns,
  params: DiagnoseParams,
  out?: DiagnosisColumns,
): DiagnosisColumns {
  const n = cols.length;
  const d = out !== undefined && diagnosisCapacity(out) >= n ? out : allocateDiagnosisColumns(n);
  d.length = n;
  d.stamp = stampFor(params);
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    barrierKernel(cols, params, d, start, end, sum_B, count_B);
    exportFactsKernel(cols, d, start, end, implicit_B);
    positionKernel(cols, params, d, start, end, implicit_B);
    stateKernel(cols, d, start, end, implicit_B);
    modeKernel(cols, d, start, end);
    traitKernel(cols, params, d, start, end, yes_B, unknown_B, refine_B);
    recommendKernel(d, start, end, yes_B, unknown_B, refine_B);
    contradictionKernel(cols, params, d, start, end);
  }
  return d;
}
