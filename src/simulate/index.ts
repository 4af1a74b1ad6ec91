// Public face of src/simulate.
export {};
