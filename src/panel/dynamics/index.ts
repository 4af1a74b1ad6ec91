// Public face of the panel dynamics: states, spells, transitions, survival, raking.

export * from "./bands.ts";
export * from "./hazard.ts";
export * from "./intervals.ts";
export * from "./logrank.ts";
export * from "./markov.ts";
export * from "./panel-order.ts";
export * from "./raking.ts";
export * from "./sort.ts";
export * from "./spell-survival.ts";
export * from "./spells.ts";
export * from "./states.ts";
export * from "./survival.ts";
export * from "./survival-robust.ts";
export * from "./transitions.ts";
export * from "./weights.ts";
