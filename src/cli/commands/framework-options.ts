/** Parsing of `outward framework` options: pure, so it is tested without a process. */
import {
  PERSPECTIVES,
  type Perspective,
  POLICY_THEMES,
  type PolicyTheme,
  PROPOSITION_INFO,
  PROPOSITIONS,
  type Proposition,
  THEME_INFO,
  THEMES,
} from "../../framework/index.ts";
import { CliError } from "../exit.ts";

/** Options as commander hands them over. */
export interface FrameworkRawOptions {
  /** Print JSON instead of text. Default: false. */
  json?: boolean;
  /** Comma-separated perspective ids. Default: all five. */
  perspective?: string;
  /** Comma-separated P1..P6 or 1..6. Default: all six (unless --theme is given). */
  proposition?: string;
  /** Comma-separated theme numbers 1..6 or theme ids; adds their propositions. Default: none. */
  theme?: string;
  /** Comma-separated policy theme ids, for --instruments. Default: all five. */
  policyTheme?: string;
  /** List instruments instead of Table 1. Default: false. */
  instruments?: boolean;
  /** List entry modes instead of Table 1. Default: false. */
  modes?: boolean;
  /** Text width in columns, at least MIN_WIDTH. Default: the caller's defaultWidth. */
  width?: string;
}

export interface FrameworkQuery {
  view: "table1" | "instruments" | "modes";
  json: boolean;
  /** Perspectives to show; all five when no filter was given. */
  perspectives: Perspective[];
  /** Propositions to show; all six when neither --proposition nor --theme was given. */
  propositions: Proposition[];
  /** Policy themes whose instruments to list; all five when not filtered. */
  policyThemes: PolicyTheme[];
  /** Columns available for text output. */
  width: number;
}

/** Narrowest width the text layout can use. */
export const MIN_WIDTH = 60;

function list(option: string, value: string, expected: string): string[] {
  const items = value
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  return items.length > 0 ? items : bad(option, value, expected);
}

function bad(option: string, value: string, expected: string): never {
  throw new CliError(`invalid --${option} "${value}": expected ${expected}`);
}

function parsePerspectives(value: string): Perspective[] {
  const expected = `one of ${PERSPECTIVES.join(", ")}`;
  return list("perspective", value, expected).map((v) => {
    const id = v.toLowerCase().replace(/-/g, "_");
    if ((PERSPECTIVES as readonly string[]).includes(id)) return id as Perspective;
    return bad("perspective", v, expected);
  });
}

function parsePropositions(value: string): Proposition[] {
  const expected = `one of ${PROPOSITIONS.join(", ")} (or 1..6)`;
  return list("proposition", value, expected).map((v) => {
    const id = /^\d+$/.test(v) ? `P${v}` : v.toUpperCase();
    if ((PROPOSITIONS as readonly string[]).includes(id)) return id as Proposition;
    return bad("proposition", v, expected);
  });
}

function parseThemes(value: string): Proposition[] {
  const expected = `1..6 or one of ${THEMES.join(", ")}`;
  return list("theme", value, expected).map((v) => {
    const id = v.toLowerCase().replace(/-/g, "_");
    const theme = THEMES.find((t) => t === id || String(THEME_INFO[t].number) === id);
    if (!theme) return bad("theme", v, expected);
    return PROPOSITIONS.find((p) => PROPOSITION_INFO[p].theme === theme)!;
  });
}

function parsePolicyThemes(value: string): PolicyTheme[] {
  const expected = `one of ${POLICY_THEMES.join(", ")}`;
  return list("policy-theme", value, expected).map((v) => {
    const id = v.toLowerCase().replace(/-/g, "_");
    if ((POLICY_THEMES as readonly string[]).includes(id)) return id as PolicyTheme;
    return bad("policy-theme", v, expected);
  });
}

function parseWidth(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < MIN_WIDTH)
    return bad("width", value, `a whole number of columns, at least ${MIN_WIDTH}`);
  return n;
}

/** Validates the options; unknown values throw a CliError (exit code 2) naming the valid ones. */
export function parseFrameworkOptions(
  raw: FrameworkRawOptions,
  defaultWidth: number,
): FrameworkQuery {
  if (raw.instruments && raw.modes) throw new CliError("choose one of --instruments and --modes");
  const view = raw.instruments ? "instruments" : raw.modes ? "modes" : "table1";
  if (view !== "table1" && (raw.proposition !== undefined || raw.theme !== undefined))
    throw new CliError(
      "--proposition and --theme filter Table 1; drop them with --instruments or --modes",
    );
  if (view !== "instruments" && raw.policyTheme !== undefined)
    throw new CliError("--policy-theme filters the --instruments listing only");
  if (view === "modes" && raw.perspective !== undefined)
    throw new CliError("--perspective does not apply to --modes");

  const rows = new Set<Proposition>();
  if (raw.proposition !== undefined)
    for (const p of parsePropositions(raw.proposition)) rows.add(p);
  if (raw.theme !== undefined) for (const p of parseThemes(raw.theme)) rows.add(p);
  return {
    view,
    json: raw.json === true,
    perspectives:
      raw.perspective === undefined ? [...PERSPECTIVES] : parsePerspectives(raw.perspective),
    propositions: rows.size === 0 ? [...PROPOSITIONS] : PROPOSITIONS.filter((p) => rows.has(p)),
    policyThemes:
      raw.policyTheme === undefined ? [...POLICY_THEMES] : parsePolicyThemes(raw.policyTheme),
    width: raw.width === undefined ? Math.max(defaultWidth, MIN_WIDTH) : parseWidth(raw.width),
  };
}
