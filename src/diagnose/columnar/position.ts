import type { ProfileColumns } from "../../firm/index.ts";
import type { DiagnoseParams } from "../params.ts";
import { type DiagnosisColumns, POSITION_BASES, questionBits, UNDETERMINED } from "./outputs.ts";
import { and3, atLeast, atMost, CONFIDENCE, N, U, Y } from "./tri.ts";

// Position codes (POSITIONS order); basis codes index POSITION_BASES.
const NON_TRADABLE = 0;
const DOMESTIC = 1;
const CAPABLE = 2;
const INEXPERIENCED = 3;
const EXPERIENCED = 4;
const INV = 5;
const QUESTIONS = questionBits(POSITION_BASES);

/**
 * Spectrum position over rows [start, end): `classifyPosition` re-expressed over column codes,
 * branch for branch (the single-firm rule stays the reference; a property test holds the two
 * together). Reads the export facts (`exportFactsKernel`) and the resource barrier score.
 */
export function positionKernel(
  cols: ProfileColumns,
  params: DiagnoseParams,
  out: DiagnosisColumns,
  start: number,
  end: number,
  implicit_B: Uint8Array,
): void {
  const barrierHigh = params.barrier_high;
  const invYears = params.inv_max_years_to_first_export;
  const invShare = params.inv_min_export_share;
  const invMarkets = params.inv_min_markets;
  const expYears = params.experienced_min_years;
  const expMarkets = params.experienced_min_markets;
  const { exports_now, tradable, plans_to_export, founded, assessed } = cols;
  const { first_export_year, last_export_year, export_share, export_markets } = cols;
  const { exported_ever, exporting_now, barrier_score } = out;
  for (let i = start; i < end; i++) {
    const history = exported_ever[i];
    let pos = UNDETERMINED;
    let unknowns = 0;
    let basis: number;
    if (history !== Y) {
      // A non-tradable offer settles it whatever the export status says.
      const t = tradable[i];
      const plans = plans_to_export[i];
      const implicit = implicit_B[i - start];
      if (t === N) {
        pos = NON_TRADABLE;
        basis = 0;
      } else if (t === U) basis = 1;
      else if (history === U) basis = 2;
      else if (plans === Y) {
        pos = CAPABLE;
        unknowns = implicit;
        basis = 3;
      } else if (plans === N) {
        pos = DOMESTIC;
        unknowns = implicit;
        basis = 4;
      } else if (ableToExport(cols, i, barrier_score[i * 4 + 1], barrierHigh) === Y) {
        // Intention unknown: a firm able to export counts as export-capable.
        pos = CAPABLE;
        unknowns = implicit + 1;
        basis = 5;
      } else basis = 6;
    } else {
      const active = exporting_now[i];
      const first = first_export_year[i];
      const markets = export_markets[i];
      unknowns = exports_now[i] === U ? 1 : 0;
      // International new venture: exporting now, early start, intense and multi-market.
      const inv = and3(
        active,
        atMost(first - founded[i], invYears),
        and3(atLeast(export_share[i], invShare), atLeast(markets, invMarkets), Y),
      );
      if (inv === Y) {
        pos = INV;
        basis = 7;
      } else {
        if (inv === U) unknowns++;
        // Years exporting: first to now (or to the last export year), both counted.
        const end = active === Y ? assessed[i] : last_export_year[i];
        const years = atLeast(end - first + 1, expYears);
        const enough = atLeast(markets, expMarkets);
        if (years === N || enough === N) {
          pos = INEXPERIENCED;
          basis = 8;
        } else if (years === Y && enough === Y) {
          pos = EXPERIENCED;
          basis = 9;
        } else basis = 10;
      }
    }
    out.position[i] = pos;
    out.position_confidence[i] = pos === UNDETERMINED ? 0 : CONFIDENCE[unknowns];
    out.position_basis[i] = basis;
    out.position_questions[i] = pos === UNDETERMINED ? QUESTIONS[basis] : 0;
  }
}

/**
 * ableToExport: resources of its own (resource barrier below barrier_high, or a founder who
 * has exported) or others' to draw on (larger firm, pulling client, cluster, incubator).
 */
function ableToExport(cols: ProfileColumns, i: number, resource: number, high: number): number {
  if (resource < high) return Y;
  const fee = cols.founder_export_experience[i];
  const links = cols.large_firm_links[i];
  const pull = cols.client_pull[i];
  const cluster = cols.cluster[i];
  const incubator = cols.incubator[i];
  if (fee === Y || links === Y || pull === Y || cluster === Y || incubator === Y) return Y;
  const closed = fee === N && links === N && pull === N && cluster === N && incubator === N;
  return closed && !Number.isNaN(resource) ? N : U;
}
