// Public face of the panel dynamics: states, spells, transitions, survival, raking.
export * from "./panel-order.ts";
export * from "./spells.ts";
export * from "./states.ts";
