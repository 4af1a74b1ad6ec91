// Public face of src/framework: the review's knowledge as typed, cited data.
export * from "./issue.ts";
export * from "./vocabulary.ts";
