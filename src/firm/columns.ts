import {
  BARRIER_FAMILIES,
  type BarrierFamily,
  ENTREPRENEUR_TYPES,
  ENTRY_MODES,
  type EntryMode,
  HOME_ECONOMIES,
  LOCATIONS,
  SECTORS,
  TECH_INTENSITIES,
  TRI,
} from "../framework/vocabulary.ts";
import type { Profile } from "./profile.ts";

/**
 * A batch of profiles as struct-of-arrays, for the bulk paths (a million-row assessment, the
 * simulation's register). Categorical fields hold their index in the vocabulary list, so a
 * kernel compares small integers instead of strings; unknown keeps its own code and is never
 * folded into "no" or 0:
 *  - tri fields: index in `TRI` (0 yes, 1 no, 2 unknown);
 *  - enum fields: index in their vocabulary list, `UNKNOWN_CODE` (255) for null;
 *  - numbers: `NaN` for null;
 *  - modes: a bit per `ENTRY_MODES` index, `MODES_UNKNOWN` for null (0 = none used).
 */
export interface ProfileColumns {
  /** Rows in use; every column holds at least this many entries. */
  length: number;
  id: string[];
  description: (string | null)[];
  founded: Float64Array;
  assessed: Float64Array;
  sector: Uint8Array;
  employees: Float64Array;
  tradable: Uint8Array;
  tech_intensity: Uint8Array;
  exports_now: Uint8Array;
  export_share: Float64Array;
  export_markets: Float64Array;
  first_export_year: Float64Array;
  last_export_year: Float64Array;
  export_gap: Uint8Array;
  plans_to_export: Uint8Array;
  between_projects: Uint8Array;
  modes: Uint16Array;
  resources_fungible: Uint8Array;
  prefers_control: Uint8Array;
  large_firm_links: Uint8Array;
  client_pull: Uint8Array;
  partner_dependence: Uint8Array;
  cluster: Uint8Array;
  incubator: Uint8Array;
  location: Uint8Array;
  home_economy: Uint8Array;
  entrepreneur_type: Uint8Array;
  founder_export_experience: Uint8Array;
  founder_same_industry: Uint8Array;
  barrier_attitudinal: Float64Array;
  barrier_resource: Float64Array;
  barrier_operational: Float64Array;
  barrier_strategic: Float64Array;
  /** Item answers per family, one column per item (k = 1, 2, ...); NaN = unknown or absent. */
  barrier_items: Record<BarrierFamily, Float64Array[]>;
  sunk_cost_concern: Float64Array;
  weight: Float64Array;
}

export const TRI_YES = 0;
export const TRI_NO = 1;
export const TRI_UNKNOWN = 2;
/** Code of an unknown (null) enum field. */
export const UNKNOWN_CODE = 255;
/** Code of unknown (null) modes; distinct from 0, "no mode used". */
export const MODES_UNKNOWN = 0x8000;

const TRI_FIELDS = [
  "tradable",
  "exports_now",
  "export_gap",
  "plans_to_export",
  "between_projects",
  "resources_fungible",
  "prefers_control",
  "large_firm_links",
  "client_pull",
  "partner_dependence",
  "cluster",
  "incubator",
  "founder_export_experience",
  "founder_same_industry",
] as const;

/** Enum fields and the vocabulary list their codes index. */
export const ENUM_CODES = {
  sector: SECTORS,
  tech_intensity: TECH_INTENSITIES,
  location: LOCATIONS,
  home_economy: HOME_ECONOMIES,
  entrepreneur_type: ENTREPRENEUR_TYPES,
} as const;

const NUMBER_FIELDS = [
  "founded",
  "assessed",
  "employees",
  "export_share",
  "export_markets",
  "first_export_year",
  "last_export_year",
  "barrier_attitudinal",
  "barrier_resource",
  "barrier_operational",
  "barrier_strategic",
  "sunk_cost_concern",
  "weight",
] as const;

type TriField = (typeof TRI_FIELDS)[number];
type EnumField = keyof typeof ENUM_CODES;
type NumberField = (typeof NUMBER_FIELDS)[number];

/** Empty columns for `capacity` rows, with `items[f]` item columns per barrier family. */
export function allocateProfileColumns(
  capacity: number,
  items: Partial<Record<BarrierFamily, number>> = {},
): ProfileColumns {
  const cols = {
    length: 0,
    id: new Array<string>(capacity).fill(""),
    description: new Array<string | null>(capacity).fill(null),
    modes: new Uint16Array(capacity).fill(MODES_UNKNOWN),
    barrier_items: {} as Record<BarrierFamily, Float64Array[]>,
  } as Partial<ProfileColumns> & Pick<ProfileColumns, "barrier_items">;
  for (const f of TRI_FIELDS) cols[f] = new Uint8Array(capacity).fill(TRI_UNKNOWN);
  for (const f of Object.keys(ENUM_CODES) as EnumField[]) {
    cols[f] = new Uint8Array(capacity).fill(UNKNOWN_CODE);
  }
  for (const f of NUMBER_FIELDS) cols[f] = new Float64Array(capacity).fill(Number.NaN);
  for (const fam of BARRIER_FAMILIES) {
    cols.barrier_items[fam] = Array.from({ length: items[fam] ?? 0 }, () =>
      new Float64Array(capacity).fill(Number.NaN),
    );
  }
  return cols as ProfileColumns;
}

/** Writes one profile into row `i` (does not change `length`). */
export function setProfileRow(cols: ProfileColumns, i: number, p: Profile): void {
  cols.id[i] = p.id;
  cols.description[i] = p.description;
  for (const f of TRI_FIELDS) cols[f][i] = TRI.indexOf(p[f]);
  for (const f of Object.keys(ENUM_CODES) as EnumField[]) {
    const v = p[f];
    cols[f][i] = v === null ? UNKNOWN_CODE : (ENUM_CODES[f] as readonly string[]).indexOf(v);
  }
  for (const f of NUMBER_FIELDS) cols[f][i] = p[f] ?? Number.NaN;
  let bits = 0;
  if (p.modes === null) bits = MODES_UNKNOWN;
  else for (const m of p.modes) bits |= 1 << ENTRY_MODES.indexOf(m);
  cols.modes[i] = bits;
  for (const fam of BARRIER_FAMILIES) {
    const given = p.barrier_items[fam];
    const columns = cols.barrier_items[fam];
    for (let k = 0; k < columns.length; k++) columns[k][i] = given[k] ?? Number.NaN;
  }
}

/** Columns holding `profiles` (item columns sized to the widest profile per family). */
export function profilesToColumns(profiles: readonly Profile[]): ProfileColumns {
  const items: Partial<Record<BarrierFamily, number>> = {};
  for (const fam of BARRIER_FAMILIES) {
    items[fam] = profiles.reduce((m, p) => Math.max(m, p.barrier_items[fam].length), 0);
  }
  const cols = allocateProfileColumns(profiles.length, items);
  for (let i = 0; i < profiles.length; i++) setProfileRow(cols, i, profiles[i]);
  cols.length = profiles.length;
  return cols;
}

/**
 * Row `i` as a `Profile`. Item answers come back as one entry per item column, so a profile
 * whose own list was shorter than the batch's widest gains trailing nulls.
 */
export function columnsRowToProfile(cols: ProfileColumns, i: number): Profile {
  const p = { id: cols.id[i], description: cols.description[i] } as Record<string, unknown>;
  for (const f of TRI_FIELDS) p[f] = TRI[cols[f][i]];
  for (const f of Object.keys(ENUM_CODES) as EnumField[]) {
    const c = cols[f][i];
    p[f] = c === UNKNOWN_CODE ? null : ENUM_CODES[f][c];
  }
  for (const f of NUMBER_FIELDS) {
    const v = cols[f][i];
    p[f] = Number.isNaN(v) ? null : v;
  }
  const bits = cols.modes[i];
  p.modes = bits === MODES_UNKNOWN ? null : ENTRY_MODES.filter((_, k) => (bits & (1 << k)) !== 0);
  const items = {} as Record<BarrierFamily, (number | null)[]>;
  for (const fam of BARRIER_FAMILIES) {
    items[fam] = cols.barrier_items[fam].map((c) => (Number.isNaN(c[i]) ? null : c[i]));
  }
  p.barrier_items = items;
  return p as unknown as Profile;
}

export type { EntryMode, EnumField, NumberField, TriField };
