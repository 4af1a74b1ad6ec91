import { parse as parseYaml } from "yaml";
import { CliError, EXIT } from "../exit.ts";

export type AssessFormat = "text" | "json" | "csv";

/** Raw commander options of `outward assess`. */
export interface AssessFlags {
  json?: boolean;
  csv?: boolean;
  params?: string;
  param?: string[];
  rejects?: string;
  trace?: boolean;
}

export interface AssessOptions {
  format: AssessFormat;
  /** Parameter overrides merged from --params (file) then --param (one each); not yet checked. */
  overrides: Record<string, unknown>;
  /** Where the overrides came from, for messages. */
  overridesFrom: string;
  rejects: string | null;
  /** Record which rules fired and why. Default: on for text and JSON, off for CSV. */
  trace: boolean;
}

/**
 * Pure option parsing: `paramsText` is the content of the --params file (read by the caller), so
 * this function never touches the file system. Throws `CliError` (exit 2) for bad flags.
 */
export function parseAssessOptions(flags: AssessFlags, paramsText?: string): AssessOptions {
  if (flags.json && flags.csv) throw new CliError("choose one of --json or --csv", EXIT.usage);
  const format: AssessFormat = flags.json ? "json" : flags.csv ? "csv" : "text";
  const overrides: Record<string, unknown> = {};
  const from: string[] = [];
  if (flags.params !== undefined) {
    Object.assign(overrides, parseParamsText(paramsText ?? "", flags.params));
    from.push(flags.params);
  }
  for (const pair of flags.param ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) {
      throw new CliError(`--param: got "${pair}", expected name=value`, EXIT.usage);
    }
    const name = pair.slice(0, eq).trim();
    const raw = pair.slice(eq + 1).trim();
    overrides[name] = raw !== "" && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    from.push("--param");
  }
  return {
    format,
    overrides,
    overridesFrom: [...new Set(from)].join(" and ") || "defaults",
    rejects: flags.rejects ?? null,
    trace: flags.trace ?? format !== "csv",
  };
}

/** JSON or YAML text of a parameter file, which must hold one mapping of name: value. */
export function parseParamsText(text: string, file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = /^\s*\{/.test(text) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    const why = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new CliError(`${file}: not valid JSON or YAML (${why})`, EXIT.usage);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CliError(`${file}: expected a mapping of parameter name to value`, EXIT.usage);
  }
  return value as Record<string, unknown>;
}

/** Appends repeatable option values (commander's collector). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
