import { formatIssue, type Issue } from "../../src/framework/index.ts";

export {
  COLUMN_NAMES,
  compileValidator,
  emptyProfile,
  PROFILE_FIELDS,
  profileSchema,
  validateProfile,
} from "../../src/firm/index.ts";

export const formatIssueOf = (issue: Issue): string => formatIssue(issue);
