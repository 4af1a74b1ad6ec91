/**
 * The simulation kernel compiled to WebAssembly: the yearly passes over a scenario whose
 * columns live in this module's linear memory (src/simulate/kernel/arena.ts lays them out).
 */
export { birthsInRange } from "./births";
export { deathsAndDemand } from "./demography";
export { firmYearPass } from "./firm-year";
