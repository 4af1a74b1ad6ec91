import type { Profile } from "../firm/index.ts";
import type { BarrierFamily, Position, State } from "../framework/index.ts";
import type { DiagnoseParams } from "./params.ts";
import { type BarrierLevel, type Context, evaluate } from "./rule.ts";
import { assessBarriers, type BarrierAssessment, barrierRule } from "./rules/barriers.ts";
import { adviseModes, modeRule } from "./rules/mode-guidance.ts";
import type { ModeGuidance } from "./rules/modes.ts";
import { type Classification, classifyPosition, positionRule } from "./rules/position.ts";
import { lastExclusionReason, type Recommendation, recommend } from "./rules/recommend.ts";
import { classifyState, stateRule } from "./rules/state.ts";
import { type PropositionReading, readTable1, table1Rule } from "./rules/table1.ts";
import { NOOP_TRACER, type Tracer } from "./tracer.ts";

/** Every conclusion the rules draw for one firm, before explanations of what would change them. */
export interface Conclusions {
  position: Classification<Position>;
  state: Classification<State>;
  barriers: BarrierAssessment[];
  context: Context;
  modes: ModeGuidance;
  recommendations: Recommendation[];
  /** Null when not asked for (the batch fast path reads Table 1 only on demand). */
  table1: PropositionReading[] | null;
}

function levels(barriers: BarrierAssessment[]): Record<BarrierFamily, BarrierLevel> {
  return {
    attitudinal: barriers[0].level,
    resource: barriers[1].level,
    operational: barriers[2].level,
    strategic: barriers[3].level,
  };
}

/**
 * Runs the rule families in dependency order: position, state and barriers from the profile;
 * modes, recommendations and the Table 1 reading from the profile plus those conclusions.
 * `withTable1` false skips the Table 1 reading (default true; always read when tracing).
 */
export function conclude(
  p: Profile,
  params: DiagnoseParams,
  tracer: Tracer = NOOP_TRACER,
  withTable1 = true,
): Conclusions {
  if (tracer.enabled) return concludeTraced(p, params, tracer);
  // Fast path: the same rule functions, called directly so each call site stays monomorphic.
  const position = classifyPosition(p, params);
  const state = classifyState(p, params);
  const barriers = assessBarriers(p, params);
  const context: Context = {
    position: position.value,
    state: state.value,
    barrier_levels: levels(barriers),
  };
  return {
    position,
    state,
    barriers,
    context,
    modes: adviseModes(p, context),
    recommendations: recommend(p, params, context),
    table1: withTable1 ? readTable1(p, params, context) : null,
  };
}

function concludeTraced(p: Profile, params: DiagnoseParams, tracer: Tracer): Conclusions {
  const empty = undefined as unknown as Context;
  const position = evaluate(positionRule, p, params, empty, tracer);
  const state = evaluate(stateRule, p, params, empty, tracer);
  const barriers = evaluate(barrierRule, p, params, empty, tracer);
  const context: Context = {
    position: position.value,
    state: state.value,
    barrier_levels: levels(barriers),
  };
  const modes = evaluate(modeRule, p, params, context, tracer);
  const recommendations = recommend(p, params, context, (rule) => {
    const r = evaluate(rule, p, params, context, tracer);
    if (r === null) {
      tracer.start(`${rule.id}.excluded`);
      tracer.result(lastExclusionReason());
      tracer.end();
    }
    return r;
  });
  const table1 = evaluate(table1Rule, p, params, context, tracer);
  return { position, state, barriers, context, modes, recommendations, table1 };
}
