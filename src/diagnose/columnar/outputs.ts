import { INSTRUMENTS } from "../../framework/index.ts";

/**
 * What `diagnoseColumns` writes: one entry per row in typed arrays of codes and numbers, the
 * column-wise counterpart of `Diagnosis` for the bulk paths. Codes index the framework's
 * vocabulary lists (POSITIONS, STATES, BARRIER_FAMILIES, ENTRY_MODES, INSTRUMENTS,
 * PROPOSITIONS x PERSPECTIVES); `UNDETERMINED` (255) marks an open position or state.
 * Explanations (reasons, trace, Table 1 cells) are not here: `diagnose(profile)` gives them for
 * the firms an adviser opens.
 */
export interface DiagnosisColumns {
  /** Rows written; every column holds at least this many entries. */
  length: number;
  /** Index in POSITIONS, UNDETERMINED when open. */
  position: Uint8Array;
  /** 0 when undetermined, else 0.8 per unknown input passed over (see `confidenceFor`). */
  position_confidence: Float64Array;
  /** Index in POSITION_BASES: the rule branch that decided (it also fixes the question order). */
  position_basis: Uint8Array;
  /** Bits over QUESTION_FIELDS: the fields whose answers would decide an open position. */
  position_questions: Uint8Array;
  /** Index in STATES, UNDETERMINED when open. */
  state: Uint8Array;
  state_confidence: Float64Array;
  /** Index in STATE_BASES. */
  state_basis: Uint8Array;
  /** Bits over QUESTION_FIELDS for an open state. */
  state_questions: Uint8Array;
  /** Has the firm ever exported, as a tri code (0 yes, 1 no, 2 unknown). */
  exported_ever: Uint8Array;
  /** Is it exporting now (exports_now, else last export year against the assessment year). */
  exporting_now: Uint8Array;
  /** Barrier family scores (1..5) in BARRIER_FAMILIES order, 4 per row; NaN when unknown. */
  barrier_score: Float64Array;
  /** Barrier levels (LEVEL_LOW .. LEVEL_UNKNOWN), 4 per row. */
  barrier_level: Uint8Array;
  /** Entry-mode verdicts, 2 bits per mode: mode k's VERDICT_* code at bits 2k and 2k+1. */
  mode_verdicts: Uint16Array;
  /** Number of recommendations of each row (at most RECOMMENDATION_WIDTH). */
  rec_count: Uint8Array;
  /**
   * Recommended instruments (index in INSTRUMENTS), best first, RECOMMENDATION_WIDTH slots per
   * row; only the first `rec_count[i]` slots of row i are meaningful.
   */
  rec_instrument: Uint8Array;
  /**
   * The matching scores (fit x confidence) as codes into RECOMMENDATION_SCORES, same layout as
   * `rec_instrument`: a score takes few values, and 2 bytes a slot keep the output small.
   */
  rec_score: Uint16Array;
  /** Contradicted perspectives: bit `r * 5 + c` is proposition r, cell c of Table 1's row. */
  contradicted: Uint32Array;
  /** Which rules and parameters produced these rows (as a `Diagnosis` stamp). */
  stamp: { rules_version: string; params_hash: string };
}

/** Code of an undetermined position or state. */
export const UNDETERMINED = 255;

export const LEVEL_LOW = 0;
export const LEVEL_MEDIUM = 1;
export const LEVEL_HIGH = 2;
export const LEVEL_UNKNOWN = 3;
/** Barrier level names by code. */
export const LEVELS = ["low", "medium", "high", "unknown"] as const;

export const VERDICT_SUITS = 0;
export const VERDICT_POSSIBLE = 1;
export const VERDICT_CAUTION = 2;
export const VERDICT_NOT_SUITED = 3;
/** Mode verdict names by code. */
export const VERDICTS = ["suits", "possible", "caution", "not_suited"] as const;

/** Recommendation slots per row: every instrument could in principle suit one firm. */
export const RECOMMENDATION_WIDTH = INSTRUMENTS.length;

/** Fields a position or state question can name; bit k of a question set is field k. */
export const QUESTION_FIELDS = [
  "tradable",
  "exports_now",
  "plans_to_export",
  "first_export_year",
  "export_markets",
  "last_export_year",
  "between_projects",
] as const;
export type QuestionField = (typeof QUESTION_FIELDS)[number];

/** A rule branch: its name (a Classification's `basis`) and the questions it leaves open. */
export interface Basis {
  basis: string;
  questions: readonly QuestionField[];
}

const b = (basis: string, ...questions: QuestionField[]): Basis => ({ basis, questions });

/** The position rule's branches, by code (see `classifyPosition`). */
export const POSITION_BASES: readonly Basis[] = [
  b("offer_not_tradable"),
  b("tradable_unknown", "tradable", "exports_now"),
  b("exports_now_unknown", "exports_now"),
  b("tradable_willing_not_exporting"),
  b("tradable_no_intention"),
  b("tradable_able_not_exporting"),
  b("plans_unknown", "plans_to_export"),
  b("inv_criteria_met"),
  b("below_experience_thresholds"),
  b("experience_thresholds_met"),
  b("experience_unknown", "first_export_year", "export_markets", "exports_now"),
];

/** The state rule's branches, by code (see `classifyState`). */
export const STATE_BASES: readonly Basis[] = [
  b("exporting_after_gap"),
  b("exporting_no_gap"),
  b("exporting_gap_unknown"),
  b("exports_now_unknown", "exports_now", "last_export_year"),
  b("no_export_trace"),
  b("between_foreign_projects"),
  b("past_exporter_no_plans"),
  b("past_exporter_plans_again"),
  b("suspended_or_withdrawn", "between_projects"),
  b("past_exporter_plans_unknown", "plans_to_export", "between_projects"),
  b("past_exporter_plans_unknown", "plans_to_export"),
];

/** Question bits of each basis, by basis code. */
export const questionBits = (bases: readonly Basis[]): Uint8Array =>
  Uint8Array.from(bases, (x) =>
    x.questions.reduce((m, f) => m | (1 << QUESTION_FIELDS.indexOf(f)), 0),
  );

/** Empty outputs for `capacity` rows (the stamp is filled by `diagnoseColumns`). */
export function allocateDiagnosisColumns(capacity: number): DiagnosisColumns {
  const w = RECOMMENDATION_WIDTH;
  return {
    length: 0,
    position: new Uint8Array(capacity),
    position_confidence: new Float64Array(capacity),
    position_basis: new Uint8Array(capacity),
    position_questions: new Uint8Array(capacity),
    state: new Uint8Array(capacity),
    state_confidence: new Float64Array(capacity),
    state_basis: new Uint8Array(capacity),
    state_questions: new Uint8Array(capacity),
    exported_ever: new Uint8Array(capacity),
    exporting_now: new Uint8Array(capacity),
    barrier_score: new Float64Array(capacity * 4),
    barrier_level: new Uint8Array(capacity * 4),
    mode_verdicts: new Uint16Array(capacity),
    rec_count: new Uint8Array(capacity),
    rec_instrument: new Uint8Array(capacity * w),
    rec_score: new Uint16Array(capacity * w),
    contradicted: new Uint32Array(capacity),
    stamp: { rules_version: "", params_hash: "" },
  };
}

/** Rows `out` can hold. */
export const diagnosisCapacity = (out: DiagnosisColumns): number => out.position.length;
