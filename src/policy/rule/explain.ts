import { FALSE, ruleTruth, TRUE, type Truth } from "./compile.ts";
import type { Condition, Rule } from "./rule.ts";

/** Why a rule is true, false or unknown for one firm: the rule's tree with each node's truth. */
export type Explanation =
  | { op: "all" | "any"; truth: Truth; parts: Explanation[] }
  | { op: "not"; truth: Truth; part: Explanation }
  | { op: "condition"; truth: Truth; condition: Condition; value: string | number | null };

/**
 * Evaluates a rule for one firm and keeps every step, so an adviser can say which condition
 * made a firm ineligible, or which unknown answer would decide it.
 */
export function explainRule(
  rule: Rule,
  read: (field: string) => string | number | null,
): Explanation {
  if ("all" in rule || "any" in rule) {
    const isAll = "all" in rule;
    const parts = (isAll ? (rule as { all: Rule[] }).all : (rule as { any: Rule[] }).any).map((r) =>
      explainRule(r, read),
    );
    let truth: Truth = isAll ? TRUE : FALSE;
    for (const p of parts)
      truth = (isAll ? Math.min(truth, p.truth) : Math.max(truth, p.truth)) as Truth;
    return { op: isAll ? "all" : "any", truth, parts };
  }
  if ("not" in rule) {
    const part = explainRule(rule.not, read);
    return { op: "not", truth: (2 - part.truth) as Truth, part };
  }
  return {
    op: "condition",
    truth: ruleTruth(rule, read),
    condition: rule,
    value: read(rule.field),
  };
}

/** The conditions that decide the result: false ones when it is false, unknown ones when unknown. */
export function decisiveConditions(e: Explanation): Extract<Explanation, { op: "condition" }>[] {
  const out: Extract<Explanation, { op: "condition" }>[] = [];
  const walk = (node: Explanation, wanted: Truth) => {
    if (node.op === "condition") {
      if (node.truth === wanted) out.push(node);
    } else if (node.op === "not") walk(node.part, (2 - wanted) as Truth);
    else for (const p of node.parts) walk(p, wanted);
  };
  if (e.truth !== TRUE) walk(e, e.truth);
  return out;
}
