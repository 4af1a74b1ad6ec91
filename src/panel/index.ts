// Public face of src/panel.
export {};
