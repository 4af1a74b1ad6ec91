/**
 * Table-driven stand-ins for the transcendental functions the yearly kernels call per firm.
 * They are deterministic (same result on every thread) and accurate far beyond what the
 * simulated probabilities need: the logistic function to ~1e-5 (linear interpolation, step
 * 1/32); logistic and normal quantiles exact at 4,096 evenly spaced probabilities (a table
 * small enough to stay in the L1 cache: a 65,536-entry table was four times slower).
 */

const SIG_RANGE = 20;
const SIG_SCALE = 32;
const SIGMOID = (() => {
  const n = 2 * SIG_RANGE * SIG_SCALE + 2;
  const t = new Float64Array(n);
  for (let k = 0; k < n; k++) t[k] = 1 / (1 + Math.exp(-(k / SIG_SCALE - SIG_RANGE)));
  return t;
})();
const SIG_LAST = 2 * SIG_RANGE * SIG_SCALE;

/** The table behind `sigmoid`, for hand-inlined hot loops (see export-decision.ts). */
export const SIGMOID_TABLE = {
  values: SIGMOID,
  offset: SIG_RANGE,
  scale: SIG_SCALE,
  last: SIG_LAST,
} as const;

/** 1 / (1 + exp(-z)), interpolated. */
export function sigmoid(z: number): number {
  const x = (z + SIG_RANGE) * SIG_SCALE;
  if (!(x > 0)) return SIGMOID[0];
  if (x >= SIG_LAST) return SIGMOID[SIG_LAST];
  const k = x | 0;
  const a = SIGMOID[k];
  return a + (x - k) * (SIGMOID[k + 1] - a);
}

const Q_BITS = 12;
const Q_N = 1 << Q_BITS;
const Q_SHIFT = 32 - Q_BITS;

const LOGISTIC_Q = (() => {
  const t = new Float64Array(Q_N);
  for (let k = 0; k < Q_N; k++) {
    const u = (k + 0.5) / Q_N;
    t[k] = Math.log(u / (1 - u));
  }
  return t;
})();

/** The logistic quantile table, for code that indexes it inline: `t[h >>> 20]`. */
export const LOGISTIC_TABLE = LOGISTIC_Q;

/** A standard logistic draw from a 32-bit hash (its top 12 bits pick the quantile). */
export function logisticFromHash(h: number): number {
  return LOGISTIC_Q[h >>> Q_SHIFT];
}

/** Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

const NORMAL_Q = (() => {
  const t = new Float64Array(Q_N);
  for (let k = 0; k < Q_N; k++) t[k] = normalQuantile((k + 0.5) / Q_N);
  return t;
})();

/** The normal quantile table itself, for code that indexes it inline: `t[h >>> 20]`. */
export function normalTable(): Float64Array {
  return NORMAL_Q;
}

/** A standard normal draw from a 32-bit hash (its top 12 bits pick the quantile). */
export function normalFromHash(h: number): number {
  return NORMAL_Q[h >>> Q_SHIFT];
}

const EXP_NEG_SCALE = 32;
const EXP_NEG_LAST = 64 * EXP_NEG_SCALE;
const EXP_NEG = (() => {
  const t = new Float64Array(EXP_NEG_LAST + 2);
  for (let k = 0; k < t.length; k++) t[k] = Math.exp(-k / EXP_NEG_SCALE);
  return t;
})();

/** The table behind `expNeg`, for hand-inlined hot loops. */
export const EXP_NEG_TABLE = { values: EXP_NEG, scale: EXP_NEG_SCALE, last: EXP_NEG_LAST } as const;

/** exp(-x) for x >= 0, interpolated (relative error < 1.3e-4); 0-clamped below. */
export function expNeg(x: number): number {
  const y = x * EXP_NEG_SCALE;
  if (!(y > 0)) return 1;
  if (y >= EXP_NEG_LAST) return Math.exp(-x);
  const k = y | 0;
  const a = EXP_NEG[k];
  return a + (y - k) * (EXP_NEG[k + 1] - a);
}

const LOG_SMALL = (() => {
  const t = new Float64Array(256);
  t[0] = 0;
  for (let k = 1; k < 256; k++) t[k] = Math.log(k);
  return t;
})();

/** log(0..255), for hand-inlined hot loops (log 0 is stored as 0). */
export const LOG_SMALL_TABLE = LOG_SMALL;

/** log(n) for a whole count n >= 1 (0 for n = 0). */
export function logCount(n: number): number {
  return n < 256 ? LOG_SMALL[n] : Math.log(n);
}

const EXP_STEPS = 64;
const EXP_RANGE = 16;
/** exp(k / 64) for k = -1024..1024 (16 KiB: stays in L1 beside the other tables). */
const EXP_GRID = (() => {
  const t = new Float64Array(2 * EXP_RANGE * EXP_STEPS + 1);
  for (let k = 0; k < t.length; k++) t[k] = Math.exp((k - EXP_RANGE * EXP_STEPS) / EXP_STEPS);
  return t;
})();
const EXP_GRID_MID = EXP_RANGE * EXP_STEPS;

/** The table behind `expFast`, for hand-inlined hot loops (kernel/firm-year.ts). */
export const EXP_GRID_TABLE = { values: EXP_GRID, steps: EXP_STEPS, mid: EXP_GRID_MID } as const;

/**
 * exp(x) as exp(k/64) from a table times a degree-4 Taylor polynomial of the remainder
 * r in [0, 1/64): relative error below 1e-10 (r^5/120), several times cheaper than the
 * library call in the yearly loop. Outside [-16, 16] it falls back to Math.exp.
 */
export function expFast(x: number): number {
  const y = x * EXP_STEPS;
  const k = Math.floor(y);
  if (!(k >= -EXP_GRID_MID && k < EXP_GRID_MID)) return Math.exp(x);
  const r = (y - k) * (1 / EXP_STEPS);
  return EXP_GRID[k + EXP_GRID_MID] * (1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24)))));
}
