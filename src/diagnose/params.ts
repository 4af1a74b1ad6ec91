import { createHash } from "node:crypto";
import type { Issue, Result } from "../framework/index.ts";

/**
 * Every threshold the review leaves open, as a named parameter. Rules read these and never carry
 * their own numbers; a user may override any of them (see `parseParams`).
 */
export interface DiagnoseParams {
  /** Years from founding to first export for an international new venture. Default 3. */
  inv_max_years_to_first_export: number;
  /** Share of sales exported (0..1) for an international new venture. Default 0.25. */
  inv_min_export_share: number;
  /** Foreign countries served for an international new venture. Default 2. */
  inv_min_markets: number;
  /** Years of export activity (inclusive count) to count as an experienced exporter. Default 5. */
  experienced_min_years: number;
  /** Foreign countries served to count as an experienced exporter. Default 2. */
  experienced_min_markets: number;
  /** Barrier family score (1..5) at or above which the family is "high". Default 3.5. */
  barrier_high: number;
  /** Barrier family score (1..5) at or below which the family is "low". Default 2.5. */
  barrier_low: number;
  /** Export share (0..1) below which an exporter's intensity is "low". Default 0.1. */
  intensity_low_share: number;
  /** Firm age in years up to which a firm is a "new venture". Default 6. */
  new_venture_max_age: number;
  /** Sunk-cost concern (1..5) at or above which it is "high". Default 4. */
  sunk_cost_high: number;
}

export type ParamName = keyof DiagnoseParams;

export interface ParamSpec {
  default: number;
  unit: string;
  min: number;
  max: number;
  integer: boolean;
  /** Where the default comes from; conventions not taken from the review say so. */
  source: string;
  description: string;
}

export const PARAM_SPECS: Readonly<Record<ParamName, ParamSpec>> = {
  inv_max_years_to_first_export: {
    default: 3,
    unit: "years",
    min: 0,
    max: 50,
    integer: true,
    source: "Knight and Cavusgil (1996), born-global definition (external convention)",
    description: "Longest gap between founding and first export for an international new venture",
  },
  inv_min_export_share: {
    default: 0.25,
    unit: "share of sales",
    min: 0,
    max: 1,
    integer: false,
    source: "Knight and Cavusgil (1996), born-global definition (external convention)",
    description: "Smallest export share for an international new venture",
  },
  inv_min_markets: {
    default: 2,
    unit: "countries",
    min: 1,
    max: 250,
    integer: true,
    source: "Oviatt and McDougall (1994) 'multiple countries', as used by Autio et al. (2000)",
    description: "Fewest foreign countries served by an international new venture",
  },
  experienced_min_years: {
    default: 5,
    unit: "years",
    min: 1,
    max: 100,
    integer: true,
    source:
      "Outward convention; the review contrasts more and less experienced exporters without a cut-off",
    description:
      "Years of export activity (counting first and current year) for an experienced exporter",
  },
  experienced_min_markets: {
    default: 2,
    unit: "countries",
    min: 1,
    max: 250,
    integer: true,
    source: "Outward convention: more than a single foreign market",
    description: "Fewest foreign countries served by an experienced exporter",
  },
  barrier_high: {
    default: 3.5,
    unit: "score 1..5",
    min: 1,
    max: 5,
    integer: false,
    source: "Outward convention: upper half of a 5-point severity scale",
    description: "Barrier family score at or above which the barrier is high",
  },
  barrier_low: {
    default: 2.5,
    unit: "score 1..5",
    min: 1,
    max: 5,
    integer: false,
    source: "Outward convention: lower half of a 5-point severity scale",
    description: "Barrier family score at or below which the barrier is low",
  },
  intensity_low_share: {
    default: 0.1,
    unit: "share of sales",
    min: 0,
    max: 1,
    integer: false,
    source: "Outward convention; most exporting SMEs export a small share (Westhead et al. 2002)",
    description: "Export share below which an exporter has room to grow intensity",
  },
  new_venture_max_age: {
    default: 6,
    unit: "years",
    min: 0,
    max: 50,
    integer: true,
    source:
      "Zahra et al. (2000) studied new ventures of six years or younger (external convention)",
    description: "Firm age up to which incubator and new-venture support applies",
  },
  sunk_cost_high: {
    default: 4,
    unit: "score 1..5",
    min: 1,
    max: 5,
    integer: false,
    source: "Outward convention: top two points of a 5-point scale",
    description:
      "Sunk-cost concern at or above which it may keep a firm exporting against its interest",
  },
};

export const PARAM_NAMES = Object.keys(PARAM_SPECS) as ParamName[];

export const DEFAULT_PARAMS: Readonly<DiagnoseParams> = Object.freeze(
  Object.fromEntries(
    PARAM_NAMES.map((name) => [name, PARAM_SPECS[name].default]),
  ) as unknown as DiagnoseParams,
);

/**
 * Reads a (partial) params object, e.g. parsed from YAML or JSON; missing names take their
 * defaults. Unknown names, non-numbers, out-of-range values and an inverted low/high barrier
 * band are reported as issues, never ignored.
 */
export function parseParams(value: unknown, where: { file?: string } = {}): Result<DiagnoseParams> {
  const issues: Issue[] = [];
  const base = { file: where.file };
  if (value === undefined || value === null) return { ok: true, value: { ...DEFAULT_PARAMS } };
  if (typeof value !== "object" || Array.isArray(value)) {
    issues.push({
      ...base,
      code: "invalid_type",
      message: `params: got ${JSON.stringify(value)}, expected an object of named parameters`,
      value,
      expected: "object",
    });
    return { ok: false, issues };
  }
  const out: DiagnoseParams = { ...DEFAULT_PARAMS };
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    // Own keys only: `in` would accept toString, constructor and the rest of Object.prototype.
    if (!Object.hasOwn(PARAM_SPECS, key)) {
      issues.push({
        ...base,
        code: "unknown_param",
        field: key,
        message: `unknown parameter, expected one of ${PARAM_NAMES.join(", ")}`,
        value: raw,
        expected: PARAM_NAMES.join(" | "),
      });
      continue;
    }
    const spec = PARAM_SPECS[key as ParamName];
    const expected = `${spec.integer ? "an integer" : "a number"} in [${spec.min}, ${spec.max}] (${spec.unit})`;
    if (
      typeof raw !== "number" ||
      !Number.isFinite(raw) ||
      (spec.integer && !Number.isInteger(raw))
    ) {
      issues.push({
        ...base,
        code: "invalid_type",
        field: key,
        message: `got ${JSON.stringify(raw)}, expected ${expected}`,
        value: raw,
        expected,
      });
      continue;
    }
    if (raw < spec.min || raw > spec.max) {
      issues.push({
        ...base,
        code: "out_of_range",
        field: key,
        message: `got ${raw}, expected ${expected}`,
        value: raw,
        expected,
      });
      continue;
    }
    out[key as ParamName] = raw;
  }
  if (issues.length === 0 && out.barrier_low >= out.barrier_high) {
    issues.push({
      ...base,
      code: "inconsistent_params",
      field: "barrier_low",
      message: `got barrier_low ${out.barrier_low} >= barrier_high ${out.barrier_high}, expected barrier_low below barrier_high`,
      value: out.barrier_low,
      expected: `< ${out.barrier_high}`,
    });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out };
}

// Hashing is pure but not free; a batch reuses one params object, so remember its hash.
const hashes = new WeakMap<object, string>();

/** sha256 (hex) of the params as canonical JSON: names sorted, so key order never matters. */
export function paramsHash(params: DiagnoseParams): string {
  const cached = hashes.get(params);
  if (cached !== undefined) return cached;
  const canonical = JSON.stringify(
    Object.keys(params)
      .sort()
      .map((name) => [name, params[name as ParamName]]),
  );
  const hash = createHash("sha256").update(canonical).digest("hex");
  hashes.set(params, hash);
  return hash;
}
