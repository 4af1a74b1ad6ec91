import type { Profile } from "../firm/index.ts";

/**
 * Facts derived from several profile fields, shared by the position and state rules.
 * Tri-valued results use 1 = yes, 0 = no, -1 = unknown, so hot paths compare integers.
 */
export const YES = 1;
export const NO = 0;
export const UNKNOWN = -1;
export type TriCode = 1 | 0 | -1;

/**
 * Has the firm ever exported? Any trace of past activity counts as yes. "No" needs exports_now
 * "no" with no trace; `exportHistoryImplicit` says whether that "no" is only the absence of
 * data (years and markets left blank) rather than a recorded zero.
 */
export function exportHistory(p: Profile): TriCode {
  if (
    p.exports_now === "yes" ||
    p.first_export_year !== null ||
    p.last_export_year !== null ||
    (p.export_share !== null && p.export_share > 0) ||
    (p.export_markets !== null && p.export_markets > 0) ||
    p.export_gap === "yes" ||
    p.between_projects === "yes"
  ) {
    return YES;
  }
  return p.exports_now === "no" ? NO : UNKNOWN;
}

export function exportHistoryImplicit(p: Profile): boolean {
  return p.export_share === null && p.export_markets === null && p.modes === null;
}

/**
 * Is the firm exporting now? When exports_now is unknown, the last export year against the
 * assessment year answers it.
 */
export function activeNow(p: Profile): TriCode {
  if (p.exports_now === "yes") return YES;
  if (p.exports_now === "no") return NO;
  if (p.last_export_year !== null && p.assessed !== null) {
    return p.last_export_year >= p.assessed ? YES : NO;
  }
  return UNKNOWN;
}

/** Years of export activity, counting the first and the current (or last) year; NaN if unknown. */
export function yearsExporting(p: Profile, active: TriCode): number {
  if (p.first_export_year === null) return Number.NaN;
  const end = active === YES ? p.assessed : p.last_export_year;
  if (end === null) return Number.NaN;
  return end - p.first_export_year + 1;
}

/** Years from founding to the first export; NaN if either year is unknown. */
export function yearsToFirstExport(p: Profile): number {
  if (p.first_export_year === null || p.founded === null) return Number.NaN;
  return p.first_export_year - p.founded;
}

/** Firm age at assessment in years; NaN if unknown. */
export function firmAge(p: Profile): number {
  if (p.founded === null || p.assessed === null) return Number.NaN;
  return p.assessed - p.founded;
}

/** a >= b as a TriCode, unknown when a is NaN or null. */
export function atLeast(a: number | null, b: number): TriCode {
  if (a === null || Number.isNaN(a)) return UNKNOWN;
  return a >= b ? YES : NO;
}

/** a <= b as a TriCode, unknown when a is NaN or null. */
export function atMost(a: number | null, b: number): TriCode {
  if (a === null || Number.isNaN(a)) return UNKNOWN;
  return a <= b ? YES : NO;
}

/** Conjunction under unknowns: any no is no; otherwise any unknown is unknown. */
export function and3(a: TriCode, b: TriCode, c: TriCode): TriCode {
  if (a === NO || b === NO || c === NO) return NO;
  if (a === UNKNOWN || b === UNKNOWN || c === UNKNOWN) return UNKNOWN;
  return YES;
}

/** Resource barrier score: mean of answered items, else the given family score; null if neither. */
export function resourceScore(p: Profile): number | null {
  const items = p.barrier_items.resource;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (v !== null) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? sum / n : p.barrier_resource;
}

/**
 * Can the firm export if it chose to? Table 1's resource-based reading of "from the outset":
 * yes when it has resources of its own (resource barrier below `barrierHigh`, or a founder
 * who has exported, the owner being the key resource) or can draw on others' (a larger firm,
 * a client going abroad, a cluster, an incubator); no when resources are scarce and every
 * route is closed.
 */
export function ableToExport(p: Profile, barrierHigh: number): TriCode {
  const score = resourceScore(p);
  if (score !== null && score < barrierHigh) return YES;
  if (
    p.founder_export_experience === "yes" ||
    p.large_firm_links === "yes" ||
    p.client_pull === "yes" ||
    p.cluster === "yes" ||
    p.incubator === "yes"
  ) {
    return YES;
  }
  return score !== null &&
    p.founder_export_experience === "no" &&
    p.large_firm_links === "no" &&
    p.client_pull === "no" &&
    p.cluster === "no" &&
    p.incubator === "no"
    ? NO
    : UNKNOWN;
}
