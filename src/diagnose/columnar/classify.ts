import { MODES_UNKNOWN, type ProfileColumns, UNKNOWN_CODE } from "../../firm/index.ts";
import { SECTORS } from "../../framework/index.ts";
import type { DiagnoseParams } from "../params.ts";
import { confidenceFor } from "../rule.ts";
import {
  type DiagnosisColumns,
  POSITION_BASES,
  questionBits,
  STATE_BASES,
  UNDETERMINED,
} from "./outputs.ts";

// Tri codes as the columns hold them.
const Y = 0;
const N = 1;
const U = 2;

// Position and state codes (POSITIONS / STATES order) and basis codes (outputs.ts order).
const NON_TRADABLE = 0;
const DOMESTIC = 1;
const CAPABLE = 2;
const INEXPERIENCED = 3;
const EXPERIENCED = 4;
const INV = 5;
const NEVER = 0;
const EXPORTING = 1;
const RE_ENTERED = 2;
const SUSPENDED = 3;
const DISAPPOINTED = 4;
const DISINTERESTED = 5;
const BUSINESS_SERVICES = SECTORS.indexOf("business_services");

const POSITION_Q = questionBits(POSITION_BASES);
const STATE_Q = questionBits(STATE_BASES);
/** confidenceFor(k) for k unknowns; the same doubles the single-firm rules produce. */
const CONFIDENCE = Float64Array.from({ length: 8 }, (_, k) => confidenceFor(k));

/** a >= b as a tri code, unknown when a is NaN. */
const atLeast = (a: number, b: number) => (Number.isNaN(a) ? U : a >= b ? Y : N);
/** a <= b as a tri code, unknown when a is NaN. */
const atMost = (a: number, b: number) => (Number.isNaN(a) ? U : a <= b ? Y : N);
/** Conjunction under unknowns: any no is no, else any unknown is unknown. */
const and3 = (a: number, b: number, c: number) =>
  a === N || b === N || c === N ? N : a === U || b === U || c === U ? U : Y;

/**
 * Spectrum position and state over rows [start, end): `classifyPosition` and `classifyState`
 * re-expressed over column codes, branch for branch (the single-firm rules stay the reference;
 * a property test holds the two together). Reads the resource barrier score written by
 * `barrierKernel`. Also writes the two export facts both rules share.
 */
export function classifyKernel(
  cols: ProfileColumns,
  params: DiagnoseParams,
  out: DiagnosisColumns,
  start: number,
  end: number,
): void {
  const barrierHigh = params.barrier_high;
  const invYears = params.inv_max_years_to_first_export;
  const invShare = params.inv_min_export_share;
  const invMarkets = params.inv_min_markets;
  const expYears = params.experienced_min_years;
  const expMarkets = params.experienced_min_markets;
  const { exports_now, tradable, plans_to_export, export_gap, between_projects, sector } = cols;
  const { founded, assessed, first_export_year, last_export_year, export_share } = cols;
  const { export_markets, modes } = cols;
  const score_N4 = out.barrier_score;
  for (let i = start; i < end; i++) {
    const now = exports_now[i];
    const first = first_export_year[i];
    const last = last_export_year[i];
    const share = export_share[i];
    const markets = export_markets[i];
    const year = assessed[i];
    // exportHistory: any trace of past activity is yes; "no" needs exports_now "no".
    const history =
      now === Y ||
      !Number.isNaN(first) ||
      !Number.isNaN(last) ||
      share > 0 ||
      markets > 0 ||
      export_gap[i] === Y ||
      between_projects[i] === Y
        ? Y
        : now === N
          ? N
          : U;
    // The "no" rests only on absent data (exportHistoryImplicit).
    const implicit =
      Number.isNaN(share) && Number.isNaN(markets) && modes[i] === MODES_UNKNOWN ? 1 : 0;
    // activeNow: exports_now, else the last export year against the assessment year.
    const active =
      now !== U ? now : !Number.isNaN(last) && !Number.isNaN(year) ? (last >= year ? Y : N) : U;
    out.exported_ever[i] = history;
    out.exporting_now[i] = active;
    const inferred = now === U ? 1 : 0;
    const plans = plans_to_export[i];

    // Position (classifyPosition).
    let pos = UNDETERMINED;
    let unknowns = 0;
    let basis: number;
    if (history !== Y) {
      const t = tradable[i];
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
      } else if (ableToExport(cols, i, score_N4[i * 4 + 1], barrierHigh) === Y) {
        pos = CAPABLE;
        unknowns = implicit + 1;
        basis = 5;
      } else basis = 6;
    } else {
      unknowns = inferred;
      const sinceFounding = first - founded[i];
      const inv = and3(
        active,
        atMost(sinceFounding, invYears),
        and3(atLeast(share, invShare), atLeast(markets, invMarkets), Y),
      );
      if (inv === Y) {
        pos = INV;
        basis = 7;
      } else {
        if (inv === U) unknowns++;
        // yearsExporting: first to now (or to the last export year), both years counted.
        const yearsActive = (active === Y ? year : last) - first + 1;
        const years = atLeast(yearsActive, expYears);
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
    out.position_questions[i] = pos === UNDETERMINED ? POSITION_Q[basis] : 0;

    // State (classifyState).
    let st = UNDETERMINED;
    unknowns = inferred;
    const between = between_projects[i];
    if (active === Y) {
      const gap = export_gap[i];
      st = gap === Y ? RE_ENTERED : EXPORTING;
      basis = gap === Y ? 0 : gap === N ? 1 : 2;
      // A firm in its first export year has had no room for a gap (NaN years compare false).
      if (gap === U && !(first >= year)) unknowns++;
    } else if (active === U) basis = 3;
    else if (history === N) {
      st = NEVER;
      unknowns = implicit;
      basis = 4;
    } else if (between === Y) {
      st = SUSPENDED;
      basis = 5;
    } else if (plans === N) {
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
    out.state_questions[i] = st === UNDETERMINED ? STATE_Q[basis] : 0;
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
  return !Number.isNaN(resource) &&
    fee === N &&
    links === N &&
    pull === N &&
    cluster === N &&
    incubator === N
    ? N
    : U;
}
