/**
 * The counter-based draws of src/simulate/rng.ts: lowbias32 (Wellons 2018) on the key xor the
 * slot times the golden ratio. Same bits as the JavaScript kernels, so both paths agree.
 */

export const SLOT_MULT: i32 = 0x9e3779b9;
export const U32_TO_UNIT: f64 = 1.0 / 4294967296.0;

@inline
export function mix32s(x: i32): i32 {
  x ^= x >>> 16;
  x = x * 0x7feb352d;
  x ^= x >>> 15;
  x = x * 0x846ca68b;
  return x ^ (x >>> 16);
}

/** The uniform in [0, 1) of one 32-bit hash. */
@inline
export function unit(h: i32): f64 {
  return <f64>(<u32>h) * U32_TO_UNIT;
}
