// Public face of src/stats.
export * from "./crossprod.ts";
export * from "./distributions.ts";
export * from "./linalg.ts";
export { nanCount, negativeCount, rememberMissing } from "./missing.ts";
