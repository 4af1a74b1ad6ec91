import { MODES_UNKNOWN, type ProfileColumns } from "../../firm/index.ts";
import type { DiagnosisColumns } from "./outputs.ts";
import { N, U, Y } from "./tri.ts";

/**
 * The export facts the position and state rules share, over rows [start, end): whether the
 * firm has ever exported (`exportHistory`) and exports now (`activeNow`), into `out`, and
 * whether a "never exported" rests only on absent data (`exportHistoryImplicit`, 1 or 0) into
 * the block-local `implicit_B[i - start]`.
 */
export function exportFactsKernel(
  cols: ProfileColumns,
  out: DiagnosisColumns,
  start: number,
  end: number,
  implicit_B: Uint8Array,
): void {
  const { exports_now, export_gap, between_projects, assessed, modes } = cols;
  const { first_export_year, last_export_year, export_share, export_markets } = cols;
  const { exported_ever, exporting_now } = out;
  for (let i = start; i < end; i++) {
    const now = exports_now[i];
    const last = last_export_year[i];
    const share = export_share[i];
    const markets = export_markets[i];
    const year = assessed[i];
    // Any trace of past activity is yes; "no" needs exports_now "no".
    exported_ever[i] =
      now === Y ||
      !Number.isNaN(first_export_year[i]) ||
      !Number.isNaN(last) ||
      share > 0 ||
      markets > 0 ||
      export_gap[i] === Y ||
      between_projects[i] === Y
        ? Y
        : now === N
          ? N
          : U;
    implicit_B[i - start] =
      Number.isNaN(share) && Number.isNaN(markets) && modes[i] === MODES_UNKNOWN ? 1 : 0;
    // exports_now, else the last export year against the assessment year.
    exporting_now[i] =
      now !== U ? now : !Number.isNaN(last) && !Number.isNaN(year) ? (last >= year ? Y : N) : U;
  }
}
