/**
 * One problem found in input or during computation. Validation collects issues and returns them;
 * only the edges (CLI, server) turn them into exit codes or HTTP responses.
 */
export interface Issue {
  /** Stable, machine-readable code, e.g. "invalid_enum", "out_of_range", "missing_column". */
  code: string;
  /** Human sentence naming the input, the bad value and what was expected. */
  message: string;
  file?: string;
  /** 1-based data row (header excluded) for tabular input; index+1 for JSON arrays. */
  row?: number;
  field?: string;
  value?: unknown;
  expected?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** An error that carries issues; thrown only at the edges or for unrecoverable input. */
export class OutwardError extends Error {
  readonly code: string;
  readonly issues: Issue[];
  constructor(code: string, message: string, issues: Issue[] = []) {
    super(message);
    this.name = "OutwardError";
    this.code = code;
    this.issues = issues;
  }
}

/** "file:row: field: got <value>, expected <expected>" — the one format every message follows. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.row === undefined ? undefined : `row ${issue.row}`]
    .filter((part) => part !== undefined)
    .join(":");
  const field = issue.field ? `${issue.field}: ` : "";
  return `${where ? `${where}: ` : ""}${field}${issue.message}`;
}
