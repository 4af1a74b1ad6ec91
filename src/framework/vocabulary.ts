/**
 * The review's vocabulary as closed sets of identifiers. Every other module names things with
 * these ids; the descriptive, cited data about each id lives beside this file.
 */

export const PERSPECTIVE_FAMILIES = ["traditional", "international_entrepreneurship"] as const;
export type PerspectiveFamily = (typeof PERSPECTIVE_FAMILIES)[number];

export const PERSPECTIVES = [
  "stage",
  "internalization",
  "strategic_choice",
  "learning",
  "resource_network",
] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

/** Table 1 rows, P1..P6. */
export const PROPOSITIONS = ["P1", "P2", "P3", "P4", "P5", "P6"] as const;
export type Proposition = (typeof PROPOSITIONS)[number];

export const THEMES = [
  "timing",
  "intensity_sustainability",
  "mode",
  "domestic_environment",
  "external_resources",
  "unit_of_analysis",
] as const;
export type Theme = (typeof THEMES)[number];

/** Ordered from least to most internationalized. */
export const POSITIONS = [
  "non_tradable",
  "domestic_by_choice",
  "export_capable",
  "inexperienced_exporter",
  "experienced_exporter",
  "international_new_venture",
] as const;
export type Position = (typeof POSITIONS)[number];
export type PositionOrUndetermined = Position | "undetermined";

export const STATES = [
  "never_exported",
  "exporting",
  "re_entered",
  "suspended",
  "withdrawn_disappointed",
  "withdrawn_disinterested",
] as const;
export type State = (typeof STATES)[number];
export type StateOrUndetermined = State | "undetermined";

export const BARRIER_FAMILIES = ["attitudinal", "resource", "operational", "strategic"] as const;
export type BarrierFamily = (typeof BARRIER_FAMILIES)[number];

export const ENTRY_MODES = [
  "indirect_export",
  "direct_export",
  "licensing",
  "franchising",
  "alliance",
  "joint_venture",
  "acquisition",
  "greenfield_fdi",
] as const;
export type EntryMode = (typeof ENTRY_MODES)[number];

export const MARKET_FAILURES = [
  "imperfect_information",
  "asymmetric_information",
  "externalities",
  "incomplete_property_rights",
  "imperfect_market_structure",
  "poor_regulation",
] as const;
export type MarketFailure = (typeof MARKET_FAILURES)[number];

/** The five cross-cutting policy themes of the review's discussion section. */
export const POLICY_THEMES = [
  "early_internationalization",
  "dynamic_activity",
  "entry_mode_options",
  "domestic_international_resources",
  "entrepreneur_focus",
] as const;
export type PolicyTheme = (typeof POLICY_THEMES)[number];

/** Support instruments an adviser can recommend or a programme can fund. */
export const INSTRUMENTS = [
  "market_scope_advice",
  "inv_accelerator",
  "inv_practice_dissemination",
  "export_readiness_grant",
  "information_advice",
  "market_visit_support",
  "exit_reentry_counselling",
  "learning_from_experience_review",
  "skills_tacit_knowledge_support",
  "barrier_reduction_assistance",
  "intensity_growth_support",
  "entry_mode_awareness",
  "partnership_control_counselling",
  "large_firm_brokering",
  "piggyback_scheme",
  "negotiation_support",
  "informal_cooperation_cluster",
  "incubator_regional_support",
  "novice_mentoring",
  "habitual_entrepreneur_targeting",
  "alertness_training",
] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export const SECTORS = [
  "knowledge_manufacturing",
  "traditional_manufacturing",
  "business_services",
  "consumer_services",
  "other",
] as const;
export type Sector = (typeof SECTORS)[number];

export const TRI = ["yes", "no", "unknown"] as const;
/** A yes/no answer that may be unknown; unknown is carried through, never read as "no". */
export type Tri = (typeof TRI)[number];

export const TECH_INTENSITIES = ["low", "medium", "high"] as const;
export type TechIntensity = (typeof TECH_INTENSITIES)[number];

export const LOCATIONS = ["urban", "rural"] as const;
export type Location = (typeof LOCATIONS)[number];

export const HOME_ECONOMIES = ["small_open", "large"] as const;
export type HomeEconomy = (typeof HOME_ECONOMIES)[number];

export const ENTREPRENEUR_TYPES = ["novice", "serial", "portfolio"] as const;
export type EntrepreneurType = (typeof ENTREPRENEUR_TYPES)[number];
