import {
  BARRIER_FAMILIES,
  ENTREPRENEUR_TYPES,
  ENTRY_MODES,
  HOME_ECONOMIES,
  LOCATIONS,
  SECTORS,
  TECH_INTENSITIES,
  TRI,
} from "../framework/vocabulary.ts";
import type { Profile } from "./profile.ts";

/**
 * How a field is written and checked. `tri` = yes/no/unknown; `enum` = one of `values`;
 * `number` = bounded by `min`/`max` (whole numbers when `integer`); `modes` = a semicolon list of
 * entry modes; `items` = item-level barrier answers spread over `barrier_<family>_<k>` columns.
 */
export type FieldKind = "id" | "text" | "tri" | "enum" | "number" | "modes" | "items";

export interface FieldSpec {
  name: keyof Profile & string;
  kind: FieldKind;
  /** Allowed values for `tri`, `enum` and `modes`. */
  values?: readonly string[];
  min?: number;
  max?: number;
  /** `min` is exclusive (weights must be strictly positive). */
  minExclusive?: boolean;
  integer?: boolean;
  /** What the field means, paraphrasing the review where it is the source. */
  description: string;
  /** Unit of a numeric field, or null. */
  unit: string | null;
  /** The question an adviser asks to fill the field. */
  question: string;
  /** The phrase after "expected" in every validation message about this field. */
  expected: string;
}

const oneOf = (values: readonly string[]): string => `one of ${values.join(" | ")}`;
const TRI_EXPECTED = `${oneOf(TRI)} (also true/false/1/0; empty = unknown)`;
const YEAR = { kind: "number", min: 1800, max: 2100, integer: true, unit: "year" } as const;
const YEAR_EXPECTED = "a whole year 1800..2100 (empty = unknown)";
const SCALE_EXPECTED = "a score 1..5 (5 = severe; empty = unknown)";

function tri(name: FieldSpec["name"], description: string, question: string): FieldSpec {
  return {
    name,
    kind: "tri",
    values: TRI,
    description,
    unit: null,
    question,
    expected: TRI_EXPECTED,
  };
}

function barrier(family: string, description: string): FieldSpec {
  return {
    name: `barrier_${family}` as FieldSpec["name"],
    kind: "number",
    min: 1,
    max: 5,
    description: `Severity of ${family} barriers to internationalization (family score). ${description}`,
    unit: "score 1..5",
    question: `How severe are the firm's ${family} barriers to going abroad, from 1 (none) to 5 (severe)?`,
    expected: SCALE_EXPECTED,
  };
}

/**
 * Every profile field in column order: the CSV header, the flat JSON keys, the documentation and
 * the adviser's ask-next questions all come from this one list.
 */
export const PROFILE_FIELDS: readonly FieldSpec[] = [
  {
    name: "id",
    kind: "id",
    description: "Identifier of the firm, unique within a file.",
    unit: null,
    question: "What identifier should this firm have?",
    expected: "a non-empty identifier",
  },
  {
    name: "description",
    kind: "text",
    description: "One-line free-text description (archetype, adviser note).",
    unit: null,
    question: "How would you describe the firm in one line?",
    expected: "text or empty",
  },
  {
    name: "founded",
    ...YEAR,
    description: "Year the firm was founded.",
    question: "In which year was the firm founded?",
    expected: YEAR_EXPECTED,
  },
  {
    name: "assessed",
    ...YEAR,
    description: "Year of this assessment: the 'now' of the profile.",
    question: "Which year does this assessment describe?",
    expected: YEAR_EXPECTED,
  },
  {
    name: "sector",
    kind: "enum",
    values: SECTORS,
    description:
      "Industry group; knowledge-intensive and traditional manufacturers internationalize differently (Bell et al., 2004), business services differ again (O'Farrell et al., 1998).",
    unit: null,
    question: "Which sector does the firm operate in?",
    expected: oneOf(SECTORS),
  },
  {
    name: "employees",
    kind: "number",
    min: 0,
    // Above any firm's head count: a larger number is a unit or typing error.
    max: 10_000_000,
    integer: true,
    description: "Number of employees.",
    unit: "persons",
    question: "How many people does the firm employ?",
    expected: "a whole number 0..10,000,000 (empty = unknown)",
  },
  tri(
    "tradable",
    "Whether the firm's offer can be sold abroad at all; some goods and services are local by nature (taste, distribution cost, no advantage).",
    "Could the firm's product or service be sold to customers abroad at all?",
  ),
  {
    name: "tech_intensity",
    kind: "enum",
    values: TECH_INTENSITIES,
    description: "Technology or knowledge content of the offer.",
    unit: null,
    question: "How technology- or knowledge-intensive is the firm's offer?",
    expected: oneOf(TECH_INTENSITIES),
  },
  tri(
    "exports_now",
    "Whether the firm exports in the assessment year.",
    "Does the firm export now?",
  ),
  {
    name: "export_share",
    kind: "number",
    min: 0,
    max: 1,
    description: "Share of sales exported in the current or last export year.",
    unit: "share 0..1",
    question: "What share of sales went abroad in the current (or last) export year?",
    expected: "a share 0..1 (empty = unknown)",
  },
  {
    name: "export_markets",
    kind: "number",
    min: 0,
    // There are about 250 countries and territories to sell to.
    max: 250,
    integer: true,
    description: "Number of foreign countries served.",
    unit: "countries",
    question: "How many foreign countries does the firm sell to?",
    expected: "a whole number 0..250 (empty = unknown)",
  },
  {
    name: "first_export_year",
    ...YEAR,
    description: "Year of the first export delivery.",
    question: "In which year did the firm first export?",
    expected: YEAR_EXPECTED,
  },
  {
    name: "last_export_year",
    ...YEAR,
    description: "Most recent year with exports.",
    question: "In which year did the firm last export?",
    expected: YEAR_EXPECTED,
  },
  tri(
    "export_gap",
    "The firm had a period without exports before its current export activity (re-entry).",
    "Did the firm stop exporting for a while before its current exports?",
  ),
  tri(
    "plans_to_export",
    "The firm plans to export (again) in the future; separates disinterested from disappointed ex-exporters (Crick, 2004).",
    "Does the firm plan to export in the future?",
  ),
  tri(
    "between_projects",
    "No exports now, but repeat foreign business is expected: the suspended state typical of business services (O'Farrell et al., 1998).",
    "Is the firm between foreign projects and expecting repeat business abroad?",
  ),
  {
    name: "modes",
    kind: "modes",
    values: ENTRY_MODES,
    description: "Entry modes used, as a semicolon list; `none` for no foreign activity.",
    unit: null,
    question: "Through which entry modes does the firm serve foreign markets?",
    expected: `entry modes separated by ';' from ${ENTRY_MODES.join(" | ")}, or none (empty = unknown)`,
  },
  tri(
    "resources_fungible",
    "The firm's key resources work abroad without local adaptation (exploit via low-access modes) rather than being location-specific (access via high-control modes).",
    "Could the firm's key resources be used abroad as they are, without building them locally?",
  ),
  tri(
    "prefers_control",
    "The owners want to keep control and independence, a common SME motivation.",
    "Do the owners insist on keeping full control of foreign operations?",
  ),
  tri(
    "large_firm_links",
    "Links with larger firms that can act as conduits abroad (Acs et al., 1997).",
    "Does the firm have working links with larger firms that operate internationally?",
  ),
  tri(
    "client_pull",
    "A major customer took or is taking the firm abroad.",
    "Has a major customer taken (or is it taking) the firm into foreign markets?",
  ),
  tri(
    "partner_dependence",
    "Most sales depend on one larger partner: asymmetric interdependence (Pfeffer and Salancik, 1978).",
    "Do most sales depend on one larger partner?",
  ),
  tri(
    "cluster",
    "The firm is part of a geographic cluster of specialized firms.",
    "Is the firm part of a local cluster of related firms?",
  ),
  tri(
    "incubator",
    "The firm is or was hosted by an incubator (e.g. a university spin-out programme).",
    "Was the firm started in or supported by an incubator?",
  ),
  {
    name: "location",
    kind: "enum",
    values: LOCATIONS,
    description: "Urban or rural location.",
    unit: null,
    question: "Is the firm located in an urban or a rural area?",
    expected: oneOf(LOCATIONS),
  },
  {
    name: "home_economy",
    kind: "enum",
    values: HOME_ECONOMIES,
    description:
      "Small open home economies push firms abroad; large ones pull them by demand (Luostarinen and Gabrielsson, 2004).",
    unit: null,
    question: "Is the home economy small and open, or large?",
    expected: oneOf(HOME_ECONOMIES),
  },
  {
    name: "entrepreneur_type",
    kind: "enum",
    values: ENTREPRENEUR_TYPES,
    description:
      "Novice or habitual (serial, portfolio) founder; portfolio entrepreneurs own several businesses at once (Westhead et al., 2005).",
    unit: null,
    question: "Is the lead founder a first-time, serial or portfolio entrepreneur?",
    expected: oneOf(ENTREPRENEUR_TYPES),
  },
  tri(
    "founder_export_experience",
    "The lead founder sold abroad before (Westhead et al., 2001).",
    "Has the lead founder sold goods or services abroad before?",
  ),
  tri(
    "founder_same_industry",
    "The lead founder started the firm in the industry of their last employer (Westhead et al., 2001).",
    "Did the lead founder start the firm in the same industry as their last employer?",
  ),
  barrier("attitudinal", "Reluctance, perceived risk, domestic focus."),
  barrier("resource", "Lack of finance, staff or time."),
  barrier("operational", "Logistics, documentation, pricing, delivery."),
  barrier("strategic", "Market knowledge, partners, competition abroad."),
  {
    name: "barrier_items",
    kind: "items",
    description: `Item-level barrier answers 1..5 per family, from columns barrier_<family>_<k> (k = 1, 2, ...) with family in ${BARRIER_FAMILIES.join(" | ")}.`,
    unit: "score 1..5",
    question: "How does the firm rate each barrier item, from 1 (none) to 5 (severe)?",
    expected: "a whole score 1..5 (empty = unknown)",
  },
  {
    name: "sunk_cost_concern",
    kind: "number",
    min: 1,
    max: 5,
    integer: true,
    description: "How much the firm worries about unrecoverable entry costs.",
    unit: "score 1..5",
    question: "How much does the firm worry about entry costs it could not recover, from 1 to 5?",
    expected: "a whole score 1..5 (empty = unknown)",
  },
  {
    name: "weight",
    kind: "number",
    min: 0,
    minExclusive: true,
    // A firm standing for more than a billion firms is an error, and sums of such weights
    // would leave the range where totals add exactly.
    max: 1e9,
    description: "Survey or register weight; empty means 1.",
    unit: "weight",
    question: "What survey weight does this firm carry?",
    expected: "a number > 0 and at most 1,000,000,000 (empty = 1)",
  },
];

export const FIELD_BY_NAME: ReadonlyMap<string, FieldSpec> = new Map(
  PROFILE_FIELDS.map((f) => [f.name, f]),
);

/** Column names a flat record may carry (every field except the item group). */
export const COLUMN_NAMES: readonly string[] = PROFILE_FIELDS.filter((f) => f.kind !== "items").map(
  (f) => f.name,
);

const ITEM_COLUMN = new RegExp(`^barrier_(${BARRIER_FAMILIES.join("|")})_([1-9][0-9]*)$`);

/** `barrier_resource_2` -> {family: "resource", k: 2}; anything else -> null. */
export function parseItemColumn(
  name: string,
): { family: (typeof BARRIER_FAMILIES)[number]; k: number } | null {
  const m = ITEM_COLUMN.exec(name);
  if (!m) return null;
  return { family: m[1] as (typeof BARRIER_FAMILIES)[number], k: Number(m[2]) };
}
