import type { Profile } from "../../firm/index.ts";
import type { Position } from "../../framework/index.ts";
import {
  ableToExport,
  activeNow,
  and3,
  atLeast,
  atMost,
  exportHistory,
  exportHistoryImplicit,
  NO,
  UNKNOWN,
  YES,
  yearsExporting,
  yearsToFirstExport,
} from "../facts.ts";
import type { DiagnoseParams } from "../params.ts";
import { type Classification, classified, type ProfileField, type Rule } from "../rule.ts";

export type { Classification } from "../rule.ts";

// Shared, frozen question lists: classifying allocates nothing but the result.
const Q_TRADABLE = Object.freeze<ProfileField[]>(["tradable", "exports_now"]);
const Q_EXPORTS_NOW = Object.freeze<ProfileField[]>(["exports_now"]);
const Q_PLANS = Object.freeze<ProfileField[]>(["plans_to_export"]);
const Q_EXPERIENCE = Object.freeze<ProfileField[]>([
  "first_export_year",
  "export_markets",
  "exports_now",
]);
const NONE = Object.freeze<ProfileField[]>([]);

const result: (
  value: Position | "undetermined",
  unknowns: number,
  questions: readonly ProfileField[],
  basis: string,
) => Classification<Position> = classified;

/**
 * Where the firm sits on the spectrum. Cheap: no trace, no allocation beyond the result; the
 * policy simulation calls it for every firm every simulated year.
 *
 * Order of tests: any export trace makes the offer tradable in fact, and the firm an exporter
 * whose experience (years, markets) or early, intense, multi-market start (INV) places it;
 * without export history, tradability then intention (or, when intention is unknown, ability)
 * separate non-tradable, domestic-by-choice and export-capable firms (the review's spectrum,
 * Westhead et al. 2002; Autio et al. 2000).
 */
export function classifyPosition(p: Profile, params: DiagnoseParams): Classification<Position> {
  const history = exportHistory(p);
  if (history !== YES) {
    // A non-tradable offer settles it whatever the export status says.
    if (p.tradable === "no") return result("non_tradable", 0, NONE, "offer_not_tradable");
    if (p.tradable === "unknown") return result("undetermined", 0, Q_TRADABLE, "tradable_unknown");
    if (history === UNKNOWN) return result("undetermined", 0, Q_EXPORTS_NOW, "exports_now_unknown");
    const implicit = exportHistoryImplicit(p) ? 1 : 0;
    if (p.plans_to_export === "yes") {
      return result("export_capable", implicit, NONE, "tradable_willing_not_exporting");
    }
    if (p.plans_to_export === "no") {
      return result("domestic_by_choice", implicit, NONE, "tradable_no_intention");
    }
    // Intention unknown: a firm able to export counts as export-capable ("able or willing").
    if (ableToExport(p, params.barrier_high) === YES) {
      return result("export_capable", implicit + 1, NONE, "tradable_able_not_exporting");
    }
    return result("undetermined", 0, Q_PLANS, "plans_unknown");
  }

  const active = activeNow(p);
  let unknowns = p.exports_now === "unknown" ? 1 : 0;
  // International new venture: exporting now, started within the window, intense and multi-market.
  const inv = and3(
    active === UNKNOWN ? UNKNOWN : active === YES ? YES : NO,
    atMost(yearsToFirstExport(p), params.inv_max_years_to_first_export),
    and3(
      atLeast(p.export_share, params.inv_min_export_share),
      atLeast(p.export_markets, params.inv_min_markets),
      YES,
    ),
  );
  if (inv === YES) return result("international_new_venture", unknowns, NONE, "inv_criteria_met");
  if (inv === UNKNOWN) unknowns++;

  const years = atLeast(yearsExporting(p, active), params.experienced_min_years);
  const markets = atLeast(p.export_markets, params.experienced_min_markets);
  if (years === NO || markets === NO) {
    return result("inexperienced_exporter", unknowns, NONE, "below_experience_thresholds");
  }
  if (years === YES && markets === YES) {
    return result("experienced_exporter", unknowns, NONE, "experience_thresholds_met");
  }
  return result("undetermined", 0, Q_EXPERIENCE, "experience_unknown");
}

export const positionRule: Rule<Classification<Position>> = {
  id: "position.spectrum",
  description:
    "Places the firm on the spectrum from non-tradable offer to international new venture",
  reads: [
    "tradable",
    "exports_now",
    "plans_to_export",
    "founded",
    "assessed",
    "first_export_year",
    "last_export_year",
    "export_share",
    "export_markets",
    "export_gap",
    "between_projects",
    "modes",
    "barrier_resource",
    "barrier_items",
    "founder_export_experience",
    "large_firm_links",
    "client_pull",
    "cluster",
    "incubator",
  ],
  uses: [],
  params: [
    "barrier_high",
    "inv_max_years_to_first_export",
    "inv_min_export_share",
    "inv_min_markets",
    "experienced_min_years",
    "experienced_min_markets",
  ],
  references: [
    { author: "Autio et al.", year: 2000 },
    { author: "Knight and Cavusgil", year: 1996 },
    { author: "Westhead et al.", year: 2002 },
  ],
  run: (p, params) => classifyPosition(p, params),
};
