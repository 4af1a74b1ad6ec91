import type { Position, State } from "../framework/index.ts";
import type { ProfileField } from "./rule.ts";
import type { BarrierAssessment } from "./rules/barriers.ts";
import type { ModeGuidance } from "./rules/modes.ts";
import type { Classification } from "./rules/position.ts";
import type { Recommendation } from "./rules/recommend.ts";
import type { PropositionReading } from "./rules/table1.ts";
import type { TraceEntry } from "./tracer.ts";

/** A question about an unknown field, ranked by how much its answer would change. */
export interface Question {
  field: ProfileField;
  question: string;
  /** Number of conclusions that change for at least one possible answer. */
  decisiveness: number;
  /** Which conclusions would change (e.g. "position", "state", "mode:joint_venture"). */
  would_change: readonly string[];
  /** The answers tried. */
  candidates: readonly unknown[];
}

/** One actionable change in the firm's situation (declared in what-would-move.ts). */
export interface Change {
  id: string;
  label: string;
  /** The profile fields it sets, with their new values. */
  patch: Readonly<Record<string, unknown>>;
}

/** A smallest set of changes that moves the firm to a further position or a more active state. */
export interface Move {
  changes: readonly Change[];
  position: { from: Position | "undetermined"; to: Position | "undetermined" };
  state: { from: State | "undetermined"; to: State | "undetermined" };
}

export interface Diagnosis {
  id: string;
  position: Classification<Position>;
  state: Classification<State>;
  table1: readonly PropositionReading[];
  barriers: readonly BarrierAssessment[];
  modes: ModeGuidance;
  recommendations: readonly Recommendation[];
  /** Every rule evaluated, with inputs, parameters and result; empty when tracing is off. */
  trace: readonly TraceEntry[];
  ask_next: readonly Question[];
  what_would_move: readonly Move[];
  stamp: { rules_version: string; params_hash: string };
}
