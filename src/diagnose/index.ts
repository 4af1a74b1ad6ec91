// Public face of src/diagnose.
export {};
