// Public face of src/policy.
export { type PolicyHookOptions, programmeHooks, unsimulatedFields } from "./apply.ts";
export { buildYearHooks, type HookInput, type SystemSpec, systemSpecs } from "./build.ts";
export { PopulationColumns, SIMULATED_FIELDS } from "./columns.ts";
export { type Classifiers, DiagnosisCache, diagnoseClassifiers } from "./diagnosis.ts";
export { eligibilityFor, type ProfileEligibility, profileReader } from "./for-profile.ts";
export type {
  BudgetSplit,
  InstrumentYearReport,
  PolicyHooks,
  PolicyYearReport,
  ProgrammeYearReport,
  SimEffects,
  SimHooks,
  SimPopulation,
  SimRng,
  SimYear,
} from "./hook.ts";
export { POLICY_STREAM_BASE } from "./hook.ts";
export {
  type DefaultSource,
  INSTRUMENT_DEFAULTS,
  type InstrumentDefaults,
  instrumentsWithDefaults,
} from "./library/defaults.ts";
export {
  activeIn,
  type Dated,
  EFFECT_KINDS,
  type EffectKind,
  type EffectSpec,
  type InstrumentSpec,
  inSpan,
  ONE_OFF_KINDS,
  type Programme,
  type ProgrammeSystem,
  type Rationing,
  type ScoreTerm,
  valueAt,
  type YearSpan,
} from "./programme.ts";
export { type RationInput, type RationResult, ration } from "./ration.ts";
export { composeReforms, type Reform, reformOf } from "./reform.ts";
export {
  type CompiledRule,
  compileRule,
  FALSE,
  type FieldColumn,
  type RuleColumns,
  ruleTruth,
  TRUE,
  type Truth,
  UNKNOWN,
} from "./rule/compile.ts";
export { decisiveConditions, type Explanation, explainRule } from "./rule/explain.ts";
export { RULE_FIELD_NAMES, RULE_FIELDS, type RuleField, ruleField } from "./rule/fields.ts";
export { type Condition, OPERATORS, parseRule, type Rule, ruleFields } from "./rule/rule.ts";
export { canonicalJson, scenarioHash } from "./scenario/hash.ts";
export { type Change, formatPath, type ReformDef, type Scenario } from "./scenario/normalize.ts";
export { parseScenario } from "./scenario/parse.ts";
export {
  type ResolvedScenario,
  resolveScenario,
  type ScenarioReader,
  scenarioSystems,
  stackOrder,
} from "./scenario/systems.ts";
export { type ProfileViewOptions, profileView, scratchProfile } from "./simulated-profile.ts";
export { targetingNotes } from "./targeting.ts";
