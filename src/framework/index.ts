// Public face of src/framework: the review's knowledge as typed, cited data.

export * from "./citations.ts";
export * from "./conditions.ts";
export * from "./instruments.ts";
export * from "./issue.ts";
export * from "./table1.ts";
export * from "./traits.ts";
export * from "./vocabulary.ts";
