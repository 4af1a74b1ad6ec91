// Public face of src/panel.

// Panel estimators (formula, preparation, fits, vcov registry, results).
export * from "./codes.ts";
export * from "./demean.ts";
export * from "./dynamics/index.ts";
export {
  type Effect,
  type Estimated,
  type EstimateOptions,
  estimate,
  fitPrepared,
} from "./estimate.ts";
export { betweenKernel } from "./estimators/between.ts";
export { fdKernel } from "./estimators/fd.ts";
export { type LogitExtras, type LogitParams, logitKernel } from "./estimators/logit.ts";
export { type LinearFit, olsKernel } from "./estimators/ols.ts";
export { pooledKernel } from "./estimators/pooled.ts";
export { randomKernel } from "./estimators/random.ts";
export { fixedEffectDof, withinKernel } from "./estimators/within.ts";
export * from "./fit.ts";
export * from "./formula.ts";
export * from "./hausman.ts";
export { defaultThreads, poolStats, startHelpers } from "./parallel/pool.ts";
export { SLICE_ROWS } from "./parallel/slices.ts";
export * from "./prepare.ts";
export * from "./summary.ts";
export * from "./vcov/index.ts";
