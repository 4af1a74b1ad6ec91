import type { Profile } from "../firm/index.ts";
import { type Conclusions, conclude } from "./core.ts";
import type { DiagnoseParams } from "./params.ts";
import { ASKABLE } from "./questions.ts";
import type { Question } from "./types.ts";

/**
 * Every conclusion of a diagnosis as a named, comparable value: position, state, barrier
 * levels, mode verdicts, which instruments are recommended, and each Table 1 answer.
 */
export function conclusionValues(c: Conclusions): Map<string, string> {
  const out = new Map<string, string>();
  out.set("position", c.position.value);
  out.set("state", c.state.value);
  for (const b of c.barriers) out.set(`barrier:${b.family}`, b.level);
  for (const m of c.modes.modes) out.set(`mode:${m.mode}`, m.verdict);
  for (const r of c.recommendations) out.set(`recommend:${r.instrument}`, "yes");
  for (const row of c.table1 ?? []) {
    for (const cell of row.cells)
      out.set(`table1:${row.proposition}/${cell.perspective}`, String(cell.answer));
  }
  return out;
}

function changedKeys(
  base: Map<string, string>,
  next: Map<string, string>,
  into: Set<string>,
): void {
  for (const [k, v] of base) if (next.get(k) !== v) into.add(k);
  for (const k of next.keys()) if (!base.has(k)) into.add(k);
}

// Position and state changes come first among questions that change equally many conclusions.
const rank = (q: Question) =>
  q.decisiveness * 4 +
  (q.would_change.includes("position") ? 2 : 0) +
  (q.would_change.includes("state") ? 1 : 0);

/**
 * Questions about unknown fields, most decisive first. Decisiveness is computed by re-running
 * the same rules with each candidate answer and counting the conclusions that would change
 * for at least one of them; questions that change nothing are left out.
 */
export function askNext(p: Profile, params: DiagnoseParams, base: Conclusions): Question[] {
  const baseline = conclusionValues(base);
  const out: Question[] = [];
  for (const ask of ASKABLE) {
    const candidates = ask.candidates(p, params);
    if (candidates.length === 0) continue;
    const changed = new Set<string>();
    for (const value of candidates) {
      const variant = { ...p, [ask.field]: value } as Profile;
      changedKeys(baseline, conclusionValues(conclude(variant, params)), changed);
    }
    if (changed.size === 0) continue;
    out.push({
      field: ask.field,
      question: ask.question,
      decisiveness: changed.size,
      would_change: [...changed].sort(),
      candidates,
    });
  }
  return out.sort(
    (a, b) =>
      rank(b) - rank(a) ||
      ASKABLE.findIndex((x) => x.field === a.field) - ASKABLE.findIndex((x) => x.field === b.field),
  );
}
