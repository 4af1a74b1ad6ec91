// Public face of src/stats.
export {};
