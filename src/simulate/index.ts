// Public face of src/simulate.
export * from "./intervention.ts";
export * from "./population.ts";
export * from "./rng.ts";
