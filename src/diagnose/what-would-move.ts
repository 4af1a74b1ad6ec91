import type { Profile } from "../firm/index.ts";
import { POSITIONS, type Position, type State } from "../framework/index.ts";
import { ableToExport, exportHistory, NO, resourceScore, YES } from "./facts.ts";
import type { DiagnoseParams } from "./params.ts";
import { classifyPosition } from "./rules/position.ts";
import { classifyState } from "./rules/state.ts";
import type { Change, Move } from "./types.ts";

/**
 * Changes in a firm's situation that support can bring about, as data: each says when it
 * applies and which fields it sets. Time-bound facts (years of experience, founding year) are
 * not actionable and are absent on purpose.
 */
export interface ActionableChange {
  id: string;
  label: string;
  applies(p: Profile, params: DiagnoseParams): boolean;
  patch(p: Profile, params: DiagnoseParams): Partial<Profile>;
}

const notYes = (v: "yes" | "no" | "unknown") => v !== "yes";
const exportingNow = (p: Profile) => p.exports_now === "yes";
const markets = (params: DiagnoseParams) =>
  Math.max(params.inv_min_markets, params.experienced_min_markets);

export const ACTIONABLE_CHANGES: readonly ActionableChange[] = [
  {
    id: "reframe_market_scope",
    label: "the offer is reframed for foreign demand (market-scope advice, alertness)",
    applies: (p) => p.tradable !== "yes" && exportHistory(p) !== YES,
    patch: () => ({ tradable: "yes" }),
  },
  {
    id: "intend_to_export",
    label: "the owner decides to sell abroad",
    applies: (p) => notYes(p.plans_to_export),
    patch: () => ({ plans_to_export: "yes" }),
  },
  {
    id: "link_larger_firm",
    label: "a partner with foreign networks: links with a larger firm",
    applies: (p) => notYes(p.large_firm_links),
    patch: () => ({ large_firm_links: "yes" }),
  },
  {
    id: "founder_export_experience",
    label: "export experience brought to the owner (mentoring by an experienced entrepreneur)",
    applies: (p) => notYes(p.founder_export_experience),
    patch: () => ({ founder_export_experience: "yes" }),
  },
  {
    id: "lower_resource_barrier",
    label: "the resource barrier brought down to low (finance, staff, shared resources)",
    applies: (p, params) => (resourceScore(p) ?? params.barrier_high) > params.barrier_low,
    patch: (p, params) => ({
      barrier_resource: params.barrier_low,
      barrier_items: { ...p.barrier_items, resource: [] },
    }),
  },
  {
    id: "first_export",
    label: "a first export order, once the firm is able to serve it",
    applies: (p, params) =>
      p.tradable === "yes" &&
      !exportingNow(p) &&
      exportHistory(p) !== YES &&
      ableToExport(p, params.barrier_high) === YES,
    patch: (p) => ({
      exports_now: "yes",
      first_export_year: p.assessed,
      last_export_year: p.assessed,
      export_gap: "no",
      export_markets: 1,
      export_share: p.export_share && p.export_share > 0 ? p.export_share : 0.05,
    }),
  },
  {
    id: "resume_exporting",
    label: "exports resumed after the pause",
    applies: (p, params) =>
      !exportingNow(p) && exportHistory(p) === YES && ableToExport(p, params.barrier_high) !== NO,
    patch: (p) => ({
      exports_now: "yes",
      export_gap: "yes",
      last_export_year: p.assessed,
      between_projects: "no",
    }),
  },
  {
    id: "repeat_business",
    label: "repeat business expected from foreign clients",
    applies: (p) => !exportingNow(p) && exportHistory(p) === YES && notYes(p.between_projects),
    patch: () => ({ between_projects: "yes" }),
  },
  {
    id: "more_markets",
    label: "more foreign markets served",
    applies: (p, params) => exportingNow(p) && (p.export_markets ?? 0) < markets(params),
    patch: (_p, params) => ({ export_markets: markets(params) }),
  },
  {
    id: "higher_export_share",
    label: "a higher share of sales exported",
    applies: (p, params) => exportingNow(p) && (p.export_share ?? 0) < params.inv_min_export_share,
    patch: (_p, params) => ({ export_share: params.inv_min_export_share }),
  },
];

// How active each state is: a move is any rise in this order.
const STATE_ACTIVITY: Record<State | "undetermined", number> = {
  undetermined: -1,
  withdrawn_disappointed: 0,
  never_exported: 1,
  withdrawn_disinterested: 2,
  suspended: 3,
  exporting: 4,
  re_entered: 4,
};
const positionRank = (v: Position | "undetermined") => POSITIONS.indexOf(v as Position);

/**
 * The smallest changes that move the firm to a further spectrum position or a more active
 * state, found by re-running the position and state rules on changed profiles: all single
 * changes first; pairs only when no single change moves the firm.
 */
export function whatWouldMove(p: Profile, params: DiagnoseParams): Move[] {
  const from = {
    position: classifyPosition(p, params).value,
    state: classifyState(p, params).value,
  };
  const apply = (changes: readonly ActionableChange[]): { profile: Profile; applied: Change[] } => {
    let profile = p;
    const applied: Change[] = [];
    for (const c of changes) {
      if (!c.applies(profile, params)) return { profile, applied: [] };
      const patch = c.patch(profile, params);
      profile = { ...profile, ...patch };
      applied.push({ id: c.id, label: c.label, patch });
    }
    return { profile, applied };
  };
  const moves = (sets: ActionableChange[][]): Move[] => {
    const out: Move[] = [];
    for (const set of sets) {
      const { profile, applied } = apply(set);
      if (applied.length !== set.length) continue;
      const to = {
        position: classifyPosition(profile, params).value,
        state: classifyState(profile, params).value,
      };
      const up =
        (from.position !== "undetermined" &&
          positionRank(to.position) > positionRank(from.position)) ||
        (from.state !== "undetermined" && STATE_ACTIVITY[to.state] > STATE_ACTIVITY[from.state]);
      if (up) {
        out.push({
          changes: applied,
          position: { from: from.position, to: to.position },
          state: { from: from.state, to: to.state },
        });
      }
    }
    return out;
  };
  const singles = moves(ACTIONABLE_CHANGES.map((c) => [c]));
  if (singles.length > 0) return singles;
  const pairs: ActionableChange[][] = [];
  for (let i = 0; i < ACTIONABLE_CHANGES.length; i++) {
    for (let j = 0; j < ACTIONABLE_CHANGES.length; j++) {
      if (i !== j) pairs.push([ACTIONABLE_CHANGES[i], ACTIONABLE_CHANGES[j]]);
    }
  }
  // Ordered pairs: a change may only apply after another (first export needs the resources).
  const found = moves(pairs);
  const seen = new Set<string>();
  return found.filter((m) => {
    const key = m.changes
      .map((c) => c.id)
      .sort()
      .join("+");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
