import { type ProfileColumns, UNKNOWN_CODE } from "../../firm/index.ts";
import { SECTORS } from "../../framework/index.ts";
import { type DiagnosisColumns, questionBits, STATE_BASES, UNDETERMINED } from "./outputs.ts";
import { CONFIDENCE, N, U, Y } from "./tri.ts";

// State codes (STATES order); basis codes index STATE_BASES.
const NEVER = 0;
const EXPORTING = 1;
const RE_ENTERED = 2;
const SUSPENDED = 3;
const DISAPPOINTED = 4;
const DISINTERESTED = 5;
const BUSINESS_SERVICES = SECTORS.indexOf("business_services");
const QUESTIONS = questionBits(STATE_BASES);

/**
 * Current state over rows [start, end): `classifyState` re-expressed over column codes, branch
 * for branch, with the review's reading of Crick (2004) for the two withdrawn states and
 * business services left open between suspended and withdrawn (O'Farrell et al. 1998). Reads
 * the export facts (`exportFactsKernel`).
 */
export function stateKernel(
  cols: ProfileColumns,
  out: DiagnosisColumns,
  start: number,
  end: number,
  implicit_B: Uint8Array,
): void {
  const { exports_now, export_gap, between_projects, plans_to_export, sector } = cols;
  const { first_export_year, assessed } = cols;
  const { exported_ever, exporting_now } = out;
  for (let i = start; i < end; i++) {
    const active = exporting_now[i];
    const between = between_projects[i];
    const plans = plans_to_export[i];
    let st = UNDETERMINED;
    let unknowns = exports_now[i] === U ? 1 : 0;
    let basis: number;
    if (active === Y) {
      const gap = export_gap[i];
      st = gap === Y ? RE_ENTERED : EXPORTING;
      basis = gap === Y ? 0 : gap === N ? 1 : 2;
      // A firm in its first export year has had no room for a gap (NaN years compare false).
      if (gap === U && !(first_export_year[i] >= assessed[i])) unknowns++;
    } else if (active === U) basis = 3;
    else if (exported_ever[i] === N) {
      st = NEVER;
      unknowns = implicit_B[i - start];
      basis = 4;
    } else if (between === Y) {
      st = SUSPENDED;
      basis = 5;
    } else if (plans === N) {
      // Not planning to export rules out expecting repeat foreign business.
      st = DISAPPOINTED;
      basis = 6;
    } else if (plans === Y) {
      const s = sector[i];
      if (between === N) {
        st = DISINTERESTED;
        basis = 7;
      } else if (s === BUSINESS_SERVICES || s === UNKNOWN_CODE) basis = 8;
      else {
        st = DISINTERESTED;
        unknowns++;
        basis = 7;
      }
    } else basis = between === U ? 9 : 10;
    out.state[i] = st;
    out.state_confidence[i] = st === UNDETERMINED ? 0 : CONFIDENCE[unknowns];
    out.state_basis[i] = basis;
    out.state_questions[i] = st === UNDETERMINED ? QUESTIONS[basis] : 0;
  }
}
