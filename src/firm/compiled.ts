import type { Issue, Result } from "../framework/issue.ts";
import { BARRIER_FAMILIES, type BarrierFamily } from "../framework/vocabulary.ts";
import { coerceFor, fieldIssue, toNumber, type Where } from "./coerce.ts";
import { findInconsistencies, inconsistencyIssue } from "./consistency.ts";
import { FIELD_BY_NAME, type FieldSpec, PROFILE_FIELDS, parseItemColumn } from "./fields.ts";
import type { Profile } from "./profile.ts";
import { emptyProfile } from "./validate.ts";

const BAD = Symbol("bad");
type Parse = (cell: string) => unknown;

function numberParser(spec: FieldSpec): Parse {
  const { min, max, integer, minExclusive } = spec;
  return (cell) => {
    const n = toNumber(cell);
    if (n === null) return null;
    if (typeof n !== "number" || !Number.isFinite(n)) return BAD;
    if (integer && !Number.isInteger(n)) return BAD;
    if (min !== undefined && (minExclusive ? n <= min : n < min)) return BAD;
    if (max !== undefined && n > max) return BAD;
    return n;
  };
}

function parserFor(spec: FieldSpec): Parse {
  const coerce = coerceFor(spec);
  const allowed = new Set(spec.values ?? []);
  switch (spec.kind) {
    case "id":
      return (cell) => {
        const s = coerce(cell) as string;
        return s === "" ? BAD : s;
      };
    case "text":
      return coerce;
    case "tri":
      return (cell) => {
        // The common spellings skip the general canonicalizer.
        if (cell === "yes" || cell === "no" || cell === "unknown") return cell;
        if (cell === "") return "unknown";
        const t = coerce(cell);
        return allowed.has(t as string) ? t : BAD;
      };
    case "enum":
      return (cell) => {
        if (cell === "") return null;
        if (allowed.has(cell)) return cell;
        const t = coerce(cell);
        return t === null || allowed.has(t as string) ? t : BAD;
      };
    case "modes":
      return (cell) => {
        if (cell === "") return null;
        if (cell === "none") return [];
        if (allowed.has(cell)) return [cell];
        const parts = cell.split(";");
        if (parts.every((m) => allowed.has(m))) return parts;
        const t = coerce(cell) as string[] | null;
        if (t === null) return null;
        for (const m of t) if (!allowed.has(m)) return BAD;
        return t;
      };
    default:
      return numberParser(spec);
  }
}

const ITEM_SPEC = FIELD_BY_NAME.get("barrier_items")!;
const parseItem = numberParser({ ...ITEM_SPEC, kind: "number", min: 1, max: 5, integer: true });

interface Column {
  index: number;
  /** Profile field, or the items group for `barrier_<family>_<k>`. */
  spec: FieldSpec;
  family: BarrierFamily | null;
  parse: Parse;
  /** Position of the issue among a row's issues: the schema's field order, then item order. */
  order: number;
}

export interface CompiledValidator {
  /** Header names that are neither profile fields nor item columns. */
  unknownColumns: string[];
  /** Same result as `validateProfile` on the record that zips the header with `cells`. */
  validate(cells: readonly string[], where: Where): Result<Profile>;
}

/**
 * A per-column validator for CSV rows with a fixed header: the same rules, values and messages as
 * `profileSchema` (a property test holds the two together) at a fraction of the cost, for batch
 * paths. The header must not repeat a column.
 */
export function compileValidator(header: readonly string[]): CompiledValidator {
  const columns: Column[] = [];
  const unknownColumns: string[] = [];
  const itemCount: Record<BarrierFamily, number> = {
    attitudinal: 0,
    resource: 0,
    operational: 0,
    strategic: 0,
  };
  const fieldOrder = new Map<string, number>(PROFILE_FIELDS.map((f, i) => [f.name, i * 100_000]));
  header.forEach((name, index) => {
    const spec = FIELD_BY_NAME.get(name);
    if (spec && spec.kind !== "items") {
      columns.push({
        index,
        spec,
        family: null,
        parse: parserFor(spec),
        order: fieldOrder.get(name)!,
      });
      return;
    }
    const item = parseItemColumn(name);
    if (!item) {
      unknownColumns.push(name);
      return;
    }
    const order =
      fieldOrder.get("barrier_items")! +
      BARRIER_FAMILIES.indexOf(item.family) * 10_000 +
      itemCount[item.family]++;
    columns.push({ index, spec: ITEM_SPEC, family: item.family, parse: parseItem, order });
  });
  const hasId = columns.some((c) => c.spec.name === "id");
  const idSpec = FIELD_BY_NAME.get("id")!;
  const fast = hasId ? generateRowReader(columns) : null;

  return {
    unknownColumns,
    validate(cells, where) {
      const quick = fast === null ? null : fast(cells);
      if (quick !== null) {
        const found = findInconsistencies(quick);
        if (found.length === 0) return { ok: true, value: quick };
        return { ok: false, issues: found.map((inc) => inconsistencyIssue(inc, where)) };
      }
      const p = emptyProfile("");
      const record = p as unknown as Record<string, unknown>;
      let bad: Column[] | null = null;
      for (let c = 0; c < columns.length; c++) {
        const col = columns[c];
        const v = col.parse(cells[col.index]);
        if (v === BAD) {
          if (bad === null) bad = [];
          bad.push(col);
        } else if (col.family === null) record[col.spec.name] = v;
        else (p.barrier_items[col.family] as Array<number | null>).push(v as number | null);
      }
      if (bad === null && hasId) {
        const found = findInconsistencies(p);
        if (found.length === 0) return { ok: true, value: p };
        return { ok: false, issues: found.map((inc) => inconsistencyIssue(inc, where)) };
      }
      const issues: Array<[number, Issue]> = (bad ?? []).map((col) => [
        col.order,
        fieldIssue(col.spec, cells[col.index], where, header[col.index]),
      ]);
      if (!hasId) issues.push([0, fieldIssue(idSpec, undefined, where)]);
      issues.sort((a, b) => a[0] - b[0]);
      return { ok: false, issues: issues.map(([, issue]) => issue) };
    },
  };
}

/*
 * The hot path, generated once per header: each column's parser is its own variable, so every
 * call site stays monomorphic, and the profile is built as one object literal in the Profile's
 * field order. Only field names from PROFILE_FIELDS and column indices enter the source text,
 * never header text. Returns null when any cell is bad; the general loop then collects issues.
 */
function generateRowReader(
  columns: readonly Column[],
): (cells: readonly string[]) => Profile | null {
  const lines: string[] = [];
  const byField = new Map<string, string>();
  const items: Record<BarrierFamily, string[]> = {
    attitudinal: [],
    resource: [],
    operational: [],
    strategic: [],
  };
  columns.forEach((col, k) => {
    lines.push(`const v${k} = p${k}(cells[${col.index}]); if (v${k} === BAD) return null;`);
    if (col.family === null) byField.set(col.spec.name, `v${k}`);
    else items[col.family].push(`v${k}`);
  });
  const empty = emptyProfile("") as unknown as Record<string, unknown>;
  const props = PROFILE_FIELDS.map((f) => {
    if (f.kind === "items") {
      const groups = BARRIER_FAMILIES.map((fam) => `${fam}: [${items[fam].join(", ")}]`);
      return `${f.name}: { ${groups.join(", ")} }`;
    }
    return `${f.name}: ${byField.get(f.name) ?? JSON.stringify(empty[f.name])}`;
  });
  const body = `"use strict"; return function readRow(cells) {\n${lines.join("\n")}\nreturn { ${props.join(", ")} };\n};`;
  const params = columns.map((_, k) => `p${k}`);
  const make = new Function("BAD", ...params, body) as (
    ...args: unknown[]
  ) => (cells: readonly string[]) => Profile | null;
  return make(BAD, ...columns.map((c) => c.parse));
}
