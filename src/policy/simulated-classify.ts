/**
 * Position and state of simulated firms straight from the population's columns: the diagnose
 * module's `classifyPosition` and `classifyState` applied to the profile `profileView` writes,
 * with the branches that profile can never take removed. A simulated profile knows every yes/no
 * answer and whether the firm exports now; its market count is never unknown, its export share
 * only when not finite; it has no barrier items, so the resource score is the family score; and
 * a firm that never exported answers `plans_to_export` "unknown". Programme eligibility asks for
 * these two codes for most firms every simulated year, and building a profile per firm was most
 * of that cost. `test/policy/simulated-classify.test.ts` holds the two paths together on
 * simulated populations under default and changed thresholds.
 */
import type { DiagnoseParams } from "../diagnose/index.ts";
import { POSITIONS, STATES } from "../framework/index.ts";
import type { SimPopulation } from "./hook.ts";

const NON_TRADABLE = POSITIONS.indexOf("non_tradable");
const DOMESTIC = POSITIONS.indexOf("domestic_by_choice");
const CAPABLE = POSITIONS.indexOf("export_capable");
const INEXPERIENCED = POSITIONS.indexOf("inexperienced_exporter");
const EXPERIENCED = POSITIONS.indexOf("experienced_exporter");
const INV = POSITIONS.indexOf("international_new_venture");
const OPEN_POSITION = POSITIONS.length;
const NEVER = STATES.indexOf("never_exported");
const EXPORTING = STATES.indexOf("exporting");
const RE_ENTERED = STATES.indexOf("re_entered");
const SUSPENDED = STATES.indexOf("suspended");
const DISAPPOINTED = STATES.indexOf("withdrawn_disappointed");
const DISINTERESTED = STATES.indexOf("withdrawn_disinterested");
const OPEN_STATE = STATES.length;

// Tri-valued facts as in diagnose/facts.ts.
const YES = 1;
const NO = 0;
const UNKNOWN = -1;

/** a >= b, unknown when a is NaN (facts.ts atLeast). */
const atLeast = (a: number, b: number) => (Number.isNaN(a) ? UNKNOWN : a >= b ? YES : NO);
/** a <= b, unknown when a is NaN (facts.ts atMost). */
const atMost = (a: number, b: number) => (Number.isNaN(a) ? UNKNOWN : a <= b ? YES : NO);

/**
 * Writes the position and state codes (indexes of POSITIONS and STATES; their lengths for
 * undetermined) of each slot `list[k]`, k < count, whose `stamp` is not `epoch`, assessed in
 * `year`, into `position` and `state`, and stamps it; returns how many it classified. One loop
 * over the list with the columns in locals: a call per firm reloaded every column.
 */
export function classifySimulated(
  pop: SimPopulation,
  list: Int32Array,
  count: number,
  stamp: Int32Array,
  epoch: number,
  year: number,
  params: DiagnoseParams,
  position: Uint8Array,
  state: Uint8Array,
): number {
  const {
    exporting: exportingCol,
    everExported,
    firstExportYear,
    lastExportYear,
    exportShare,
    markets: marketsCol,
    reentered: reenteredCol,
    suspended,
    plansToExport,
    tradable,
    founded,
  } = pop;
  const invYears = params.inv_max_years_to_first_export;
  const invShare = params.inv_min_export_share;
  const invMarkets = params.inv_min_markets;
  const experiencedYears = params.experienced_min_years;
  const experiencedMarkets = params.experienced_min_markets;
  const barrierHigh = params.barrier_high;
  let classified = 0;
  for (let k = 0; k < count; k++) {
    const i = list[k];
    if (stamp[i] === epoch) continue;
    stamp[i] = epoch;
    classified++;
    const exporting = exportingCol[i] === 1;
    const ever = everExported[i] === 1;
    const first = ever && firstExportYear[i] >= 0 ? firstExportYear[i] : Number.NaN;
    const last = ever && lastExportYear[i] >= 0 ? lastExportYear[i] : Number.NaN;
    const rawShare = exportShare[i];
    // A non-finite share is an unknown answer (NaN); a never-exporter's share is 0.
    const share = ever ? (Number.isFinite(rawShare) ? rawShare : Number.NaN) : 0;
    const markets = ever ? marketsCol[i] : 0;
    const reentered = reenteredCol[i] === 1;
    const between = suspended[i] === 1;
    // exportHistory: any trace is yes; otherwise exports_now is a known "no".
    const history =
      exporting ||
      !Number.isNaN(first) ||
      !Number.isNaN(last) ||
      share > 0 ||
      markets > 0 ||
      reentered ||
      between;
    // plans_to_export as the profile answers it: yes while exporting, unknown if never exported.
    const plans = exporting ? YES : ever ? (plansToExport[i] === 1 ? YES : NO) : UNKNOWN;

    // classifyPosition
    let pos: number;
    if (!history) {
      if (tradable[i] !== 1) pos = NON_TRADABLE;
      else if (plans === YES) pos = CAPABLE;
      else if (plans === NO) pos = DOMESTIC;
      else pos = ableToExport(pop, i, barrierHigh) ? CAPABLE : OPEN_POSITION;
    } else {
      const inv = and3(
        exporting ? YES : NO,
        atMost(first - founded[i], invYears),
        and3(atLeast(share, invShare), atLeast(markets, invMarkets), YES),
      );
      if (inv === YES) pos = INV;
      else {
        const end = exporting ? year : last;
        const years = atLeast(end - first + 1, experiencedYears);
        const enough = atLeast(markets, experiencedMarkets);
        if (years === NO || enough === NO) pos = INEXPERIENCED;
        else if (years === YES && enough === YES) pos = EXPERIENCED;
        else pos = OPEN_POSITION;
      }
    }
    position[i] = pos;

    // classifyState
    let st: number;
    if (exporting) st = reentered ? RE_ENTERED : EXPORTING;
    else if (!history) st = NEVER;
    else if (between) st = SUSPENDED;
    else if (plans === NO) st = DISAPPOINTED;
    else if (plans === YES) st = DISINTERESTED;
    else st = OPEN_STATE;
    state[i] = st;
  }
  return classified;
}

/** facts.ts and3: any no is no; otherwise any unknown is unknown. */
function and3(a: number, b: number, c: number): number {
  if (a === NO || b === NO || c === NO) return NO;
  if (a === UNKNOWN || b === UNKNOWN || c === UNKNOWN) return UNKNOWN;
  return YES;
}

/**
 * facts.ts ableToExport is yes: a known resource score below `barrierHigh`, or any route to
 * others' resources (every flag is a known yes/no here, so "unknown" needs an unknown score).
 */
function ableToExport(pop: SimPopulation, i: number, barrierHigh: number): boolean {
  const score = pop.barrierResource[i];
  if (Number.isFinite(score) && score < barrierHigh) return true;
  return (
    pop.founderExportExperience[i] === 1 ||
    pop.largeFirmLinks[i] === 1 ||
    pop.clientPull[i] === 1 ||
    pop.cluster[i] === 1 ||
    pop.incubator[i] === 1
  );
}
