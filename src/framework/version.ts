/**
 * Version of the framework data (Table 1, conditions, instruments, modes, definitions). Bump it
 * whenever any of that data changes, so stored diagnoses can say which reading of the review they
 * used; it is independent of the diagnostic rules' own version.
 */
export const FRAMEWORK_VERSION = "2026.11.1";
