import { RULE_FIELD_NAMES, type RuleField, ruleField } from "./fields.ts";

/**
 * The eligibility language: a small, declarative tree, never run as code (compile.ts writes a
 * loop from its checked numbers and level indices only, never from its text). Conditions read
 * one field; several operators in one condition must all hold. Logic is three-valued (Kleene):
 * a condition on an unknown value is unknown, and a firm is eligible only when the whole rule is
 * true, so missing data is never read as "no" nor as "yes".
 */
export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | Condition;

export type Scalar = string | number;

export interface Condition {
  field: string;
  in?: Scalar[];
  not_in?: Scalar[];
  eq?: Scalar;
  ne?: Scalar;
  gte?: Scalar;
  gt?: Scalar;
  lte?: Scalar;
  lt?: Scalar;
  /** true: the value is known; false: the value is unknown. Never itself unknown. */
  known?: boolean;
}

export const OPERATORS = ["in", "not_in", "eq", "ne", "gte", "gt", "lte", "lt", "known"] as const;
export type Operator = (typeof OPERATORS)[number];
const ORDER_OPS = new Set<string>(["gte", "gt", "lte", "lt"]);
const SET_OPS = new Set<string>(["in", "not_in"]);

export type Path = (string | number)[];

export interface RuleProblem {
  path: Path;
  message: string;
  value: unknown;
  expected: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** Checks the shape and the meaning (field exists, values fit the field) of a rule. */
export function parseRule(
  value: unknown,
  path: Path = [],
): { rule?: Rule; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const rule = walk(value, path, problems);
  return problems.length === 0 && rule ? { rule, problems } : { problems };
}

function walk(v: unknown, path: Path, out: RuleProblem[]): Rule | undefined {
  const shape = "{all: [...]}, {any: [...]}, {not: rule} or {field, <operator>: value}";
  if (!isRecord(v)) {
    out.push({
      path,
      message: `a rule must be an object, got ${show(v)}`,
      value: v,
      expected: shape,
    });
    return undefined;
  }
  const keys = Object.keys(v);
  for (const group of ["all", "any"] as const) {
    if (group in v) {
      if (keys.length !== 1) return extraKeys(v, group, path, out);
      const list = v[group];
      if (!Array.isArray(list)) {
        const expected = "a list of rules";
        out.push({ path: [...path, group], message: `got ${show(list)}`, value: list, expected });
        return undefined;
      }
      const rules = list.map((child, i) => walk(child, [...path, group, i], out));
      return group === "all" ? { all: rules as Rule[] } : { any: rules as Rule[] };
    }
  }
  if ("not" in v) {
    if (keys.length !== 1) return extraKeys(v, "not", path, out);
    const inner = walk(v.not, [...path, "not"], out);
    return inner ? { not: inner } : undefined;
  }
  if (!("field" in v)) {
    out.push({ path, message: `unrecognised rule ${show(v)}`, value: v, expected: shape });
    return undefined;
  }
  return condition(v, path, out);
}

function extraKeys(v: Record<string, unknown>, kept: string, path: Path, out: RuleProblem[]) {
  const extra = Object.keys(v).filter((k) => k !== kept);
  out.push({
    path,
    message: `"${kept}" cannot be combined with ${extra.map((k) => `"${k}"`).join(", ")}`,
    value: v,
    expected: `{${kept}: ...} alone; nest rules inside it`,
  });
  return undefined;
}

function condition(
  v: Record<string, unknown>,
  path: Path,
  out: RuleProblem[],
): Condition | undefined {
  const name = v.field;
  const field = typeof name === "string" ? ruleField(name) : undefined;
  if (!field) {
    out.push({
      path: [...path, "field"],
      message: `unknown field ${show(name)}`,
      value: name,
      expected: `one of ${RULE_FIELD_NAMES.join(", ")}`,
    });
    return undefined;
  }
  const cond: Record<string, unknown> = { field: field.name };
  let ops = 0;
  const before = out.length;
  for (const key of Object.keys(v)) {
    if (key === "field") continue;
    const at = [...path, key];
    if (!(OPERATORS as readonly string[]).includes(key)) {
      const expected = `an operator: ${OPERATORS.join(", ")}`;
      out.push({ path: at, message: `unknown operator "${key}"`, value: v[key], expected });
      continue;
    }
    ops++;
    const arg = v[key];
    if (key === "known") {
      if (typeof arg !== "boolean") {
        out.push({ path: at, message: `got ${show(arg)}`, value: arg, expected: "true or false" });
      } else cond.known = arg;
      continue;
    }
    if (SET_OPS.has(key)) {
      if (!Array.isArray(arg) || arg.length === 0) {
        const expected = `a non-empty list of ${expectedValue(field, false)}`;
        out.push({ path: at, message: `got ${show(arg)}`, value: arg, expected });
        continue;
      }
      arg.forEach((item, i) => {
        checkValue(field, item, false, [...at, i], out);
      });
      cond[key] = [...arg];
      continue;
    }
    const ordered = ORDER_OPS.has(key);
    if (ordered && field.kind === "code" && !field.ordered) {
      out.push({
        path: at,
        message: `"${key}" needs an ordered field; ${field.name} has unordered levels`,
        value: arg,
        expected: "in, not_in, eq, ne or known",
      });
      continue;
    }
    checkValue(field, arg, ordered, at, out);
    cond[key] = arg;
  }
  if (ops === 0) {
    out.push({
      path,
      message: `condition on ${field.name} has no operator`,
      value: v,
      expected: `at least one of ${OPERATORS.join(", ")}`,
    });
  }
  return out.length === before ? (cond as unknown as Condition) : undefined;
}

function expectedValue(field: RuleField, ordered: boolean): string {
  if (field.kind === "number") return "a finite number";
  const levels = field.levels ?? [];
  return `${ordered ? "a level of the ordered scale" : "one of"} ${levels.join(" | ")}`;
}

function checkValue(
  field: RuleField,
  arg: unknown,
  ordered: boolean,
  at: Path,
  out: RuleProblem[],
) {
  const ok =
    field.kind === "number"
      ? typeof arg === "number" && Number.isFinite(arg)
      : typeof arg === "string" && (field.levels ?? []).includes(arg);
  if (!ok) {
    // Unknown is not a value a rule can match; say how to ask for it instead.
    const hint =
      arg === "unknown" || arg === "undetermined" || arg === null
        ? " (an unknown value is tested with `known: false`)"
        : "";
    const expected = `${expectedValue(field, ordered)}${hint}`;
    out.push({ path: at, message: `${field.name}: got ${show(arg)}`, value: arg, expected });
  }
}

/** Every field a rule reads, in first-seen order. */
export function ruleFields(rule: Rule, into: string[] = []): string[] {
  if ("all" in rule) for (const r of rule.all) ruleFields(r, into);
  else if ("any" in rule) for (const r of rule.any) ruleFields(r, into);
  else if ("not" in rule) ruleFields(rule.not, into);
  else if (!into.includes(rule.field)) into.push(rule.field);
  return into;
}
