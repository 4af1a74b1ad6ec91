import type {
  BarrierFamily,
  EntrepreneurType,
  EntryMode,
  HomeEconomy,
  Location,
  Sector,
  TechIntensity,
  Tri,
} from "../framework/vocabulary.ts";

/**
 * The one firm profile: what an adviser records, what a register holds, what the simulation
 * synthesizes and what the store keeps. `null` means unknown for every non-Tri field; a Tri
 * field says "unknown" explicitly. Unknown is never coerced to "no" or 0.
 */
export interface Profile {
  id: string;
  /** One-line free-text description (archetypes, adviser notes). */
  description: string | null;
  /** Year the firm was founded. */
  founded: number | null;
  /** Year of this assessment (the "now" of the profile). */
  assessed: number | null;
  sector: Sector | null;
  employees: number | null;
  /** Whether the firm's offer can be sold abroad at all. */
  tradable: Tri;
  tech_intensity: TechIntensity | null;
  exports_now: Tri;
  /** Share of sales exported, 0..1, in the current or last export year. */
  export_share: number | null;
  /** Number of foreign countries served. */
  export_markets: number | null;
  first_export_year: number | null;
  last_export_year: number | null;
  /** Whether the firm had a gap without exports before its current export activity. */
  export_gap: Tri;
  plans_to_export: Tri;
  /** No exports now, but repeat foreign business is expected (between foreign projects). */
  between_projects: Tri;
  /** Entry modes used; null = unknown, [] = none. */
  modes: EntryMode[] | null;
  /** Resources usable abroad without local adaptation (exploit) vs location-specific (access). */
  resources_fungible: Tri;
  prefers_control: Tri;
  large_firm_links: Tri;
  /** A major customer took the firm abroad or is going abroad. */
  client_pull: Tri;
  /** Most sales depend on one larger partner (asymmetric interdependence). */
  partner_dependence: Tri;
  cluster: Tri;
  incubator: Tri;
  location: Location | null;
  home_economy: HomeEconomy | null;
  entrepreneur_type: EntrepreneurType | null;
  founder_export_experience: Tri;
  founder_same_industry: Tri;
  /** Family scores 1..5 (5 = severe), as given or rolled up from items. */
  barrier_attitudinal: number | null;
  barrier_resource: number | null;
  barrier_operational: number | null;
  barrier_strategic: number | null;
  /** Item-level barrier answers (1..5) per family, in column order; empty when none given. */
  barrier_items: Record<BarrierFamily, ReadonlyArray<number | null>>;
  /** How much the firm worries about unrecoverable entry costs, 1..5. */
  sunk_cost_concern: number | null;
  /** Survey or register weight; null means 1. */
  weight: number | null;
}
