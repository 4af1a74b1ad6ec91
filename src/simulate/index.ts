// Public face of src/simulate.
export * from "./blocks.ts";
export * from "./calibration/index.ts";
export { DEFAULT_HOOK_FACTORY, linkFactory } from "./hooks-factory.ts";
export * from "./intervention.ts";
export * from "./metrics.ts";
export * from "./params.ts";
export * from "./population.ts";
export { POSITION_CODE, STATE_CODE } from "./processes/classify.ts";
export { TRANSITION } from "./processes/export-decision.ts";
export * from "./profiles.ts";
export * from "./ratio-interval.ts";
export * from "./reducers.ts";
export * from "./rng.ts";
export * from "./runner.ts";
export * from "./summarize.ts";
export * from "./synthesize.ts";
