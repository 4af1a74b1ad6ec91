import type { Profile } from "../firm/index.ts";
import { CONDITIONS, type ConditionId } from "../framework/index.ts";
import { exportHistory, NO, type TriCode, UNKNOWN, YES } from "./facts.ts";
import type { DiagnoseParams } from "./params.ts";
import type { Context, ProfileField } from "./rule.ts";

const tri = (v: "yes" | "no" | "unknown"): TriCode =>
  v === "yes" ? YES : v === "no" ? NO : UNKNOWN;

/**
 * Whether a Table 1 condition holds for this firm, read from the fields the framework names for
 * it (src/framework/conditions.ts, whose notes say which values point which way). Proxy
 * conditions stay unknown when their evidence is missing or mixed.
 */
export function conditionValue(
  id: ConditionId,
  p: Profile,
  params: DiagnoseParams,
  ctx: Context,
): TriCode {
  const levels = ctx.barrier_levels;
  switch (id) {
    case "transaction_costs":
      // A larger partner or a pulling client carries the transaction for the firm.
      if (p.large_firm_links === "yes" || p.client_pull === "yes") return NO;
      if (levels.operational === "high") return YES;
      if (levels.operational === "low") return NO;
      if (p.export_markets !== null && p.export_markets >= params.experienced_min_markets)
        return NO;
      return UNKNOWN;
    case "commitment_cost":
      if (levels.resource === "high") return YES;
      if (p.sunk_cost_concern !== null && p.sunk_cost_concern >= params.sunk_cost_high) return YES;
      return levels.resource === "low" ? NO : UNKNOWN;
    case "motivation_and_client_relationships":
      if (p.plans_to_export === "yes" || p.client_pull === "yes" || p.exports_now === "yes")
        return YES;
      return p.plans_to_export === "no" && p.client_pull === "no" ? NO : UNKNOWN;
    case "internal_or_external_resources":
      if (levels.resource === "low") return YES;
      if (
        p.large_firm_links === "yes" ||
        p.cluster === "yes" ||
        p.incubator === "yes" ||
        p.client_pull === "yes"
      ) {
        return YES;
      }
      return levels.resource === "high" &&
        p.large_firm_links === "no" &&
        p.cluster === "no" &&
        p.incubator === "no" &&
        p.client_pull === "no"
        ? NO
        : UNKNOWN;
    case "sunk_costs":
      if (p.sunk_cost_concern === null) return UNKNOWN;
      return p.sunk_cost_concern >= params.sunk_cost_high ? YES : NO;
    case "repeat_business":
      if (p.between_projects === "yes" || p.client_pull === "yes") return YES;
      if (p.export_markets !== null && p.export_markets >= params.experienced_min_markets)
        return YES;
      if (p.plans_to_export === "no") return NO;
      return p.between_projects === "no" && p.client_pull === "no" ? NO : UNKNOWN;
    case "scarce_expert_resources":
      if (p.sector === null) return UNKNOWN;
      if (p.sector !== "business_services") return NO;
      return levels.resource === "high" ? YES : levels.resource === "low" ? NO : UNKNOWN;
    case "learning_outcome":
      if (p.exports_now === "yes") return YES;
      if (exportHistory(p) === YES) return tri(p.plans_to_export);
      return p.founder_export_experience === "yes" ? YES : UNKNOWN;
    case "resources_depleted":
      if (levels.resource === "low" || levels.resource === "medium") return NO;
      if (levels.resource === "unknown") return UNKNOWN;
      return exportHistory(p) === YES ? YES : UNKNOWN;
    case "export_experience":
      if (ctx.position === "undetermined") return UNKNOWN;
      return ctx.position === "experienced_exporter" || ctx.position === "international_new_venture"
        ? YES
        : NO;
    case "control_motivation":
      return tri(p.prefers_control);
    case "resource_access_required":
      return p.resources_fungible === "no" ? YES : p.resources_fungible === "yes" ? NO : UNKNOWN;
    case "geographic_fungibility":
      return tri(p.resources_fungible);
    case "client_relationships":
      if (p.client_pull === "yes" || p.large_firm_links === "yes") return YES;
      return p.client_pull === "no" && p.large_firm_links === "no" ? NO : UNKNOWN;
    case "small_home_market":
      return p.home_economy === null ? UNKNOWN : p.home_economy === "small_open" ? YES : NO;
  }
}

/** The framework's resolving fields for a condition that are unknown for this firm. */
export function missingFor(id: ConditionId, p: Profile): ProfileField[] {
  const out: ProfileField[] = [];
  for (const f of CONDITIONS[id].resolvedBy) {
    const v = p[f];
    if (v === null || v === "unknown") out.push(f);
  }
  return out;
}
