import { formatIssue } from "../../framework/index.ts";
import {
  MAX_FIRMS,
  type ParamName,
  type ReformSpec,
  type RunOptions,
  type SimParams,
  withParams,
} from "../../simulate/index.ts";
import { CliError, EXIT } from "../exit.ts";

/** Raw commander options of `outward simulate`. */
export interface SimulateFlags {
  firms?: string;
  years?: string;
  replications?: string;
  seed?: string;
  threads?: string;
  startYear?: string;
  burnIn?: string;
  blockSize?: string;
  panel?: string;
  panelScenario?: string;
  register?: string;
  param?: string[];
  against?: string;
  discountRate?: string;
  plot?: string;
  plotSpend?: string;
  csv?: string;
  sweep?: string;
  json?: boolean;
}

export interface SimulateOptions {
  /** Default 100000. */
  firms: number;
  /** Default 10. */
  years: number;
  /** Default 5. */
  replications: number;
  /** Default 1. */
  seed: number;
  /** Default 1. */
  threads: number;
  /** Default 2025. */
  startYear: number;
  /** Default 15 (0 with --register: a register is the observed starting state). */
  burnIn: number;
  /**
   * Unset: the whole population when a programme shares a capped budget and it fits one
   * block (one national queue), 16384 otherwise (runSimulation).
   */
  blockSize: number | undefined;
  /** Panel CSV path, or null. */
  panel: string | null;
  /** Scenario whose firm-years the panel holds. Default "baseline". */
  panelScenario: string;
  /** Register of real profiles (CSV/JSON), or null for a synthetic population. */
  register: string | null;
  params: SimParams;
  /** Scenario the others are compared with. Default "baseline" (no programme). */
  against: string;
  /** Annual rate discounting exporter-years and spend in the totals. Default 0. */
  discountRate: number;
  /** SVG path for the chart of each scenario's additional exporters per year, or null. */
  plot: string | null;
  /** SVG path for the chart of each scenario's spend by segment, or null. */
  plotSpend: string | null;
  /** Path of the tidy CSV of every series, difference and total, or null. */
  csv: string | null;
  /** `--sweep name=v1,v2,...`: one full run per value of one parameter, or null. */
  sweep: Sweep | null;
  json: boolean;
}

/** The run the options describe over `reforms`, with `params` (by default the options' own). */
export function runOptionsOf(
  opts: SimulateOptions,
  reforms: ReformSpec[],
  params: SimParams = opts.params,
): RunOptions {
  return {
    firms: opts.firms,
    years: opts.years,
    replications: opts.replications,
    seed: opts.seed,
    threads: opts.threads,
    startYear: opts.startYear,
    burnIn: opts.burnIn,
    blockSize: opts.blockSize,
    params,
    reforms,
    reference: opts.against,
  };
}

/** A parameter and the values a sweep gives it, each with the run's whole parameter set. */
export interface Sweep {
  name: ParamName;
  values: number[];
  params: SimParams[];
}

/** Runs a sweep takes at most: each value is a whole simulation. */
const MAX_SWEEP_VALUES = 20;

function parseSweep(raw: string, overrides: Readonly<Record<string, number>>): Sweep {
  const bad = (expected: string): never => {
    throw new CliError(`--sweep: got "${raw}", expected ${expected}`, EXIT.usage);
  };
  const eq = raw.indexOf("=");
  const name = raw.slice(0, eq).trim();
  if (eq <= 0 || name === "") bad("name=value,value,... (e.g. sunkEntryCost=2,2.5,3)");
  if (Object.hasOwn(overrides, name)) bad(`a parameter not also set with --param (${name} is)`);
  const texts = raw.slice(eq + 1).split(",");
  const values = texts.map(decimal);
  if (values.some((v) => !Number.isFinite(v))) bad("numbers after the =, separated by commas");
  if (values.length < 2 || values.length > MAX_SWEEP_VALUES) {
    bad(`2 to ${MAX_SWEEP_VALUES} values (each is a whole run)`);
  }
  if (new Set(values).size !== values.length) bad("distinct values");
  const params = values.map((v) => {
    const p = withParams({ ...overrides, [name]: v });
    if (!p.ok) {
      throw new CliError(`--sweep: ${p.issues.map(formatIssue).join("; ")}`, EXIT.usage);
    }
    return p.value;
  });
  return { name: name as ParamName, values, params };
}

/** A number written in decimal (1.5, -2, 3e-2); NaN for anything else, "" and 0x10 included. */
function decimal(text: string): number {
  return /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
}

function integer(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (raw === undefined) return fallback;
  // Decimal digits only: Number() would read "" as 0 and accept 0x10 or 1e3.
  const v = /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(v) || v < min || v > max) {
    const range =
      max === Number.MAX_SAFE_INTEGER
        ? `>= ${min}`
        : `from ${min} to ${max >= 100_000 ? max.toLocaleString("en-GB") : max}`;
    throw new CliError(`--${name}: got "${raw}", expected a whole number ${range}`, EXIT.usage);
  }
  return v;
}

/** A rate in [0, 1), given as a fraction (0.035) or a percentage (3.5%). */
function rate(name: string, raw: string | undefined): number {
  if (raw === undefined) return 0;
  const text = raw.trim();
  const v = text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (text === "" || !Number.isFinite(v) || v < 0 || v >= 1) {
    throw new CliError(
      `--${name}: got "${raw}", expected a rate from 0 up to 1 (e.g. 0.035 or 3.5%)`,
      EXIT.usage,
    );
  }
  return v;
}

/** Burn-in years beyond this add nothing: the default baseline settles within ~30. */
const MAX_BURN_IN = 1000;

/**
 * Below this many firm-years (firms x replications x (burn-in + years)) one thread is the
 * default: a worker's start (~0.5 s) would cost more than it saves.
 */
export const THREADED_FIRM_YEARS = 5_000_000;
/** The default never takes more threads than this, as `outward panel estimate`. */
const MAX_DEFAULT_THREADS = 4;

/**
 * Pure option parsing; throws CliError (exit 2) for bad flags. `cores` (the machine's, given by
 * the caller) sets the default thread count of large runs: the cores, at most 4. Results are
 * bit-identical for any thread count.
 */
export function parseSimulateOptions(flags: SimulateFlags, cores = 1): SimulateOptions {
  // No prototype: "__proto__" must arrive as a key (and be refused as unknown), not set one.
  const overrides: Record<string, number> = Object.create(null);
  for (const pair of flags.param ?? []) {
    const eq = pair.indexOf("=");
    const value = decimal(pair.slice(eq + 1));
    if (eq <= 0 || pair.slice(eq + 1).trim() === "" || !Number.isFinite(value)) {
      throw new CliError(`--param: got "${pair}", expected name=number`, EXIT.usage);
    }
    overrides[pair.slice(0, eq).trim()] = value;
  }
  const params = withParams(overrides);
  if (!params.ok) {
    throw new CliError(`--param: ${params.issues.map(formatIssue).join("; ")}`, EXIT.usage);
  }
  const register = flags.register ?? null;
  const panel = flags.panel ?? null;
  const firms = integer("firms", flags.firms, 100_000, 1, MAX_FIRMS);
  const years = integer("years", flags.years, 10, 1);
  const replications = integer("replications", flags.replications, 5, 1);
  const burnIn = integer("burn-in", flags.burnIn, register ? 0 : 15, 0, MAX_BURN_IN);
  const large = firms * replications * (burnIn + years) >= THREADED_FIRM_YEARS;
  const byDefault =
    panel === null && large ? Math.max(1, Math.min(Math.floor(cores), MAX_DEFAULT_THREADS)) : 1;
  const threads = integer("threads", flags.threads, byDefault, 1);
  if (flags.panelScenario !== undefined && panel === null) {
    throw new CliError(
      "--panel-scenario names the scenario --panel writes: add --panel FILE",
      EXIT.usage,
    );
  }
  if (flags.sweep !== undefined) {
    const with_ = [
      ["--panel", flags.panel],
      ["--register", flags.register],
      ["--plot-spend", flags.plotSpend],
    ].find(([, v]) => v !== undefined);
    if (with_) {
      throw new CliError(
        `--sweep compares totals across values of a parameter: it does not take ${with_[0]}`,
        EXIT.usage,
      );
    }
  }
  if (panel !== null && threads > 1) {
    throw new CliError("--panel writes from one thread: use --threads 1 with --panel", EXIT.usage);
  }
  return {
    firms,
    years,
    replications,
    // The generator keys on 32 bits of the seed: a larger one would repeat a smaller one's draws.
    seed: integer("seed", flags.seed, 1, 0, 2 ** 32 - 1),
    threads,
    startYear: integer("start-year", flags.startYear, 2025, 1000, 9999),
    burnIn,
    blockSize:
      flags.blockSize === undefined ? undefined : integer("block-size", flags.blockSize, 0, 1),
    panel,
    panelScenario: flags.panelScenario ?? "baseline",
    register,
    params: params.value,
    against: flags.against ?? "baseline",
    discountRate: rate("discount-rate", flags.discountRate),
    plot: flags.plot ?? null,
    plotSpend: flags.plotSpend ?? null,
    csv: flags.csv ?? null,
    sweep: flags.sweep === undefined ? null : parseSweep(flags.sweep, overrides),
    json: flags.json === true,
  };
}
