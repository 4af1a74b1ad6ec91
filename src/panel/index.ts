// Public face of src/panel.
export {};
export * from "./dynamics/index.ts";
