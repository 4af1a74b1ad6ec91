/**
 * Firm traits that decide whether a support instrument fits a firm, beyond its spectrum position
 * and state. Like conditions, each names the profile fields that resolve it; the diagnostic and
 * the policy engine own the thresholds.
 */
import type { ProfileField } from "./conditions.ts";

export const FIRM_TRAITS = [
  "tradable",
  "knowledge_intensive",
  "resource_poor",
  "large_firm_links",
  "client_pull",
  "partner_dependent",
  "prefers_control",
  "high_sunk_cost_concern",
  "novice_entrepreneur",
  "habitual_entrepreneur",
  "portfolio_entrepreneur",
  "founder_export_experience",
  "in_cluster",
  "in_incubator",
  "business_services",
] as const;
export type FirmTrait = (typeof FIRM_TRAITS)[number];

export interface TraitInfo {
  label: string;
  resolvedBy: readonly ProfileField[];
  note: string;
}

export const TRAITS: Readonly<Record<FirmTrait, TraitInfo>> = {
  tradable: {
    label: "Tradable offer",
    resolvedBy: ["tradable"],
    note: "tradable = yes.",
  },
  knowledge_intensive: {
    label: "Knowledge- or technology-intensive",
    resolvedBy: ["tech_intensity", "sector"],
    note: "tech_intensity = high, or sector = knowledge_manufacturing.",
  },
  resource_poor: {
    label: "Small resource pool",
    resolvedBy: ["barrier_resource", "employees"],
    note: "A high resource barrier score (diagnostic threshold), or very few employees.",
  },
  large_firm_links: {
    label: "Linked with larger firms",
    resolvedBy: ["large_firm_links"],
    note: "large_firm_links = yes.",
  },
  client_pull: {
    label: "Pulled abroad by a client",
    resolvedBy: ["client_pull"],
    note: "client_pull = yes.",
  },
  partner_dependent: {
    label: "Dependent on a larger partner",
    resolvedBy: ["partner_dependence"],
    note: "partner_dependence = yes: most sales hang on one larger partner.",
  },
  prefers_control: {
    label: "Owner wants to keep control",
    resolvedBy: ["prefers_control"],
    note: "prefers_control = yes.",
  },
  high_sunk_cost_concern: {
    label: "Worried about sunk costs",
    resolvedBy: ["sunk_cost_concern"],
    note: "sunk_cost_concern at or above the diagnostic's threshold (1..5 scale).",
  },
  novice_entrepreneur: {
    label: "Novice entrepreneur",
    resolvedBy: ["entrepreneur_type"],
    note: "entrepreneur_type = novice.",
  },
  habitual_entrepreneur: {
    label: "Habitual entrepreneur",
    resolvedBy: ["entrepreneur_type"],
    note: "entrepreneur_type = serial or portfolio.",
  },
  portfolio_entrepreneur: {
    label: "Portfolio entrepreneur",
    resolvedBy: ["entrepreneur_type"],
    note: "entrepreneur_type = portfolio: owns several businesses at once.",
  },
  founder_export_experience: {
    label: "Founder has sold abroad before",
    resolvedBy: ["founder_export_experience"],
    note: "founder_export_experience = yes.",
  },
  in_cluster: {
    label: "Located in a specialized cluster",
    resolvedBy: ["cluster"],
    note: "cluster = yes.",
  },
  in_incubator: {
    label: "Incubated, or in a region with a high-technology centre",
    resolvedBy: ["incubator"],
    note: "incubator = yes. No profile field records a regional high-technology centre, so an incubated firm is the nearest evidence.",
  },
  business_services: {
    label: "Business-services firm",
    resolvedBy: ["sector"],
    note: "sector = business_services.",
  },
};
