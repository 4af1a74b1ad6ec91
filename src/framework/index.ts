// Public face of src/framework: the review's knowledge as typed, cited data.

export * from "./barriers.ts";
export * from "./citations.ts";
export * from "./conditions.ts";
export * from "./instruments.ts";
export * from "./issue.ts";
export * from "./modes.ts";
export * from "./perspectives.ts";
export * from "./policy-themes.ts";
export * from "./propositions.ts";
export * from "./spectrum.ts";
export * from "./table1.ts";
export * from "./traits.ts";
export * from "./version.ts";
export * from "./vocabulary.ts";
