export * from "./calibrate.ts";
export * from "./lpm.ts";
export * from "./targets.ts";
