import {
  ENTREPRENEUR_TYPES,
  HOME_ECONOMIES,
  LOCATIONS,
  POSITIONS,
  SECTORS,
  STATES,
  TECH_INTENSITIES,
} from "../../framework/index.ts";

/**
 * What an eligibility rule may read. `code` fields take one of `levels` (unknown is its own
 * marker, never a level); `ordered` code fields also accept gte/gt/lte/lt against a level name.
 * `diagnosis` fields are not stored on the firm: they are derived each year by the diagnose
 * module's own rules, so a programme targets exactly what an adviser would see.
 */
export interface RuleField {
  name: string;
  kind: "number" | "code";
  levels?: readonly string[];
  ordered?: boolean;
  origin: "profile" | "diagnosis";
  /**
   * Classified per firm by the diagnose rules from a whole profile (position, state): costly, so
   * a simulation first filters on the other conditions and classifies only the firms left.
   */
  deferred?: boolean;
  description: string;
}

const YES_NO = ["yes", "no"] as const;
/** Barrier levels as the diagnose module grades a family score, in rank order. */
export const BARRIER_LEVELS = ["low", "medium", "high"] as const;

function num(name: string, description: string): RuleField {
  return { name, kind: "number", origin: "profile", description };
}
function code(name: string, levels: readonly string[], description: string, ordered = false) {
  const field: RuleField = { name, kind: "code", levels, origin: "profile", description };
  if (ordered) field.ordered = true;
  return field;
}
function tri(name: string, description: string): RuleField {
  return code(name, YES_NO, `${description} (yes/no; unknown is tested with \`known\`)`);
}

export const RULE_FIELDS: readonly RuleField[] = [
  {
    name: "position",
    kind: "code",
    levels: POSITIONS,
    ordered: true,
    origin: "diagnosis",
    deferred: true,
    description: "Spectrum position from the diagnose rules (ordered, least to most international)",
  },
  {
    name: "state",
    kind: "code",
    levels: STATES,
    origin: "diagnosis",
    deferred: true,
    description: "Internationalization state from the diagnose rules",
  },
  ...(["attitudinal", "resource", "operational", "strategic"] as const).map(
    (family): RuleField => ({
      name: `barrier_${family}_level`,
      kind: "code",
      levels: BARRIER_LEVELS,
      ordered: true,
      origin: "diagnosis",
      description: `Level of the ${family} barrier family from the diagnose thresholds (low < medium < high)`,
    }),
  ),
  num("barrier_attitudinal", "Attitudinal barrier score, 1..5 (5 = severe)"),
  num("barrier_resource", "Resource barrier score, 1..5"),
  num("barrier_operational", "Operational barrier score, 1..5"),
  num("barrier_strategic", "Strategic barrier score, 1..5"),
  num("sunk_cost_concern", "Concern about unrecoverable entry costs, 1..5"),
  num("employees", "Employees (head count)"),
  num("age", "Firm age in years in the simulated year (year - founded)"),
  num("founded", "Year founded"),
  num("export_share", "Share of sales exported, 0..1"),
  num("export_markets", "Number of foreign countries served"),
  code("sector", SECTORS, "Sector"),
  code("tech_intensity", TECH_INTENSITIES, "Technology intensity", true),
  code("location", LOCATIONS, "Urban or rural location"),
  code("home_economy", HOME_ECONOMIES, "Small open or large home economy"),
  code("entrepreneur_type", ENTREPRENEUR_TYPES, "Novice, serial or portfolio entrepreneur"),
  tri("tradable", "The offer can be sold abroad"),
  tri("exports_now", "Exports in the current year"),
  tri("plans_to_export", "Plans to export"),
  tri("export_gap", "Had a gap without exports before the current export activity"),
  tri("between_projects", "Between foreign projects, expects repeat business"),
  tri("resources_fungible", "Resources usable abroad without local adaptation"),
  tri("prefers_control", "Prefers high-control entry modes"),
  tri("large_firm_links", "Has links with larger firms"),
  tri("client_pull", "A major customer took or is taking the firm abroad"),
  tri("partner_dependence", "Most sales depend on one larger partner"),
  tri("cluster", "Located in a cluster"),
  tri("incubator", "In an incubator"),
  tri("founder_export_experience", "Founder has prior export experience"),
  tri("founder_same_industry", "Founder has same-industry experience"),
];

export const RULE_FIELD_NAMES: readonly string[] = RULE_FIELDS.map((f) => f.name);

const BY_NAME = new Map(RULE_FIELDS.map((f) => [f.name, f]));

export function ruleField(name: string): RuleField | undefined {
  return BY_NAME.get(name);
}
