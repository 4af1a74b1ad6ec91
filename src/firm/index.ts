// Public face of src/firm: the one firm-profile type, its schema and validation.
export type { Profile } from "./profile.ts";
