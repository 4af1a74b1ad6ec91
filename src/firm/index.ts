// Public face of src/firm: the one firm-profile type, its schema and validation.

export {
  NOT_PLAIN,
  readEnum,
  readModes,
  readNumber,
  readText,
  readTri,
  wordsOf,
} from "./cell-bytes.ts";
export { showValue, type Where } from "./coerce.ts";
export {
  allocateProfileColumns,
  columnsRowToProfile,
  ENUM_CODES,
  MODES_UNKNOWN,
  type ProfileColumns,
  profilesToColumns,
  setProfileRow,
  TRI_NO,
  TRI_UNKNOWN,
  TRI_YES,
  UNKNOWN_CODE,
} from "./columns.ts";
export { ProfileColumnsDecoder } from "./columns-decoder.ts";
export { type CompiledValidator, compileValidator } from "./compiled.ts";
export { findInconsistencies, type Inconsistency } from "./consistency.ts";
export {
  COLUMN_NAMES,
  type FieldKind,
  type FieldSpec,
  PROFILE_FIELDS,
  parseItemColumn,
} from "./fields.ts";
export { type FlatRecord, flattenRecord } from "./flatten.ts";
export type { Profile } from "./profile.ts";
export { profileSchema } from "./schema.ts";
export { emptyProfile, validateProfile } from "./validate.ts";
