import { BARRIER_FAMILIES, type BarrierFamily } from "../framework/vocabulary.ts";
import { FIELD_BY_NAME, parseItemColumn } from "./fields.ts";

/** Nested JSON groups whose keys are not the flat names themselves. */
const GROUP_ALIASES: Record<string, Record<string, string>> = {
  entrepreneur: {
    type: "entrepreneur_type",
    export_experience: "founder_export_experience",
    same_industry: "founder_same_industry",
  },
  exports: {
    now: "exports_now",
    share: "export_share",
    markets: "export_markets",
    first_year: "first_export_year",
    last_year: "last_export_year",
    gap: "export_gap",
    plans: "plans_to_export",
  },
};

export interface FlatRecord {
  /** Profile field name -> raw value (item columns excluded). */
  fields: Record<string, unknown>;
  /** Family -> [column name, raw value] in the record's key order. */
  items: Record<BarrierFamily, Array<[string, unknown]>>;
  /** Keys that name no field, as dotted paths for nested ones. */
  unknown: string[];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/*
 * Nested form: `{barriers: {attitudinal: 3 | {score, items: [..]} | [..items]},
 * entrepreneur: {type, export_experience, same_industry}, exports: {now, share, ...}}`; any other
 * group's keys are tried as flat names, then as `<group>_<key>`.
 */
export function flattenRecord(record: Record<string, unknown>): FlatRecord {
  const out: FlatRecord = {
    fields: {},
    items: { attitudinal: [], resource: [], operational: [], strategic: [] },
    unknown: [],
  };
  const put = (key: string, value: unknown, path: string): void => {
    if (FIELD_BY_NAME.has(key) && key !== "barrier_items") {
      out.fields[key] = value;
      return;
    }
    const item = parseItemColumn(key);
    if (item) out.items[item.family].push([key, value]);
    else out.unknown.push(path);
  };
  const putItems = (family: BarrierFamily, list: unknown[]): void => {
    list.forEach((v, i) => {
      out.items[family].push([`barrier_${family}_${i + 1}`, v]);
    });
  };
  for (const [key, value] of Object.entries(record)) {
    if (key === "barriers" && isPlainObject(value)) {
      for (const [family, v] of Object.entries(value)) {
        if (!(BARRIER_FAMILIES as readonly string[]).includes(family)) {
          out.unknown.push(`barriers.${family}`);
        } else if (Array.isArray(v)) putItems(family as BarrierFamily, v);
        else if (isPlainObject(v)) {
          if ("score" in v) out.fields[`barrier_${family}`] = v.score;
          if (Array.isArray(v.items)) putItems(family as BarrierFamily, v.items);
        } else out.fields[`barrier_${family}`] = v;
      }
    } else if (key === "barrier_items" && isPlainObject(value)) {
      for (const [family, v] of Object.entries(value)) {
        if ((BARRIER_FAMILIES as readonly string[]).includes(family) && Array.isArray(v)) {
          putItems(family as BarrierFamily, v);
        } else out.unknown.push(`barrier_items.${family}`);
      }
    } else if (isPlainObject(value) && !FIELD_BY_NAME.has(key)) {
      const aliases = GROUP_ALIASES[key] ?? {};
      for (const [sub, v] of Object.entries(value)) {
        const name = aliases[sub] ?? (FIELD_BY_NAME.has(sub) ? sub : `${key}_${sub}`);
        put(name, v, `${key}.${sub}`);
      }
    } else put(key, value, key);
  }
  return out;
}
