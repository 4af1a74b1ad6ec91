/**
 * Slice kernels of the within estimator for unweighted rows grouped by unit (unit codes never
 * decrease, so each unit is one run of rows). A slice is a range of whole units; every kernel
 * reads only its slice and writes its partial sums at its own offset of `out` (and per-unit
 * values at its own units' indices), so slices can run on any thread and the partials are
 * combined in slice order: the result does not depend on how many threads ran.
 *
 * Columns are handled as C = [y, x_1, ..., x_k]. Within a slice, rows are taken in chunks of
 * about CHUNK rows ending at a unit boundary; each chunk's columns are transformed into small
 * buffers while they sit in cache (one-way: x - unit mean; two-way: also - gamma[b] + unit mean
 * of gamma[b]) and their cross-products accumulated. Nothing N-long is written unless asked.
 */
import { MASK_PERIODS, periodMask, unitSystem } from "../period-system.ts";

/** Rows per chunk before it is extended to the end of the unit it stops in. */
export const CHUNK = 2048;

/** What every pass reads; unused fields are empty arrays. */
export interface RunsInput {
  /** [y, x_1, ..., x_k] (all regressors for the moments, kept ones for the residuals). */
  readonly C: readonly Float64Array[];
  /** Unit codes, non-decreasing. */
  readonly a: Int32Array;
  /** Period codes (two-way), or empty. */
  readonly b: Int32Array;
  /** Period levels (0 for one-way). */
  readonly T: number;
  /** Slice starts at unit boundaries, length P + 1. */
  readonly bounds: Int32Array;
  /** Period effects gamma_c of each column c (C.length × T), two-way only. */
  readonly gamma: Float64Array;
  /** Slopes of the kept regressors (residual pass). */
  readonly beta: Float64Array;
  /** Per-slice partial sums, `width` each. */
  readonly out: Float64Array;
  readonly width: number;
  /** Unit mean of y and unit size (moments pass). */
  readonly meanY: Float64Array;
  readonly sizes: Int32Array;
  /** Each unit's set of periods as a bit mask, -1 when not held (two-way moments pass). */
  readonly masks: Int32Array;
  /** Per-unit score sums, units × (C.length - 1) (residual pass). */
  readonly S: Float64Array;
  /** Optional N-long outputs of the residual pass: residuals and transformed regressors. */
  readonly resid: Float64Array;
  readonly Xt: readonly Float64Array[];
}

export type RunsKernelName = "moments" | "cross2" | "resid";

/** Width of a moments partial: cross-products, column sums, between sums, and two-way extras. */
export function momentsWidth(K: number, T: number): number {
  return K * K + 2 * K + (T > 0 ? T * K + T * T + T : 0);
}

/** End of the chunk starting at s inside a slice ending at e0: at least CHUNK rows, whole units. */
function chunkEnd(a: Int32Array, s: number, e0: number): number {
  let e = Math.min(e0, s + CHUNK);
  while (e < e0 && a[e] === a[e - 1]) e++;
  return e;
}

/**
 * buf[r - s] = x[r] - mean of x over r's unit, rows [s, e) of whole units. Returns the sum of the
 * unit sums q and adds sum q * mean (the between part of x'x) to acc[1]; stores unit means and
 * sizes when asked. readable: for each unit: m = mean(x[unit]); buf = x[unit] - m.
 */
function demeanChunk(
  x: Float64Array,
  buf: Float64Array,
  s: number,
  e: number,
  a: Int32Array,
  acc: Float64Array,
  means: Float64Array | undefined,
  sizes: Int32Array | undefined,
): void {
  let i = s;
  let sq = 0;
  let sqm = 0;
  while (i < e) {
    const g = a[i];
    let j = i;
    let q = 0;
    while (j < e && a[j] === g) q += x[j++];
    const m = q / (j - i);
    if (means) means[g] = m;
    if (sizes) sizes[g] = j - i;
    sq += q;
    sqm += q * m;
    for (let r = i; r < j; r++) buf[r - s] = x[r] - m;
    i = j;
  }
  acc[0] += sq;
  acc[1] += sqm;
}

/**
 * Two-way transform of rows [s, e) of whole units: buf[r - s] = (x[r] - unit mean of x) -
 * (gamma[b[r]] - unit mean of gamma[b]), gamma at gamma[off..off + T).
 */
function demean2Chunk(
  x: Float64Array,
  buf: Float64Array,
  s: number,
  e: number,
  a: Int32Array,
  b: Int32Array,
  gamma: Float64Array,
  off: number,
): void {
  let i = s;
  while (i < e) {
    const g = a[i];
    let j = i;
    let q = 0;
    let qg = 0;
    while (j < e && a[j] === g) {
      q += x[j];
      qg += gamma[off + b[j]];
      j++;
    }
    const m = q / (j - i);
    const mg = qg / (j - i);
    for (let r = i; r < j; r++) buf[r - s] = x[r] - m - (gamma[off + b[r]] - mg);
    i = j;
  }
}

function dot0(u: Float64Array, v: Float64Array, m: number): number {
  let q = 0;
  for (let i = 0; i < m; i++) q += u[i] * v[i];
  return q;
}

/**
 * Lower triangle of the chunk buffers' cross-products into out[o + p * K + q]: for each p, up
 * to four dot products in one loop (each is still summed in row order, as one dot would be).
 * readable: for p, for q <= p: out[p * K + q] += dot(bufs[p], bufs[q]).
 */
function crossChunk(bufs: Float64Array[], m: number, out: Float64Array, o: number): void {
  const K = bufs.length;
  for (let p = 0; p < K; p++) {
    const u = bufs[p];
    const at = o + p * K;
    let q = 0;
    for (; q + 4 <= p + 1; q += 4)
      dot4(u, bufs[q], bufs[q + 1], bufs[q + 2], bufs[q + 3], m, out, at + q);
    for (; q + 2 <= p + 1; q += 2) dot2(u, bufs[q], bufs[q + 1], m, out, at + q);
    if (q <= p) out[at + q] += dot0(u, bufs[q], m);
  }
}

function dot4(
  u: Float64Array,
  v0: Float64Array,
  v1: Float64Array,
  v2: Float64Array,
  v3: Float64Array,
  m: number,
  out: Float64Array,
  at: number,
): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < m; i++) {
    const x = u[i];
    s0 += x * v0[i];
    s1 += x * v1[i];
    s2 += x * v2[i];
    s3 += x * v3[i];
  }
  out[at] += s0;
  out[at + 1] += s1;
  out[at + 2] += s2;
  out[at + 3] += s3;
}

function dot2(
  u: Float64Array,
  v0: Float64Array,
  v1: Float64Array,
  m: number,
  out: Float64Array,
  at: number,
): void {
  let s0 = 0;
  let s1 = 0;
  for (let i = 0; i < m; i++) {
    const x = u[i];
    s0 += x * v0[i];
    s1 += x * v1[i];
  }
  out[at] += s0;
  out[at + 1] += s1;
}

/** Sums of buf by period: out[o + b[r] * K + c] += buf[r - s]. */
function periodSums(
  buf: Float64Array,
  s: number,
  e: number,
  b: Int32Array,
  K: number,
  c: number,
  out: Float64Array,
  o: number,
): void {
  for (let r = s; r < e; r++) out[o + b[r] * K + c] += buf[r - s];
}

/**
 * Each unit's period set into masks[g] (as pattern counts are summed later, M is built once per
 * pattern); a unit whose periods repeat gets -1 and adds its own terms to M at out[o]. Rows per
 * period are counted into wB.
 */
function unitPeriods(
  inp: RunsInput,
  s: number,
  e: number,
  ci: Float64Array,
  touched: Int32Array,
  o: number,
  wB: Float64Array,
): void {
  const { a, b, T, masks } = inp;
  for (let r = s; r < e; r++) wB[b[r]] += 1;
  for (let i = s; i < e; ) {
    const g = a[i];
    let j = i + 1;
    while (j < e && a[j] === g) j++;
    const mask = T <= MASK_PERIODS ? periodMask(b, i, j) : -1;
    masks[g] = mask;
    if (mask < 0) unitSystem(b, i, j, ci, touched, inp.out, o, T);
    i = j;
  }
}

function buffers(K: number, len: number): Float64Array[] {
  return Array.from({ length: K }, () => new Float64Array(len));
}

/**
 * Moments pass over slice `sl`: one-way cross-products of [ỹ, X̃], raw column sums and between
 * sums, unit means of y and unit sizes; two-way adds each column's one-way-demeaned sums by
 * period, the period counts and the concentrated period system.
 */
export function momentsSlice(inp: RunsInput, sl: number): void {
  const { C, a, b, T, out } = inp;
  const K = C.length;
  const o = sl * inp.width;
  const oSum = o + K * K;
  const oP = oSum + 2 * K;
  const oM = oP + T * K;
  const oW = oM + T * T;
  const e0 = inp.bounds[sl + 1];
  let bufs = buffers(K, CHUNK);
  const acc = new Float64Array(2);
  const ci = new Float64Array(T);
  const touched = new Int32Array(T);
  const ps = new Float64Array(T * K);
  const wB = new Float64Array(T);
  for (let s = inp.bounds[sl]; s < e0; ) {
    const e = chunkEnd(a, s, e0);
    if (e - s > bufs[0].length) bufs = buffers(K, e - s);
    for (let c = 0; c < K; c++) {
      acc[0] = out[oSum + c];
      acc[1] = out[oSum + K + c];
      const first = c === 0;
      demeanChunk(
        C[c],
        bufs[c],
        s,
        e,
        a,
        acc,
        first ? inp.meanY : undefined,
        first ? inp.sizes : undefined,
      );
      out[oSum + c] = acc[0];
      out[oSum + K + c] = acc[1];
      if (T > 0) periodSums(bufs[c], s, e, b, K, c, ps, 0);
    }
    // Two-way needs only the diagonal of the one-way products (the absorbed-regressor test).
    if (T > 0) for (let c = 0; c < K; c++) out[o + c * K + c] += dot0(bufs[c], bufs[c], e - s);
    else crossChunk(bufs, e - s, out, o);
    if (T > 0) unitPeriods(inp, s, e, ci, touched, oM, wB);
    s = e;
  }
  // Period sums and counts were kept in small local arrays (cheaper than scattering into `out`).
  for (let i = 0; i < T * K; i++) out[oP + i] += ps[i];
  for (let t = 0; t < T; t++) out[oW + t] += wB[t];
}

/** Fills the chunk buffers with the fully transformed columns of rows [s, e). */
function transformChunk(
  inp: RunsInput,
  bufs: Float64Array[],
  s: number,
  e: number,
  acc: Float64Array,
): void {
  const { C, a, b, T, gamma } = inp;
  for (let c = 0; c < C.length; c++) {
    if (T > 0) demean2Chunk(C[c], bufs[c], s, e, a, b, gamma, c * T);
    else demeanChunk(C[c], bufs[c], s, e, a, acc, undefined, undefined);
  }
}

/** Two-way cross-products of the fully transformed [ÿ, Ẍ] over slice `sl` (lower triangle). */
export function cross2Slice(inp: RunsInput, sl: number): void {
  const o = sl * inp.width;
  const e0 = inp.bounds[sl + 1];
  let bufs = buffers(inp.C.length, CHUNK);
  const acc = new Float64Array(2);
  for (let s = inp.bounds[sl]; s < e0; ) {
    const e = chunkEnd(inp.a, s, e0);
    if (e - s > bufs[0].length) bufs = buffers(inp.C.length, e - s);
    transformChunk(inp, bufs, s, e, acc);
    crossChunk(bufs, e - s, inp.out, o);
    s = e;
  }
}

/** e = ỹ - X̃ beta in buf[0] (the same operation order as the general residual pass). */
function residChunk(bufs: Float64Array[], beta: Float64Array, m: number): void {
  const e = bufs[0];
  for (let j = 1; j < bufs.length; j++) {
    const x = bufs[j];
    const c = -beta[j - 1];
    for (let i = 0; i < m; i++) e[i] += c * x[i];
  }
}

/** S[g * k + j] = sum over unit g's rows of x̃_j e (rows [s, e) hold whole units). */
function unitScores(
  bufs: Float64Array[],
  s: number,
  e: number,
  a: Int32Array,
  S: Float64Array,
): void {
  const k = bufs.length - 1;
  const res = bufs[0];
  for (let i = s; i < e; ) {
    const g = a[i];
    let j = i + 1;
    while (j < e && a[j] === g) j++;
    for (let c = 1; c <= k; c++) {
      const x = bufs[c];
      let q = 0;
      for (let r = i - s; r < j - s; r++) q += x[r] * res[r];
      S[g * k + c - 1] = q;
    }
    i = j;
  }
}

/**
 * Residual pass over slice `sl`: the SSR into out[sl * width], each unit's score sums into S,
 * and, when N-long outputs are given, the residuals and transformed regressors.
 */
export function residSlice(inp: RunsInput, sl: number): void {
  const e0 = inp.bounds[sl + 1];
  const K = inp.C.length;
  let bufs = buffers(K, CHUNK);
  const acc = new Float64Array(2);
  let ssr = 0;
  const keepX = inp.Xt.length > 0;
  const keepE = inp.resid.length > 0;
  for (let s = inp.bounds[sl]; s < e0; ) {
    const e = chunkEnd(inp.a, s, e0);
    const m = e - s;
    if (m > bufs[0].length) bufs = buffers(K, m);
    transformChunk(inp, bufs, s, e, acc);
    if (keepX) for (let c = 1; c < K; c++) inp.Xt[c - 1].set(bufs[c].subarray(0, m), s);
    residChunk(bufs, inp.beta, m);
    ssr += dot0(bufs[0], bufs[0], m);
    if (keepE) inp.resid.set(bufs[0].subarray(0, m), s);
    if (inp.S.length > 0) unitScores(bufs, s, e, inp.a, inp.S);
    s = e;
  }
  inp.out[sl * inp.width] = ssr;
}

/** The kernels by name, for the worker threads. */
export const RUNS_KERNELS: Record<RunsKernelName, (inp: RunsInput, sl: number) => void> = {
  moments: momentsSlice,
  cross2: cross2Slice,
  resid: residSlice,
};
