/**
 * The concentrated period system of a two-way (unit + period) within fit, M = D_B'D_B -
 * D_B'D_A (D_A'D_A)^-1 D_A'D_B, built from unit-contiguous rows: each unit subtracts
 * c c' / n (c = its rows per period, n = its rows). Units whose periods do not repeat are
 * summed per period pattern instead (panels have few distinct patterns). Only the lower
 * triangle (row-major, T × T) is written; callers mirror it.
 */

/** Largest period count whose sets fit a mask (bit 30 and up are left alone). */
export const MASK_PERIODS = 30;

/** Bit set of the periods of rows [s, e), or -1 when a period repeats. Needs T <= 30. */
export function periodMask(b: Int32Array, s: number, e: number): number {
  let mask = 0;
  for (let r = s; r < e; r++) {
    const bit = 1 << b[r];
    if (mask & bit) return -1;
    mask |= bit;
  }
  return mask;
}

/**
 * M[t, t'] -= c_t c_t' / n for one unit's rows [s, e), with M at out[o]. `ci` (T zeros) and
 * `touched` (T) are scratch; `ci` is zero again on return. Each cell gets one term per unit.
 */
export function unitSystem(
  b: Int32Array,
  s: number,
  e: number,
  ci: Float64Array,
  touched: Int32Array,
  out: Float64Array,
  o: number,
  T: number,
): void {
  let m = 0;
  for (let r = s; r < e; r++) {
    const t = b[r];
    if (ci[t] === 0) touched[m++] = t;
    ci[t] += 1;
  }
  const inv = 1 / (e - s);
  for (let p = 0; p < m; p++) {
    const tp = touched[p];
    const cp = ci[tp];
    for (let q = 0; q < m; q++) {
      const tq = touched[q];
      if (tq <= tp) out[o + tp * T + tq] -= cp * ci[tq] * inv;
    }
  }
  for (let p = 0; p < m; p++) ci[touched[p]] = 0;
}

/**
 * M -= (count / m) 1_S 1_S' for each period set S (of m periods) held by `count` units: what
 * `unitSystem` adds one unit at a time, summed per pattern, in the map's order.
 */
export function patternSystem(patterns: Map<number, number>, M: Float64Array, T: number): void {
  const t = new Int32Array(T);
  for (const [mask, count] of patterns) {
    let m = 0;
    for (let p = 0; p < T; p++) if (mask & (1 << p)) t[m++] = p;
    const d = count / m;
    for (let p = 0; p < m; p++) for (let q = 0; q <= p; q++) M[t[p] * T + t[q]] -= d;
  }
}
