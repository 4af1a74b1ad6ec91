/**
 * The firm facts that Table 1's conditional cells hinge on. A "depends" cell names one condition;
 * the diagnostic decides from a firm profile whether it holds, then reads the cell's answer.
 *
 * The framework sits below src/firm, so profile fields are named here as a string union; a test
 * checks that each one is a key of the Profile type.
 */

/** Profile fields (src/firm/profile.ts) that framework data points at. */
export type ProfileField =
  | "founded"
  | "assessed"
  | "sector"
  | "employees"
  | "tradable"
  | "tech_intensity"
  | "exports_now"
  | "export_share"
  | "export_markets"
  | "first_export_year"
  | "last_export_year"
  | "export_gap"
  | "plans_to_export"
  | "between_projects"
  | "modes"
  | "resources_fungible"
  | "prefers_control"
  | "large_firm_links"
  | "client_pull"
  | "partner_dependence"
  | "cluster"
  | "incubator"
  | "location"
  | "home_economy"
  | "entrepreneur_type"
  | "founder_export_experience"
  | "founder_same_industry"
  | "barrier_attitudinal"
  | "barrier_resource"
  | "barrier_operational"
  | "barrier_strategic"
  | "sunk_cost_concern";

export const CONDITION_IDS = [
  "transaction_costs",
  "commitment_cost",
  "motivation_and_client_relationships",
  "internal_or_external_resources",
  "sunk_costs",
  "repeat_business",
  "scarce_expert_resources",
  "learning_outcome",
  "resources_depleted",
  "export_experience",
  "control_motivation",
  "resource_access_required",
  "geographic_fungibility",
  "client_relationships",
  "small_home_market",
] as const;
export type ConditionId = (typeof CONDITION_IDS)[number];

export interface ConditionInfo {
  label: string;
  /** What it means for the condition to hold for a firm (the "yes" side). */
  holds: string;
  /** Profile fields that bear on it, strongest evidence first. */
  resolvedBy: readonly ProfileField[];
  /**
   * "direct": a field records the fact itself; "proxy": fields are indirect evidence, so the
   * diagnostic should say it inferred the answer and keep it undetermined when they are unknown.
   */
  evidence: "direct" | "proxy";
  /** Which values point which way; thresholds belong to the diagnostic as named parameters. */
  note: string;
}

export const CONDITIONS: Readonly<Record<ConditionId, ConditionInfo>> = {
  transaction_costs: {
    label: "Transaction costs abroad",
    holds:
      "Dealing with foreign buyers, agents or partners (finding them, contracting, monitoring) is costly for the firm.",
    resolvedBy: ["barrier_operational", "large_firm_links", "client_pull", "export_markets"],
    evidence: "proxy",
    note: "No field measures transaction costs. A high operational barrier score points to high costs; links with a larger firm or a client pulling the firm abroad point to low ones, since the partner carries the transaction. Several markets already served suggests the costs are manageable.",
  },
  commitment_cost: {
    label: "Cost of committing resources abroad",
    holds:
      "Putting the firm's own money, staff and assets into a foreign operation would be a heavy burden for it.",
    resolvedBy: ["barrier_resource", "employees", "sunk_cost_concern"],
    evidence: "proxy",
    note: "A high resource barrier score, very few employees or strong worry about unrecoverable costs point to a heavy burden.",
  },
  motivation_and_client_relationships: {
    label: "Motivation and client relationships",
    holds:
      "The owner wants to sell abroad, or the firm's clients give it a route abroad from the start.",
    resolvedBy: ["plans_to_export", "client_pull", "barrier_attitudinal", "large_firm_links"],
    evidence: "proxy",
    note: "Holds when plans_to_export or client_pull is yes; a low attitudinal barrier score supports it. Fails when the firm neither plans to export nor is pulled and attitudes are a high barrier.",
  },
  internal_or_external_resources: {
    label: "Internal or external resources",
    holds:
      "The firm has enough resources of its own, or can draw on those of others (larger firms, a cluster, an incubator, its clients).",
    resolvedBy: [
      "barrier_resource",
      "employees",
      "large_firm_links",
      "cluster",
      "incubator",
      "client_pull",
    ],
    evidence: "proxy",
    note: "Holds when the resource barrier score is low, or when any of large_firm_links, cluster, incubator or client_pull is yes. Fails only when resources are scarce and every external route is no.",
  },
  sunk_costs: {
    label: "Perceived sunk costs",
    holds:
      "The firm sees what it spent to start exporting (networks, market information) as unrecoverable, so stopping feels like a loss.",
    resolvedBy: ["sunk_cost_concern"],
    evidence: "direct",
    note: "Read from sunk_cost_concern (1..5); a high score means the condition holds. Such a firm may keep exporting out of commitment rather than learning.",
  },
  repeat_business: {
    label: "Repeat foreign business",
    holds: "The firm can win further work from foreign clients or find new ones abroad.",
    resolvedBy: ["between_projects", "client_pull", "export_markets", "plans_to_export"],
    evidence: "proxy",
    note: "between_projects = yes means repeat business is expected (a suspended state, typical of business services). client_pull = yes or several markets served support it; no plans to export again points the other way.",
  },
  scarce_expert_resources: {
    label: "Scarce expert resources",
    holds: "Serving foreign clients means pulling a few specialist staff away from domestic work.",
    resolvedBy: ["sector", "employees", "barrier_resource"],
    evidence: "proxy",
    note: "Most typical of small business-services firms; few employees and a high resource barrier score support it.",
  },
  learning_outcome: {
    label: "Learning from experience abroad",
    holds:
      "What the firm (or its founder) learnt from selling abroad so far is positive and usable.",
    resolvedBy: ["plans_to_export", "exports_now", "export_gap", "founder_export_experience"],
    evidence: "proxy",
    note: "A firm exporting now, or a past exporter that plans to export again, evaluates its experience positively; a past exporter with no plans to return (the review's disappointed firm) reads as a negative outcome. Founder export experience supports a positive reading for new exporters.",
  },
  resources_depleted: {
    label: "Resources depleted",
    holds: "The resources the firm used to internationalize have run down.",
    resolvedBy: ["barrier_resource", "exports_now", "plans_to_export"],
    evidence: "proxy",
    note: "A high resource barrier score for a firm that exports or recently exported points to depletion.",
  },
  export_experience: {
    label: "Export experience and commitment",
    holds:
      "The firm has built up experience of selling abroad and commits a real share of its activity to it.",
    resolvedBy: [
      "first_export_year",
      "assessed",
      "export_share",
      "export_markets",
      "founder_export_experience",
    ],
    evidence: "proxy",
    note: "Years since the first export (assessed minus first_export_year), the share of sales exported and the number of markets; the diagnostic's thresholds for 'experienced' apply.",
  },
  control_motivation: {
    label: "Motivation for control",
    holds:
      "The owner values independence and wants to keep control of the firm's resources and operations.",
    resolvedBy: ["prefers_control"],
    evidence: "direct",
    note: "prefers_control = yes. Such owners tend towards modes they run themselves (direct exporting) and away from shared-control ones.",
  },
  resource_access_required: {
    label: "Access to location-specific resources required",
    holds:
      "To serve the foreign market the firm must get at resources tied to that location rather than use what it already has.",
    resolvedBy: ["resources_fungible"],
    evidence: "direct",
    note: "Holds when resources_fungible = no; fails when it is yes.",
  },
  geographic_fungibility: {
    label: "Geographically fungible resources",
    holds: "The firm's resources can be used abroad as they are, without local adaptation.",
    resolvedBy: ["resources_fungible"],
    evidence: "direct",
    note: "Holds when resources_fungible = yes (the mirror of resource_access_required).",
  },
  client_relationships: {
    label: "Lasting client relationships",
    holds:
      "The firm keeps durable relationships with clients, some of which draw it abroad with them.",
    resolvedBy: ["client_pull", "large_firm_links"],
    evidence: "proxy",
    note: "client_pull = yes holds directly; links with larger firms support it.",
  },
  small_home_market: {
    label: "Small, open home market",
    holds: "The home economy is small and open, so its narrowness pushes firms abroad.",
    resolvedBy: ["home_economy"],
    evidence: "direct",
    note: "home_economy = small_open holds; large fails.",
  },
};
