// Public face of src/diagnose.

export { CONTRADICTION_NAMES } from "./columnar/contradictions.ts";
export {
  diagnosisColumnsCsvBytes,
  diagnosisColumnsCsvLines,
  recycleCsvBytes,
} from "./columnar/csv-lines.ts";
export { diagnoseColumns } from "./columnar/diagnose-columns.ts";
export {
  allocateDiagnosisColumns,
  type Basis,
  type DiagnosisColumns,
  LEVELS,
  POSITION_BASES,
  QUESTION_FIELDS,
  type QuestionField,
  RECOMMENDATION_WIDTH,
  STATE_BASES,
  UNDETERMINED,
  VERDICTS,
} from "./columnar/outputs.ts";
export { addItemColumns } from "./columnar/reliability.ts";
export { RECOMMENDATION_SCORES } from "./columnar/scores.ts";
export {
  contradictedPerspectives,
  type DiagnoseOptions,
  diagnose,
  diagnoseBatch,
} from "./diagnose.ts";
export {
  DEFAULT_PARAMS,
  type DiagnoseParams,
  PARAM_NAMES,
  PARAM_SPECS,
  type ParamName,
  type ParamSpec,
  paramsHash,
  parseParams,
} from "./params.ts";
export {
  type FamilyReliability,
  type Reliability,
  ReliabilityAccumulator,
} from "./reliability.ts";
export { type BarrierLevel, type Reference, RULES_VERSION } from "./rule.ts";
export type { BarrierAssessment } from "./rules/barriers.ts";
export { barrierLevel } from "./rules/barriers.ts";
export { RULES } from "./rules/index.ts";
export type { ModeAdvice, ModeGuidance, ModeReason, ModeVerdict } from "./rules/modes.ts";
export { type Classification, classifyPosition } from "./rules/position.ts";
export type { Recommendation } from "./rules/recommend.ts";
export { classifyState } from "./rules/state.ts";
export type { CellReading, PropositionReading } from "./rules/table1.ts";
export type { TraceEntry, Tracer } from "./tracer.ts";
export type { Change, Diagnosis, Move, Question } from "./types.ts";
