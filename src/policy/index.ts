// Public face of src/policy.
export {};
