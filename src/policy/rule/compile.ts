import { OutwardError } from "../../framework/index.ts";
import { type RuleField, ruleField } from "./fields.ts";
import {
  type ColumnKind,
  type LeafPlan,
  type LoopInput,
  type LoopOutput,
  loopSource,
  ruleExpression,
} from "./loop-source.ts";
import { type Condition, type Rule, ruleFields } from "./rule.ts";

/** Kleene truth values ordered so that AND is min, OR is max and NOT is 2 - v. */
export const FALSE = 0;
export const UNKNOWN = 1;
export const TRUE = 2;
export type Truth = 0 | 1 | 2;

/**
 * One field for every firm. Numbers use NaN for unknown. Codes index the field's levels in
 * RULE_FIELDS order; any code outside 0..levels-1 (e.g. -1, or the index of "unknown" in TRI)
 * is unknown.
 */
export type FieldColumn =
  | { kind: "number"; values: ArrayLike<number> }
  | { kind: "code"; codes: ArrayLike<number> }
  /** A yes/no field stored as 1 = yes, 0 = no (always known), read as the code of yes or no. */
  | { kind: "flag"; flags: ArrayLike<number> };

export interface RuleColumns {
  column(name: string): FieldColumn | undefined;
}

export interface CompiledRule {
  readonly rule: Rule;
  readonly fields: readonly string[];
  /** True when the rule reads position or state, which the diagnose rules must classify. */
  readonly needsDiagnosis: boolean;
  /** Sets `eligible[i]` to 1 where `rows[i]` (or every row) is set and the rule is true, else 0. */
  mask(
    cols: RuleColumns,
    start: number,
    end: number,
    rows: Uint8Array | null,
    eligible: Uint8Array,
    skipDiagnosis?: boolean,
  ): void;
  /**
   * Writes into `into` the rows of [start, end) (those set in `rows`, or every row) where the
   * rule is true (`want` "true") or not false with diagnosis fields read as unknown ("possible":
   * the pre-filter before the diagnose rules run), in row order; returns how many.
   */
  select(
    cols: RuleColumns,
    start: number,
    end: number,
    rows: Uint8Array | null,
    into: Int32Array,
    want: "true" | "possible",
  ): number;
  /** `select` over the rows `list[0..count)`; `into` may be `list` itself. */
  selectFrom(
    cols: RuleColumns,
    list: Int32Array,
    count: number,
    into: Int32Array,
    want: "true" | "possible",
  ): number;
  /**
   * Writes a truth value for every row whose `rows` byte is non-zero (every row when `rows` is
   * null); other rows of `out` are left undefined. With `skip`, conditions on diagnosis fields
   * read as unknown: since Kleene logic is monotone, a row that is false then is false for any
   * diagnosis, so the result is a cheap pre-filter before the diagnose rules run.
   */
  truth(
    cols: RuleColumns,
    start: number,
    end: number,
    rows: Uint8Array | null,
    out: Uint8Array,
    skip?: boolean,
  ): void;
}

/**
 * Compiles a checked rule once. Each call fetches the rule's columns and runs a loop generated
 * for the rule and the kinds of columns it was given (loop-source.ts): one pass over the rows
 * with the rule's numbers written into the code, so the engine sees one array type per column
 * and no call per condition. The source holds only numbers and fixed tokens; a rule's own text
 * never reaches it.
 */
export function compileRule(rule: Rule): CompiledRule {
  const fields = ruleFields(rule);
  const leaves = new Map<Condition, LeafPlan>();
  planLeaves(rule, fields, leaves);
  const loops = new Map<string, Loop>();
  const run = (
    input: LoopInput,
    output: LoopOutput,
    cols: RuleColumns,
    start: number,
    end: number,
    rows: Uint8Array | null,
    list: Int32Array | null,
    out: Uint8Array | Int32Array,
    skip: boolean,
  ): number => {
    const arrays: ArrayLike<number>[] = [];
    const kinds: ColumnKind[] = [];
    for (const name of fields) {
      const field = ruleField(name)!;
      // A diagnosis field is not read while it is skipped: its column may not be filled yet.
      if (skip && field.deferred === true) {
        arrays.push(NO_VALUES);
        kinds.push(field.kind);
        continue;
      }
      const col = columnOf(cols, field);
      kinds.push(col.kind);
      arrays.push(col.kind === "number" ? col.values : col.kind === "code" ? col.codes : col.flags);
    }
    const key = `${input} ${output} ${skip} ${kinds.join(" ")}`;
    let loop = loops.get(key);
    if (loop === undefined) {
      const expression = ruleExpression(rule, leaves, kinds, skip);
      loop = new Function(loopSource(expression, fields.length, input, output))() as Loop;
      loops.set(key, loop);
    }
    return loop(...arrays, start, end, rows, list, out);
  };
  const range = (rows: Uint8Array | null): LoopInput => (rows === null ? "range" : "selected");
  return {
    rule,
    fields,
    needsDiagnosis: fields.some((f) => ruleField(f)?.deferred === true),
    truth: (cols, start, end, rows, out, skip = false) => {
      run(range(rows), "truth", cols, start, end, rows, null, out, skip);
    },
    mask: (cols, start, end, rows, eligible, skip = false) => {
      run(range(rows), "mask", cols, start, end, rows, null, eligible, skip);
    },
    select: (cols, start, end, rows, into, want) =>
      run(range(rows), want, cols, start, end, rows, null, into, want === "possible"),
    selectFrom: (cols, list, count, into, want) =>
      run("list", want, cols, 0, count, null, list, into, want === "possible"),
  };
}

type Loop = (...args: (ArrayLike<number> | number | null)[]) => number;

const NO_VALUES: ArrayLike<number> = new Uint8Array(0);

function columnOf(cols: RuleColumns, field: RuleField): FieldColumn {
  const col = cols.column(field.name);
  const fits = col && (col.kind === field.kind || (col.kind === "flag" && field.kind === "code"));
  if (!col || !fits) {
    throw new OutwardError(
      "missing_column",
      `the population has no ${field.kind} column for ${field.name}`,
    );
  }
  return col;
}

/** Each condition's column index and its truth per level and when unknown. */
function planLeaves(rule: Rule, fields: readonly string[], into: Map<Condition, LeafPlan>): void {
  if ("all" in rule) for (const r of rule.all) planLeaves(r, fields, into);
  else if ("any" in rule) for (const r of rule.any) planLeaves(r, fields, into);
  else if ("not" in rule) planLeaves(rule.not, fields, into);
  else {
    const field = ruleField(rule.field);
    if (!field) throw new OutwardError("unknown_field", `unknown rule field ${rule.field}`);
    const levels = field.levels ?? [];
    into.set(rule, {
      cond: rule,
      field,
      column: fields.indexOf(rule.field),
      levelTruth: levels.map((_, c) => testValue(rule, field, c)),
      ifUnknown: unknownTruth(rule),
    });
  }
}

/** Truth of a condition for a known value, before the `known` operator is applied. */
function testValue(cond: Condition, field: RuleField, v: number): Truth {
  const lv = (x: string | number) =>
    field.kind === "code" ? field.levels!.indexOf(x as string) : (x as number);
  if (cond.in && !cond.in.some((x) => lv(x) === v)) return FALSE;
  if (cond.not_in?.some((x) => lv(x) === v)) return FALSE;
  if (cond.eq !== undefined && lv(cond.eq) !== v) return FALSE;
  if (cond.ne !== undefined && lv(cond.ne) === v) return FALSE;
  if (cond.gte !== undefined && !(v >= lv(cond.gte))) return FALSE;
  if (cond.gt !== undefined && !(v > lv(cond.gt))) return FALSE;
  if (cond.lte !== undefined && !(v <= lv(cond.lte))) return FALSE;
  if (cond.lt !== undefined && !(v < lv(cond.lt))) return FALSE;
  if (cond.known === false) return FALSE;
  return TRUE;
}

/** Truth of a condition when the value is unknown. */
export function unknownTruth(cond: Condition): Truth {
  if (cond.known === true) return FALSE;
  const valueOps = Object.keys(cond).some((k) => k !== "field" && k !== "known");
  return valueOps ? UNKNOWN : TRUE;
}

/** Slow, obvious evaluation for one firm: `read` returns a level name, a number or null. */
export function ruleTruth(rule: Rule, read: (field: string) => string | number | null): Truth {
  if ("all" in rule)
    return rule.all.reduce<Truth>((t, r) => Math.min(t, ruleTruth(r, read)) as Truth, TRUE);
  if ("any" in rule)
    return rule.any.reduce<Truth>((t, r) => Math.max(t, ruleTruth(r, read)) as Truth, FALSE);
  if ("not" in rule) return (2 - ruleTruth(rule.not, read)) as Truth;
  const field = ruleField(rule.field)!;
  const raw = read(rule.field);
  const v =
    raw === null ? -1 : field.kind === "code" ? field.levels!.indexOf(String(raw)) : Number(raw);
  const unknown = field.kind === "code" ? v < 0 : raw === null || Number.isNaN(v);
  return unknown ? unknownTruth(rule) : testValue(rule, field, v);
}
