import type { Profile } from "../../firm/index.ts";
import {
  type Citation,
  CONDITIONS,
  type ConditionId,
  cellAnswer,
  type Perspective,
  PROPOSITIONS,
  type PredictionKind,
  type Proposition,
  row,
  type Table1Cell,
  type Tri,
} from "../../framework/index.ts";
import { conditionValue, missingFor } from "../conditions.ts";
import { activeNow, atMost, exportHistory, YES, yearsToFirstExport } from "../facts.ts";
import type { DiagnoseParams } from "../params.ts";
import type { Context, ProfileField, Rule } from "../rule.ts";

export type CellAnswer = "yes" | "no" | "unknown" | null;

/** One Table 1 cell read for this firm. */
export interface CellReading {
  perspective: Perspective;
  kind: PredictionKind;
  /** The cell's yes/no for this firm; "unknown" if its condition is; null if it gives none. */
  answer: CellAnswer;
  condition: ConditionId | null;
  /** Whether the condition holds for this firm (null when the cell has none). */
  holds: Tri | null;
  /** True when the condition was read from indirect evidence. */
  inferred: boolean;
  /** Fields that would resolve an unknown condition. */
  missing: readonly ProfileField[];
  /** Set when the firm's own record bears on the proposition. */
  against_firm: "consistent" | "contradicted" | null;
  summary: string;
  citations: readonly Citation[];
}

/** One proposition for this firm: each perspective's reading and where they part company. */
export interface PropositionReading {
  proposition: Proposition;
  /** What the firm's own record shows on this proposition, when it shows anything. */
  observed: "yes" | "no" | null;
  observed_basis: string | null;
  cells: readonly CellReading[];
  says_yes: readonly Perspective[];
  says_no: readonly Perspective[];
  unresolved: readonly Perspective[];
  /** Cells the review leaves blank. */
  empty: readonly Perspective[];
  /** Perspectives disagree with each other for this firm. */
  conflict: boolean;
  /** Perspectives whose answer the firm's own record contradicts. */
  contradicted: readonly Perspective[];
}

const HIGH_CONTROL_OR_FDI = ["joint_venture", "acquisition", "greenfield_fdi"] as const;
const NOTHING: readonly ProfileField[] = Object.freeze([]);

/** Evidence from the firm itself on a proposition; null when its record is silent. */
function observe(
  prop: Proposition,
  p: Profile,
  params: DiagnoseParams,
  ctx: Context,
): [CellAnswer, string | null] {
  switch (prop) {
    case "P1":
      if (ctx.position === "international_new_venture")
        return ["yes", "position is international_new_venture"];
      if (atMost(yearsToFirstExport(p), params.inv_max_years_to_first_export) === YES) {
        return ["yes", "first export within inv_max_years_to_first_export of founding"];
      }
      return [null, null];
    case "P2":
      if (ctx.state === "withdrawn_disappointed" || ctx.state === "withdrawn_disinterested") {
        return ["no", `state is ${ctx.state}`];
      }
      if (ctx.state === "suspended" || ctx.state === "re_entered")
        return ["no", `state is ${ctx.state}`];
      if (ctx.state === "exporting" && p.export_gap === "no")
        return ["yes", "exporting without a gap"];
      return [null, null];
    case "P3":
      if (p.modes !== null) {
        for (const m of p.modes) {
          if ((HIGH_CONTROL_OR_FDI as readonly string[]).includes(m)) {
            return ["yes", "uses a joint venture, acquisition or greenfield investment"];
          }
        }
      }
      return [null, null];
    case "P5":
      if (
        exportHistory(p) === YES &&
        activeNow(p) === YES &&
        (p.large_firm_links === "yes" || p.client_pull === "yes")
      ) {
        return ["yes", "exports with a larger firm or client as conduit"];
      }
      return [null, null];
    default:
      return [null, null];
  }
}

const TRI_OF = { 1: "yes", 0: "no", [-1]: "unknown" } as const;

// Each cell's answer for each state of its condition, worked out once: the per-firm loop then
// only resolves conditions and looks answers up (no closures, no string keys).
interface PreparedCell {
  cell: Table1Cell;
  condition: ConditionId | null;
  inferred: boolean;
  answer: Record<Tri, CellAnswer>;
}
const PREPARED: readonly (readonly PreparedCell[])[] = PROPOSITIONS.map((prop) =>
  row(prop).map((cell) => ({
    cell,
    condition: cell.condition ?? null,
    inferred: cell.condition !== undefined && CONDITIONS[cell.condition].evidence === "proxy",
    answer: {
      yes: cellAnswer(cell, "yes"),
      no: cellAnswer(cell, "no"),
      unknown: cellAnswer(cell, "unknown"),
    },
  })),
);

/**
 * Reads Table 1 for one firm: each cell's prediction with its condition resolved from the
 * firm's fields where possible, and per proposition the agreements, conflicts and the
 * perspectives the firm's own record contradicts. Empty cells stay empty.
 */
export function readTable1(p: Profile, params: DiagnoseParams, ctx: Context): PropositionReading[] {
  const out: PropositionReading[] = [];
  for (let r = 0; r < PROPOSITIONS.length; r++) {
    const prop = PROPOSITIONS[r];
    const [observed, basis] = observe(prop, p, params, ctx);
    const cells: CellReading[] = [];
    const yes: Perspective[] = [];
    const no: Perspective[] = [];
    const unresolved: Perspective[] = [];
    const empty: Perspective[] = [];
    const contradicted: Perspective[] = [];
    for (const prepared of PREPARED[r]) {
      const cell = prepared.cell;
      const cond = prepared.condition;
      const holds = cond === null ? null : TRI_OF[conditionValue(cond, p, params, ctx)];
      const answer = prepared.answer[holds ?? "unknown"];
      const kind = cell.prediction.kind;
      let against: CellReading["against_firm"] = null;
      if (answer === "yes" || answer === "no") {
        (answer === "yes" ? yes : no).push(cell.perspective);
        if (observed !== null) {
          against = answer === observed ? "consistent" : "contradicted";
          if (against === "contradicted") contradicted.push(cell.perspective);
        }
      } else if (answer === "unknown") unresolved.push(cell.perspective);
      else if (kind === "empty") empty.push(cell.perspective);
      cells.push({
        perspective: cell.perspective,
        kind,
        answer,
        condition: cond,
        holds,
        inferred: prepared.inferred,
        missing: cond !== null && holds === "unknown" ? missingFor(cond, p) : NOTHING,
        against_firm: against,
        summary: cell.summary,
        citations: cell.citations,
      });
    }
    out.push({
      proposition: prop,
      observed: observed === "unknown" ? null : observed,
      observed_basis: basis,
      cells,
      says_yes: yes,
      says_no: no,
      unresolved,
      empty,
      conflict: yes.length > 0 && no.length > 0,
      contradicted,
    });
  }
  return out;
}

/**
 * The perspectives the firm's own record contradicts, as `proposition:perspective` joined by
 * ";" in Table 1 order: the same list `readTable1` gives in each row's `contradicted`, without
 * building the cell readings. Propositions the record is silent on are skipped outright.
 */
export function contradictionsText(p: Profile, params: DiagnoseParams, ctx: Context): string {
  let out = "";
  for (let r = 0; r < PROPOSITIONS.length; r++) {
    const prop = PROPOSITIONS[r];
    const observed = observe(prop, p, params, ctx)[0];
    if (observed === null) continue;
    const cells = PREPARED[r];
    for (let i = 0; i < cells.length; i++) {
      const prepared = cells[i];
      const cond = prepared.condition;
      const answer =
        prepared.answer[cond === null ? "unknown" : TRI_OF[conditionValue(cond, p, params, ctx)]];
      if ((answer === "yes" || answer === "no") && answer !== observed) {
        out += `${out === "" ? "" : ";"}${prop}:${prepared.cell.perspective}`;
      }
    }
  }
  return out;
}

export const table1Rule: Rule<PropositionReading[]> = {
  id: "table1.reading",
  description: "Reads each Table 1 cell for this firm and shows agreements and conflicts",
  reads: [
    ...new Set<ProfileField>([
      ...Object.values(CONDITIONS).flatMap((c) => c.resolvedBy),
      "founded",
      "first_export_year",
      "export_gap",
      "modes",
      "exports_now",
      "last_export_year",
      "assessed",
      "between_projects",
      "export_share",
      "export_markets",
    ]),
  ],
  uses: ["position", "state", "barrier_levels"],
  params: ["inv_max_years_to_first_export", "experienced_min_markets", "sunk_cost_high"],
  references: [{ author: "review", note: "Table 1" }],
  run: (p, params, ctx) => readTable1(p, params, ctx),
};
