import type { Profile } from "../../firm/index.ts";
import type { State } from "../../framework/index.ts";
import { activeNow, exportHistory, exportHistoryImplicit, NO, UNKNOWN, YES } from "../facts.ts";
import type { DiagnoseParams } from "../params.ts";
import { type Classification, classified, type ProfileField, type Rule } from "../rule.ts";

const Q_EXPORTS_NOW = Object.freeze<ProfileField[]>(["exports_now", "last_export_year"]);
const Q_BETWEEN = Object.freeze<ProfileField[]>(["between_projects"]);
const Q_PLANS = Object.freeze<ProfileField[]>(["plans_to_export"]);
const Q_PLANS_BETWEEN = Object.freeze<ProfileField[]>(["plans_to_export", "between_projects"]);
const NONE = Object.freeze<ProfileField[]>([]);

const result: (
  value: State | "undetermined",
  unknowns: number,
  questions: readonly ProfileField[],
  basis: string,
) => Classification<State> = classified;

/**
 * The firm's current internationalization state (states, not stages: Bell et al. 2003). Cheap,
 * like classifyPosition.
 *
 * The two withdrawn states follow the review's wording of Crick (2004) exactly, although the
 * names may read as swapped: "disappointed" = exported before, not now, and does NOT plan to
 * export again; "disinterested" = exported before, not now, but DOES plan to export again.
 * "Suspended" = between foreign projects and expecting repeat business, which O'Farrell et al.
 * (1998) find typical of business services; so for those firms an unknown answer about
 * projects leaves the state open instead of defaulting to withdrawn.
 */
export function classifyState(p: Profile, _params: DiagnoseParams): Classification<State> {
  const active = activeNow(p);
  const inferred = p.exports_now === "unknown" ? 1 : 0;
  if (active === YES) {
    if (p.export_gap === "yes") return result("re_entered", inferred, NONE, "exporting_after_gap");
    if (p.export_gap === "no") return result("exporting", inferred, NONE, "exporting_no_gap");
    // A firm in its first export year has had no room for a gap.
    const firstYear =
      p.first_export_year !== null && p.assessed !== null && p.first_export_year >= p.assessed;
    return result("exporting", inferred + (firstYear ? 0 : 1), NONE, "exporting_gap_unknown");
  }
  const history = exportHistory(p);
  if (active === UNKNOWN) return result("undetermined", 0, Q_EXPORTS_NOW, "exports_now_unknown");
  if (history === NO) {
    return result("never_exported", exportHistoryImplicit(p) ? 1 : 0, NONE, "no_export_trace");
  }
  if (p.between_projects === "yes") {
    return result("suspended", inferred, NONE, "between_foreign_projects");
  }
  if (p.plans_to_export === "no") {
    // Not planning to export rules out expecting repeat foreign business.
    return result("withdrawn_disappointed", inferred, NONE, "past_exporter_no_plans");
  }
  if (p.plans_to_export === "yes") {
    if (p.between_projects === "no") {
      return result("withdrawn_disinterested", inferred, NONE, "past_exporter_plans_again");
    }
    if (p.sector === "business_services" || p.sector === null) {
      return result("undetermined", 0, Q_BETWEEN, "suspended_or_withdrawn");
    }
    return result("withdrawn_disinterested", inferred + 1, NONE, "past_exporter_plans_again");
  }
  return result(
    "undetermined",
    0,
    p.between_projects === "unknown" ? Q_PLANS_BETWEEN : Q_PLANS,
    "past_exporter_plans_unknown",
  );
}

export const stateRule: Rule<Classification<State>> = {
  id: "state.current",
  description: "Reads the firm's current internationalization state from its export record",
  reads: [
    "exports_now",
    "assessed",
    "first_export_year",
    "last_export_year",
    "export_share",
    "export_markets",
    "export_gap",
    "between_projects",
    "plans_to_export",
    "sector",
    "modes",
  ],
  uses: [],
  params: [],
  references: [
    { author: "Crick", year: 2004 },
    { author: "O'Farrell et al.", year: 1998 },
    { author: "Bell et al.", year: 2003 },
  ],
  run: (p, params) => classifyState(p, params),
};
