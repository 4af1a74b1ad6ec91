/**
 * Model formulas in the style of fixest: `y ~ x1 + x2 + l(x3, 0:2) + f(x4, 1) | firm + year`.
 * `l(x, k)` is the value of x k periods earlier for the same unit, `f(x, k)` k periods later;
 * both follow the time index, so a gap in a firm's years gives a missing value, not the previous
 * row. `k` may be a range `k1:k2`, which expands into one regressor per lag. `i(x)` expands a
 * categorical column into indicators of its levels but the first. `- 1` or `0 +`
 * removes the intercept; the part after `|` lists fixed effects to absorb.
 */
import type { Issue, Result } from "../framework/index.ts";

/** One regressor: a column shifted by `shift` periods (positive = lag, negative = lead). */
export interface Term {
  /** Display name, as fixest prints it: `x`, `l(x, 2)`, `f(x, 1)`, `i(size)`. */
  readonly name: string;
  readonly column: string;
  readonly shift: number;
  /** `i(x)`: one 0/1 regressor per level of x except the first (the reference), named `x::level`. */
  readonly factor?: boolean;
}

export interface FormulaSpec {
  readonly text: string;
  readonly response: Term;
  readonly terms: readonly Term[];
  readonly intercept: boolean;
  /** Columns whose fixed effects are absorbed (after `|`). */
  readonly fixedEffects: readonly string[];
}

const IDENT = /^[A-Za-z_.][A-Za-z0-9_.]*$/;

function issue(message: string, value?: unknown): Issue {
  return { code: "invalid_formula", field: "formula", message, value };
}

export function termName(column: string, shift: number): string {
  if (shift === 0) return column;
  return shift > 0 ? `l(${column}, ${shift})` : `f(${column}, ${-shift})`;
}

function parseShifts(arg: string): number[] | undefined {
  const range = /^\s*(-?\d+)\s*:\s*(-?\d+)\s*$/.exec(arg);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    const out: number[] = [];
    for (let k = a; a <= b ? k <= b : k >= b; k += a <= b ? 1 : -1) out.push(k);
    return out;
  }
  const single = /^\s*(-?\d+)\s*$/.exec(arg);
  return single ? [Number(single[1])] : undefined;
}

function parseTerm(raw: string, issues: Issue[]): Term[] {
  const s = raw.trim();
  if (IDENT.test(s)) return [{ name: s, column: s, shift: 0 }];
  const fac = /^i\(\s*([A-Za-z_.][A-Za-z0-9_.]*)\s*\)$/.exec(s);
  if (fac) return [{ name: `i(${fac[1]})`, column: fac[1], shift: 0, factor: true }];
  const call = /^([lf])\(\s*([A-Za-z_.][A-Za-z0-9_.]*)\s*(?:,\s*([^)]*))?\)$/.exec(s);
  if (!call) {
    issues.push(
      issue(`cannot read term "${s}": expected a column name, l(x, k), f(x, k) or i(x)`, s),
    );
    return [];
  }
  const ks = call[3] === undefined ? [1] : parseShifts(call[3]);
  if (!ks) {
    issues.push(
      issue(`cannot read the periods in "${s}": expected an integer k or a range k1:k2`, s),
    );
    return [];
  }
  const sign = call[1] === "l" ? 1 : -1;
  return ks.map((k) => {
    const shift = sign * k;
    return { name: termName(call[2], shift), column: call[2], shift };
  });
}

/** Parses a formula; every problem is reported, not only the first. */
export function parseFormula(text: string): Result<FormulaSpec> {
  const issues: Issue[] = [];
  const tilde = text.split("~");
  if (tilde.length !== 2) {
    return { ok: false, issues: [issue(`formula "${text}" needs exactly one "~"`, text)] };
  }
  const lhs = parseTerm(tilde[0], issues);
  if (lhs.length !== 1 && issues.length === 0) {
    issues.push(issue("the response must be a single variable", tilde[0].trim()));
  }
  const [rhsText, feText, extra] = tilde[1].split("|");
  if (extra !== undefined) issues.push(issue("only one '|' (fixed effects) part is allowed", text));
  let intercept = true;
  const terms: Term[] = [];
  // Split on + and - at depth 0 (commas and ranges live inside parentheses).
  const parts: { sign: 1 | -1; text: string }[] = [];
  let depth = 0;
  let cur = "";
  let sign: 1 | -1 = 1;
  for (const ch of `${rhsText}+`) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (depth === 0 && (ch === "+" || ch === "-")) {
      if (cur.trim() !== "") parts.push({ sign, text: cur.trim() });
      cur = "";
      sign = ch === "+" ? 1 : -1;
      continue;
    }
    cur += ch;
  }
  for (const part of parts) {
    if (part.text === "1") intercept = part.sign === 1 ? intercept : false;
    else if (part.text === "0") intercept = false;
    else if (part.sign === -1) issues.push(issue(`cannot remove term "${part.text}"`, part.text));
    else terms.push(...parseTerm(part.text, issues));
  }
  const fixedEffects: string[] = [];
  if (feText !== undefined) {
    for (const fe of feText.split("+").map((x) => x.trim())) {
      if (fe === "" || fe === "0") continue;
      if (!IDENT.test(fe)) issues.push(issue(`fixed effect "${fe}" must be a column name`, fe));
      else fixedEffects.push(fe);
    }
  }
  const seen = new Set<string>();
  for (const t of terms) {
    if (seen.has(t.name)) issues.push(issue(`term "${t.name}" appears twice`, t.name));
    seen.add(t.name);
  }
  if (issues.length > 0 || lhs.length !== 1) return { ok: false, issues };
  return { ok: true, value: { text, response: lhs[0], terms, intercept, fixedEffects } };
}

/** Every column a formula reads. */
export function formulaColumns(spec: FormulaSpec): string[] {
  return [
    ...new Set([spec.response.column, ...spec.terms.map((t) => t.column), ...spec.fixedEffects]),
  ];
}
