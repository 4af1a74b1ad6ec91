// Public face of src/io: readers and writers (CSV, JSON, Parquet, columnar binary), streaming.
export * from "./frame.ts";
