// Pure parsing of `panel estimate` options into typed model requests (unit-tested).
import {
  type Effect,
  type EstimateOptions,
  MODELS,
  type ModelName,
  type RandomMethod,
  SSC_NAMES,
  type SscName,
  VCOV_TYPES,
  type VcovType,
} from "../../../panel/index.ts";
import { CliError } from "../../exit.ts";
import type { EstimateRawOptions } from "./estimate.ts";

export interface ModelRequest {
  readonly formula: string;
  readonly options: EstimateOptions;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError(
      `--${name}: got ${JSON.stringify(value)}, expected one of ${allowed.join(", ")}`,
    );
  }
  return value as T;
}

/** Pairs formulas and models: one with many, many with one, or equal lists in order. */
export function pairModels(
  formulas: readonly string[],
  models: readonly string[],
): [string, string | undefined][] {
  if (formulas.length === 0)
    throw new CliError('--formula is required, e.g. --formula "y ~ x1 + x2 | firm"');
  if (models.length === 0) return formulas.map((f) => [f, undefined]);
  if (formulas.length === 1) return models.map((m) => [formulas[0], m]);
  if (models.length === 1) return formulas.map((f) => [f, models[0]]);
  if (formulas.length === models.length) return formulas.map((f, i) => [f, models[i]]);
  throw new CliError(
    `got ${formulas.length} --formula and ${models.length} --model values; give one of either, or the same number of each`,
  );
}

export function parseEstimateOptions(raw: EstimateRawOptions): ModelRequest[] {
  const effect = oneOf<Effect>("effect", raw.effect ?? "individual", [
    "individual",
    "time",
    "twoways",
  ]);
  const randomMethod = oneOf<RandomMethod>("random-method", raw.randomMethod ?? "swar", [
    "swar",
    "amemiya",
    "walhus",
    "nerlove",
  ]);
  const ssc = oneOf<SscName>("ssc", raw.ssc ?? "fixest", SSC_NAMES);
  const cluster = raw.cluster
    ?.split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (cluster && (cluster.length === 0 || cluster.length > 2)) {
    throw new CliError(`--cluster: got ${JSON.stringify(raw.cluster)}, expected COL or COL1,COL2`);
  }
  const vcov: VcovType =
    raw.vcov === undefined ? (cluster ? "cluster" : "iid") : oneOf("vcov", raw.vcov, VCOV_TYPES);
  if (cluster && vcov !== "cluster")
    throw new CliError(`--cluster needs --vcov cluster, got --vcov ${vcov}`);
  const singletons = oneOf("singletons", raw.singletons ?? "keep", ["keep", "drop"] as const);
  const threads = parseThreads(raw.threads);
  const level = Number(raw.level ?? "0.95");
  if (!(level > 0 && level < 1))
    throw new CliError(`--level: got ${JSON.stringify(raw.level)}, expected a number in (0, 1)`);
  return pairModels(raw.formula ?? [], raw.model ?? []).map(([formula, m]) => ({
    formula,
    options: {
      id: raw.id,
      time: raw.time,
      model: m === undefined ? undefined : oneOf<ModelName>("model", m, MODELS),
      effect,
      randomMethod,
      vcov,
      cluster: vcov === "cluster" ? (cluster ?? [raw.id]) : undefined,
      ssc,
      weights: raw.weights,
      singletons,
      level,
      threads,
    },
  }));
}

/** `--threads`: a whole number 1..64; absent means the estimator's default (the cores, at most 4). */
export function parseThreads(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new CliError(`--threads: got ${JSON.stringify(raw)}, expected a whole number 1..64`);
  }
  return n;
}
