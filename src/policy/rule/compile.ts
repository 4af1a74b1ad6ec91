import { OutwardError } from "../../framework/index.ts";
import { type RuleField, ruleField } from "./fields.ts";
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

/**
 * Writes a truth value for every row whose `rows` byte is non-zero (every row when `rows` is
 * null); other rows of `out` are left undefined. With `skipDiagnosis`, conditions on diagnosis
 * fields read as unknown: since Kleene logic is monotone, a row that is false then is false for
 * any diagnosis, so the result is a cheap pre-filter before the diagnose rules run.
 */
type Kernel = (
  cols: RuleColumns,
  start: number,
  end: number,
  rows: Uint8Array | null,
  out: Uint8Array,
  skipDiagnosis: boolean,
) => void;

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
  /** Raw truth values (see Kernel); rows outside `rows` are undefined. */
  truth(
    cols: RuleColumns,
    start: number,
    end: number,
    rows: Uint8Array | null,
    out: Uint8Array,
    skip?: boolean,
  ): void;
}

/** Compiles a checked rule once; evaluation then runs column by column without allocation. */
export function compileRule(rule: Rule): CompiledRule {
  const kernel = node(rule);
  const fields = ruleFields(rule);
  let scratch = new Uint8Array(0);
  const truth = (
    cols: RuleColumns,
    start: number,
    end: number,
    rows: Uint8Array | null,
    out: Uint8Array,
    skip = false,
  ) => kernel(cols, start, end, rows, out, skip);
  return {
    rule,
    fields,
    needsDiagnosis: fields.some((f) => ruleField(f)?.deferred === true),
    truth,
    mask(cols, start, end, rows, eligible, skip = false) {
      if (scratch.length < end) scratch = new Uint8Array(end);
      kernel(cols, start, end, rows, scratch, skip);
      for (let i = start; i < end; i++) {
        eligible[i] = (rows === null || rows[i] !== 0) && scratch[i] === TRUE ? 1 : 0;
      }
    },
  };
}

function node(rule: Rule): Kernel {
  if ("all" in rule) return group(rule.all.map(node), true);
  if ("any" in rule) return group(rule.any.map(node), false);
  if ("not" in rule) {
    const inner = node(rule.not);
    return (cols, start, end, rows, out, skip) => {
      inner(cols, start, end, rows, out, skip);
      for (let i = start; i < end; i++) if (rows === null || rows[i] !== 0) out[i] = 2 - out[i];
    };
  }
  return leaf(rule);
}

function group(children: Kernel[], isAll: boolean): Kernel {
  const identity = isAll ? TRUE : FALSE;
  let buf = new Uint8Array(0);
  return (cols, start, end, rows, out, skip) => {
    if (buf.length < end) buf = new Uint8Array(end);
    for (let i = start; i < end; i++) out[i] = identity;
    for (const child of children) {
      child(cols, start, end, rows, buf, skip);
      for (let i = start; i < end; i++) {
        if (rows !== null && rows[i] === 0) continue;
        const b = buf[i];
        if (isAll ? b < out[i] : b > out[i]) out[i] = b;
      }
    }
  };
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

function leaf(cond: Condition): Kernel {
  const field = ruleField(cond.field);
  if (!field) throw new OutwardError("unknown_field", `unknown rule field ${cond.field}`);
  const diagnosis = field.deferred === true;
  const ifUnknown = unknownTruth(cond);
  const column = (cols: RuleColumns) => {
    const col = cols.column(field.name);
    const fits = col && (col.kind === field.kind || (col.kind === "flag" && field.kind === "code"));
    if (!col || !fits) {
      throw new OutwardError(
        "missing_column",
        `the population has no ${field.kind} column for ${field.name}`,
      );
    }
    return col;
  };
  if (field.kind === "code") {
    const levels = field.levels!.length;
    const lut = new Uint8Array(levels + 1);
    for (let c = 0; c < levels; c++) lut[c] = testValue(cond, field, c);
    lut[levels] = ifUnknown;
    return (cols, start, end, rows, out, skip) => {
      if (diagnosis && skip) {
        for (let i = start; i < end; i++) out[i] = UNKNOWN;
        return;
      }
      const col = column(cols);
      if (col.kind === "flag") {
        // yes is level 0 and no level 1 of every yes/no field.
        const flags = col.flags;
        const yes = lut[0];
        const no = lut[1];
        for (let i = start; i < end; i++) {
          if (rows === null || rows[i] !== 0) out[i] = flags[i] === 1 ? yes : no;
        }
        return;
      }
      const codes = (col as { codes: ArrayLike<number> }).codes;
      for (let i = start; i < end; i++) {
        if (rows !== null && rows[i] === 0) continue;
        const c = codes[i];
        out[i] = c >= 0 && c < levels ? lut[c] : lut[levels];
      }
    };
  }
  // Numbers: fold the operators into one interval plus optional in / not-in sets.
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  let loOpen = false;
  let hiOpen = false;
  const tighten = (x: number, lower: boolean, open: boolean) => {
    if (lower && (x > lo || (x === lo && open))) [lo, loOpen] = [x, open];
    if (!lower && (x < hi || (x === hi && open))) [hi, hiOpen] = [x, open];
  };
  if (cond.gte !== undefined) tighten(cond.gte as number, true, false);
  if (cond.gt !== undefined) tighten(cond.gt as number, true, true);
  if (cond.lte !== undefined) tighten(cond.lte as number, false, false);
  if (cond.lt !== undefined) tighten(cond.lt as number, false, true);
  if (cond.eq !== undefined) {
    tighten(cond.eq as number, true, false);
    tighten(cond.eq as number, false, false);
  }
  const inSet = cond.in ? new Set(cond.in as number[]) : null;
  const outSet = new Set([
    ...((cond.not_in as number[]) ?? []),
    ...(cond.ne === undefined ? [] : [cond.ne as number]),
  ]);
  const excluded = outSet.size > 0 ? outSet : null;
  const known = cond.known === false ? FALSE : TRUE;
  return (cols, start, end, rows, out) => {
    const values = (column(cols) as { values: ArrayLike<number> }).values;
    for (let i = start; i < end; i++) {
      if (rows !== null && rows[i] === 0) continue;
      const v = values[i];
      if (Number.isNaN(v)) out[i] = ifUnknown;
      else if (v < lo || (loOpen && v === lo) || v > hi || (hiOpen && v === hi)) out[i] = FALSE;
      else if ((inSet !== null && !inSet.has(v)) || excluded?.has(v)) {
        out[i] = FALSE;
      } else out[i] = known;
    }
  };
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
