/**
 * Block kernels shared by the within estimator's general passes (within-kernel.ts):
 * small monomorphic loops, which V8 optimises far better than one large body, and the moments
 * one pass accumulates.
 */

/** sum of w[i] * yb[i - s]^2 over a block. */
export function blockYty(yb: Float64Array, w: Float64Array, s: number, e: number): number {
  let q = 0;
  for (let i = s; i < e; i++) q += w[i] * yb[i - s] * yb[i - s];
  return q;
}

// Small monomorphic helpers: V8 optimises these tight loops far better than one large body.
export function dot(u: Float64Array, v: Float64Array, s: number, e: number): number {
  let q = 0;
  for (let i = s; i < e; i++) q += u[i] * v[i];
  return q;
}
export function dotW(
  u: Float64Array,
  v: Float64Array,
  w: Float64Array,
  s: number,
  e: number,
): number {
  let q = 0;
  for (let i = s; i < e; i++) q += u[i] * v[i] * w[i];
  return q;
}
/** u[i] * v[i - off] summed over [s, e): v is a block buffer. */
export function dotOff(
  u: Float64Array,
  v: Float64Array,
  off: number,
  s: number,
  e: number,
): number {
  let q = 0;
  for (let i = s; i < e; i++) q += u[i] * v[i - off];
  return q;
}
export function dotOffW(
  u: Float64Array,
  v: Float64Array,
  w: Float64Array,
  off: number,
  s: number,
  e: number,
): number {
  let q = 0;
  for (let i = s; i < e; i++) q += u[i] * v[i - off] * w[i];
  return q;
}
export function axpy(out: Float64Array, c: number, u: Float64Array, s: number, e: number): void {
  for (let i = s; i < e; i++) out[i] += c * u[i];
}
export function sum(u: Float64Array, s: number, e: number): number {
  let q = 0;
  for (let i = s; i < e; i++) q += u[i];
  return q;
}
export function sumW(u: Float64Array, w: Float64Array, s: number, e: number): number {
  let q = 0;
  for (let i = s; i < e; i++) q += u[i] * w[i];
  return q;
}

export interface Moments {
  Xt: Float64Array[];
  XtX: Float64Array;
  Xty: Float64Array;
  yty: number;
  sw: number;
  sx: Float64Array;
  sxx: Float64Array;
}
