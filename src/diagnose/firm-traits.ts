import type { Profile } from "../firm/index.ts";
import { FIRM_TRAITS, type FirmTrait, TRAITS } from "../framework/index.ts";
import { exportHistory, NO, type TriCode, UNKNOWN, YES } from "./facts.ts";
import type { DiagnoseParams, ParamName } from "./params.ts";
import type { Context, ContextField, ProfileField } from "./rule.ts";

const tri = (v: "yes" | "no" | "unknown"): TriCode =>
  v === "yes" ? YES : v === "no" ? NO : UNKNOWN;

/**
 * Whether a framework trait holds for this firm. The framework names the fields; the thresholds
 * (resource barrier, sunk-cost concern) are this module's named parameters.
 */
export function traitValue(
  trait: FirmTrait,
  p: Profile,
  params: DiagnoseParams,
  ctx: Context,
): TriCode {
  switch (trait) {
    case "tradable":
      // Selling abroad proves tradability whatever the field says.
      if (exportHistory(p) === YES) return YES;
      return tri(p.tradable);
    case "knowledge_intensive":
      if (p.tech_intensity === "high" || p.sector === "knowledge_manufacturing") return YES;
      return p.tech_intensity === null || p.sector === null ? UNKNOWN : NO;
    case "resource_poor": {
      const level = ctx.barrier_levels.resource;
      return level === "high" ? YES : level === "unknown" ? UNKNOWN : NO;
    }
    case "large_firm_links":
      return tri(p.large_firm_links);
    case "client_pull":
      return tri(p.client_pull);
    case "partner_dependent":
      return tri(p.partner_dependence);
    case "prefers_control":
      return tri(p.prefers_control);
    case "high_sunk_cost_concern":
      if (p.sunk_cost_concern === null) return UNKNOWN;
      return p.sunk_cost_concern >= params.sunk_cost_high ? YES : NO;
    case "novice_entrepreneur":
      return p.entrepreneur_type === null ? UNKNOWN : p.entrepreneur_type === "novice" ? YES : NO;
    case "habitual_entrepreneur":
      return p.entrepreneur_type === null ? UNKNOWN : p.entrepreneur_type === "novice" ? NO : YES;
    case "portfolio_entrepreneur":
      return p.entrepreneur_type === null
        ? UNKNOWN
        : p.entrepreneur_type === "portfolio"
          ? YES
          : NO;
    case "founder_export_experience":
      return tri(p.founder_export_experience);
    case "in_cluster":
      return tri(p.cluster);
    case "in_incubator":
      return tri(p.incubator);
    case "business_services":
      return p.sector === null ? UNKNOWN : p.sector === "business_services" ? YES : NO;
  }
}

/** Profile fields each trait reads here (the framework's list plus what tradability infers from). */
export const TRAIT_READS: Readonly<Record<FirmTrait, readonly (ProfileField | ContextField)[]>> =
  Object.fromEntries<readonly (ProfileField | ContextField)[]>(
    FIRM_TRAITS.map((t) => {
      const extra: (ProfileField | ContextField)[] =
        t === "tradable"
          ? [
              "exports_now",
              "first_export_year",
              "last_export_year",
              "export_share",
              "export_markets",
              "export_gap",
              "between_projects",
            ]
          : t === "resource_poor"
            ? ["barrier_levels"]
            : [];
      const base: readonly ProfileField[] = t === "resource_poor" ? [] : TRAITS[t].resolvedBy;
      return [t, [...new Set([...base, ...extra])]];
    }),
  ) as Record<FirmTrait, readonly (ProfileField | ContextField)[]>;

export const TRAIT_PARAMS: Readonly<Partial<Record<FirmTrait, readonly ParamName[]>>> = {
  resource_poor: ["barrier_high"],
  high_sunk_cost_concern: ["sunk_cost_high"],
};

// Reused result of evaluateTraits: callers read both fields before the next call.
const traitSets = { yes: 0, unknown: 0 };

/**
 * Evaluates the traits selected by `which` (a bit set over FIRM_TRAITS) into two bit sets:
 * those that hold and those that are unknown; the others do not hold. The returned object is
 * reused by the next call.
 */
export function evaluateTraits(
  p: Profile,
  params: DiagnoseParams,
  ctx: Context,
  which: number,
): { yes: number; unknown: number } {
  let yes = 0;
  let unknown = 0;
  for (let i = 0; i < FIRM_TRAITS.length; i++) {
    if (!(which & (1 << i))) continue;
    const v = traitValue(FIRM_TRAITS[i], p, params, ctx);
    if (v === YES) yes |= 1 << i;
    else if (v === UNKNOWN) unknown |= 1 << i;
  }
  traitSets.yes = yes;
  traitSets.unknown = unknown;
  return traitSets;
}
