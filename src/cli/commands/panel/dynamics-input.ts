import { formatIssue, type Issue, OutwardError } from "../../../framework/index.ts";
import { type Frame, readFrame } from "../../../io/index.ts";
import { CliError } from "../../exit.ts";

/** Reads a panel file (CSV, .owc or Parquet), turning read failures into usage errors. */
export async function readPanel(file: string, columns: (string | undefined)[]): Promise<Frame> {
  try {
    const wanted = [...new Set(columns.filter((c): c is string => c !== undefined))];
    const loaded = await readFrame(file, {});
    const missing = wanted.filter((c) => !loaded.frame.columns.has(c));
    if (missing.length > 0) {
      throw new CliError(
        `${file}: column ${JSON.stringify(missing[0])} not found; available columns: ${loaded.frame.names.join(", ")}`,
      );
    }
    return loaded.frame;
  } catch (err) {
    if (err instanceof CliError) throw err;
    if (err instanceof OutwardError && err.issues.length > 0) failWithIssues(file, err.issues);
    throw new CliError(`${file}: ${(err as Error).message}`);
  }
}

/** Throws a usage error listing the issues, each prefixed with the file name. */
export function failWithIssues(file: string, issues: Issue[]): never {
  const lines = issues
    .slice(0, 20)
    .map((issue) => formatIssue({ ...issue, file: issue.file ?? file }));
  const more = issues.length > 20 ? `\n... and ${issues.length - 20} more` : "";
  throw new CliError(`${lines.join("\n")}${more}`);
}

/** Parses "a,b,c" into trimmed non-empty parts. */
export function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Parses a number option, naming the option when it is not one. */
export function numberOption(
  name: string,
  value: string | undefined,
  check: (v: number) => boolean,
  expected: string,
): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (!Number.isFinite(v) || !check(v))
    throw new CliError(`--${name}: got ${JSON.stringify(value)}, expected ${expected}`);
  return v;
}
