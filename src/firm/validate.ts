import type { Issue, Result } from "../framework/issue.ts";
import { BARRIER_FAMILIES, type BarrierFamily } from "../framework/vocabulary.ts";
import { fieldIssue, showValue, type Where } from "./coerce.ts";
import { inconsistencyIssue } from "./consistency.ts";
import { FIELD_BY_NAME, PROFILE_FIELDS } from "./fields.ts";
import { type FlatRecord, flattenRecord } from "./flatten.ts";
import type { Profile } from "./profile.ts";
import { profileSchema } from "./schema.ts";

const ITEMS_SPEC = FIELD_BY_NAME.get("barrier_items")!;

/** The object `profileSchema` parses: every field present, items grouped by family. */
export function schemaInput(flat: FlatRecord): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const spec of PROFILE_FIELDS) {
    if (spec.kind === "items") {
      const items = {} as Record<BarrierFamily, unknown[]>;
      for (const f of BARRIER_FAMILIES) items[f] = flat.items[f].map(([, v]) => v);
      input.barrier_items = items;
    } else input[spec.name] = flat.fields[spec.name];
  }
  return input;
}

/**
 * Validates one firm record (a CSV row keyed by header, or a flat or nested JSON object) into a
 * `Profile`. Every issue names `where.file`, `where.row`, the field (the column name for item
 * answers), the raw value and what was expected. Unknown keys are ignored here; readers report
 * them once per file.
 */
export function validateProfile(
  record: Record<string, unknown>,
  where: { file?: string; row?: number } = {},
): Result<Profile> {
  const at: Where = {};
  if (where.file !== undefined) at.file = where.file;
  if (where.row !== undefined) at.row = where.row;
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    const expected = "an object of profile fields";
    return {
      ok: false,
      issues: [
        {
          code: "invalid_type",
          message: `got ${showValue(record)}, expected ${expected}`,
          ...at,
          value: record,
          expected,
        },
      ],
    };
  }
  const flat = flattenRecord(record);
  const parsed = profileSchema.safeParse(schemaInput(flat));
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const zi of parsed.error.issues) {
    const name = String(zi.path[0]);
    let issue: Issue;
    const params = (
      zi as { params?: { inconsistent?: boolean; value?: unknown; expected?: string } }
    ).params;
    if (zi.code === "custom" && params?.inconsistent) {
      issue = inconsistencyIssue(
        { field: name as keyof Profile & string, value: params.value, expected: params.expected! },
        at,
      );
    } else if (name === "barrier_items") {
      const [column, raw] = flat.items[zi.path[1] as BarrierFamily][Number(zi.path[2])];
      issue = fieldIssue(ITEMS_SPEC, raw, at, column);
    } else {
      issue = fieldIssue(FIELD_BY_NAME.get(name)!, flat.fields[name], at);
    }
    if (seen.has(issue.field!)) continue;
    seen.add(issue.field!);
    issues.push(issue);
  }
  return { ok: false, issues };
}

/** A profile with every field unknown: the starting point for an adviser's interview. */
export function emptyProfile(id: string): Profile {
  return {
    id,
    description: null,
    founded: null,
    assessed: null,
    sector: null,
    employees: null,
    tradable: "unknown",
    tech_intensity: null,
    exports_now: "unknown",
    export_share: null,
    export_markets: null,
    first_export_year: null,
    last_export_year: null,
    export_gap: "unknown",
    plans_to_export: "unknown",
    between_projects: "unknown",
    modes: null,
    resources_fungible: "unknown",
    prefers_control: "unknown",
    large_firm_links: "unknown",
    client_pull: "unknown",
    partner_dependence: "unknown",
    cluster: "unknown",
    incubator: "unknown",
    location: null,
    home_economy: null,
    entrepreneur_type: null,
    founder_export_experience: "unknown",
    founder_same_industry: "unknown",
    barrier_attitudinal: null,
    barrier_resource: null,
    barrier_operational: null,
    barrier_strategic: null,
    barrier_items: { attitudinal: [], resource: [], operational: [], strategic: [] },
    sunk_cost_concern: null,
    weight: null,
  };
}
