import type { Issue, Result } from "../../framework/index.ts";
import type { Frame } from "../../io/index.ts";
import { getColumn, groupCodes } from "./columns.ts";
import { readWeights } from "./weights.ts";

/** One known population margin, e.g. firm counts by size class from a business register. */
export interface RakingMargin {
  /** Column holding the category of each sample row. */
  column: string;
  /** Population total per category label. */
  targets: Record<string, number>;
}

export interface RakingOptions {
  /** Base (design) weight column. Default: every row starts at 1. */
  weights?: string;
  /** Stop when every margin is within this relative distance of its target. Default 1e-10. */
  tolerance?: number;
  /** Most full sweeps over the margins. Default 100. */
  maxIterations?: number;
}

export interface RakingReport {
  weights: Float64Array;
  converged: boolean;
  /** Full sweeps done. */
  iterations: number;
  /** Largest |weighted margin - target| / target after the last sweep. */
  maxDeviation: number;
  minWeight: number;
  maxWeight: number;
  /** Smallest and largest raked / base weight. */
  minAdjustment: number;
  maxAdjustment: number;
  /** Kish's (1965) design effect of unequal weights, n sum(w^2) / (sum w)^2. */
  designEffect: number;
}

/**
 * Raking (iterative proportional fitting; Deming and Stephan, 1940): rescales the weights to
 * each margin in turn until all margins match. Fails, rather than guessing, when a category has
 * a population total but no sample row, when a sample row's category has no total, when a
 * category is missing on a row, or when the margins disagree on the population total.
 */
export function rake(
  frame: Frame,
  margins: RakingMargin[],
  options: RakingOptions = {},
): Result<RakingReport> {
  const issues: Issue[] = [];
  const n = frame.nrows;
  const base = options.weights
    ? readWeights(frame, options.weights, issues)
    : new Float64Array(n).fill(1);
  const coded: { codes: Int32Array; targets: Float64Array }[] = [];
  for (const m of margins) {
    const col = getColumn(frame, m.column, issues);
    if (!col) continue;
    const { codes, labels } = groupCodes(col);
    const targets = new Float64Array(labels.length);
    labels.forEach((label, k) => {
      const t = m.targets[label];
      if (t === undefined) {
        const row = codes.indexOf(k) + 1;
        issues.push({
          code: "missing_target",
          row,
          field: m.column,
          value: label,
          expected: `a population total for "${label}"`,
          message: `category "${label}" has sample rows but no population total; give one or recode it`,
        });
      } else targets[k] = t;
    });
    for (const [label, t] of Object.entries(m.targets)) {
      if (!(Number.isFinite(t) && t > 0)) {
        issues.push({
          code: "invalid_target",
          field: m.column,
          value: t,
          expected: "a positive total",
          message: `population total for "${label}" is ${t}, expected a positive number`,
        });
      } else if (!labels.includes(label)) {
        issues.push({
          code: "empty_margin_cell",
          field: m.column,
          value: label,
          expected: "at least one sample row",
          message: `category "${label}" has a population total of ${t} but no sample rows, so no weight can reach it; merge it with a neighbouring category`,
        });
      }
    }
    const missing = codes.indexOf(-1);
    if (missing >= 0) {
      issues.push({
        code: "missing_value",
        row: missing + 1,
        field: m.column,
        value: null,
        expected: "a category",
        message: "got an empty value, expected a category for raking",
      });
    }
    coded.push({ codes, targets });
  }
  const totals = margins.map((m) => Object.values(m.targets).reduce((a, b) => a + b, 0));
  if (totals.some((t) => Math.abs(t - totals[0]) > 1e-9 * totals[0])) {
    issues.push({
      code: "inconsistent_totals",
      field: margins.map((m) => m.column).join(", "),
      value: totals,
      expected: "the same population total in every margin",
      message: `margins add up to different population totals (${totals.join(", ")}); they must describe one population`,
    });
  }
  if (issues.length > 0 || !base) return { ok: false, issues };
  return {
    ok: true,
    value: rakeKernel(base, coded, options.tolerance ?? 1e-10, options.maxIterations ?? 100),
  };
}

/** IPF sweeps on validated margins (every category has rows and a positive target). */
export function rakeKernel(
  base: Float64Array,
  margins: { codes: Int32Array; targets: Float64Array }[],
  tolerance: number,
  maxIterations: number,
): RakingReport {
  const n = base.length;
  const w = Float64Array.from(base);
  let iterations = 0;
  let maxDeviation = Number.POSITIVE_INFINITY;
  while (iterations < maxIterations && !(maxDeviation <= tolerance)) {
    for (const { codes, targets } of margins) {
      const sum = marginSums(w, codes, targets.length);
      for (let i = 0; i < n; i++) w[i] *= targets[codes[i]] / sum[codes[i]];
    }
    iterations++;
    maxDeviation = 0;
    for (const { codes, targets } of margins) {
      const sum = marginSums(w, codes, targets.length);
      for (let k = 0; k < targets.length; k++) {
        maxDeviation = Math.max(maxDeviation, Math.abs(sum[k] - targets[k]) / targets[k]);
      }
    }
  }
  let minW = Number.POSITIVE_INFINITY;
  let maxW = Number.NEGATIVE_INFINITY;
  let minA = Number.POSITIVE_INFINITY;
  let maxA = Number.NEGATIVE_INFINITY;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    minW = Math.min(minW, w[i]);
    maxW = Math.max(maxW, w[i]);
    if (base[i] > 0) {
      minA = Math.min(minA, w[i] / base[i]);
      maxA = Math.max(maxA, w[i] / base[i]);
    }
    s1 += w[i];
    s2 += w[i] * w[i];
  }
  return {
    weights: w,
    converged: maxDeviation <= tolerance,
    iterations,
    maxDeviation,
    minWeight: minW,
    maxWeight: maxW,
    minAdjustment: minA,
    maxAdjustment: maxA,
    designEffect: (n * s2) / (s1 * s1),
  };
}

function marginSums(w: Float64Array, codes: Int32Array, K: number): Float64Array {
  const sum = new Float64Array(K);
  for (let i = 0; i < w.length; i++) sum[codes[i]] += w[i];
  return sum;
}
