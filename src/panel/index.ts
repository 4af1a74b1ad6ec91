// Public face of src/panel.

export * from "./dynamics/index.ts";
