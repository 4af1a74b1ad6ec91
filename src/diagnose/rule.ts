import type { Profile } from "../firm/index.ts";
import type {
  BarrierFamily,
  PositionOrUndetermined,
  StateOrUndetermined,
} from "../framework/index.ts";
import type { DiagnoseParams, ParamName } from "./params.ts";
import type { Tracer } from "./tracer.ts";

/**
 * Version of the rule set. Bump it whenever a rule's logic changes, so a stored diagnosis says
 * which rules produced it (together with the params hash).
 */
export const RULES_VERSION = "2026.11.1";

export type ProfileField = Exclude<keyof Profile, "id" | "description" | "weight">;

/** A source for a rule, as the review cites it (author, year); "review" for its own argument. */
export interface Reference {
  author: string;
  year?: number;
  /** Where in the review, when the review itself is the source. */
  note?: string;
}

export type BarrierLevel = "low" | "medium" | "high" | "unknown";

/** Conclusions earlier rules hand to later ones (recommendations read the position, etc.). */
export interface Context {
  position: PositionOrUndetermined;
  state: StateOrUndetermined;
  barrier_levels: Record<BarrierFamily, BarrierLevel>;
}
export type ContextField = keyof Context;

/**
 * A rule as data: what it reads, which parameters it uses, where its logic comes from, and the
 * function. `reads` is checked by a test: a rule may touch no profile field it does not declare.
 */
export interface Rule<T> {
  id: string;
  description: string;
  reads: readonly ProfileField[];
  uses: readonly ContextField[];
  params: readonly ParamName[];
  references: readonly Reference[];
  run(p: Profile, params: DiagnoseParams, ctx: Context): T;
}

/**
 * Runs one rule. With the no-op tracer it is a plain call; with a recording tracer the declared
 * inputs, parameters and the result are recorded around it.
 */
export function evaluate<T>(
  rule: Rule<T>,
  p: Profile,
  params: DiagnoseParams,
  ctx: Context,
  tracer: Tracer,
): T {
  if (!tracer.enabled) return rule.run(p, params, ctx);
  tracer.start(rule.id);
  try {
    for (const field of rule.reads) tracer.read(field, p[field]);
    for (const field of rule.uses) tracer.read(field, ctx[field]);
    for (const name of rule.params) tracer.param(name, params[name]);
    const value = rule.run(p, params, ctx);
    tracer.result(value);
    return value;
  } finally {
    tracer.end();
  }
}

/**
 * Each unknown input a conclusion had to pass over multiplies its confidence by this factor
 * (an Outward convention: one unknown leaves 0.8, two 0.64, ...). Undetermined is 0.
 */
export const UNKNOWN_DISCOUNT = 0.8;

export function confidenceFor(unknowns: number): number {
  return unknowns === 0 ? 1 : UNKNOWN_DISCOUNT ** unknowns;
}

/** A position or state with how sure the rule is and, when undetermined, what would decide it. */
export interface Classification<T extends string> {
  value: T | "undetermined";
  /** 1 when every consulted input was known; falls with each unknown; 0 when undetermined. */
  confidence: number;
  /** Fields whose answers would decide an undetermined value (empty when determined). */
  questions: readonly ProfileField[];
  /** Code of the branch of the rule that decided, for explanations. */
  basis: string;
}

const NO_QUESTIONS = Object.freeze<ProfileField[]>([]);

/** The one way a classifier builds its result, so position and state agree on confidence rules. */
export function classified<T extends string>(
  value: T | "undetermined",
  unknowns: number,
  questions: readonly ProfileField[],
  basis: string,
): Classification<T> {
  return {
    value,
    confidence: value === "undetermined" ? 0 : confidenceFor(unknowns),
    questions: value === "undetermined" ? questions : NO_QUESTIONS,
    basis,
  };
}
