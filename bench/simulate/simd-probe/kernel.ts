/**
 * AssemblyScript probe (not part of the simulation): the yardstick rule, one logistic
 * export decision per firm-year from last year's status and a fixed productivity, written three
 * ways, to measure what WebAssembly SIMD gives on this machine before a SIMD firm-year pass is
 * attempted:
 *  - scalar: the rule as the model's kernel writes it (f64, table sigmoid with interpolation);
 *  - f64x2: four firms per step, the same f64 arithmetic (bit-identical to scalar), the table
 *    read lane by lane (wasm has no gather);
 *  - f32x4: four firms per step in f32 with a polynomial sigmoid (no table, not the same bits).
 * Compiled by ./run.ts with asc's SIMD feature.
 */

import { mix32s, SLOT_MULT } from "../../../assembly/hash";

@inline
function mix4(x: v128): v128 {
  x = v128.xor(x, i32x4.shr_u(x, 16));
  x = i32x4.mul(x, i32x4.splat(0x7feb352d));
  x = v128.xor(x, i32x4.shr_u(x, 15));
  x = i32x4.mul(x, i32x4.splat(0x846ca68b));
  return v128.xor(x, i32x4.shr_u(x, 16));
}

export function scalarYear(exporting: usize, productivity: usize, sig: usize, key: i32, n: i32): i32 {
  let exporters = 0;
  for (let i = 0; i < n; i++) {
    const h = mix32s(key ^ ((i + 1) * SLOT_MULT));
    const u = <f64>(<u32>h) * (1.0 / 4294967296.0);
    const z = -2.2 + 3.1 * <f64>load<u8>(exporting + i) + 0.8 * <f64>load<f32>(productivity + (<usize>i << 2));
    let x = (z + 20) * 32;
    x = x > 0 ? (x > 1280 ? 1280 : x) : 0;
    const k = <i32>x;
    const a = load<f64>(sig + (<usize>k << 3));
    const p = a + (x - <f64>k) * (load<f64>(sig + (<usize>(k + 1) << 3)) - a);
    const now = u < p ? 1 : 0;
    store<u8>(exporting + i, <u8>now);
    exporters += now;
  }
  return exporters;
}

@inline
function gatherLerp(sig: usize, x: v128): v128 {
  const k = i32x4.trunc_sat_f64x2_s_zero(x);
  const k0 = <usize>i32x4.extract_lane(k, 0) << 3;
  const k1 = <usize>i32x4.extract_lane(k, 1) << 3;
  let a = v128.load64_zero(sig + k0);
  a = v128.load64_lane(sig + k1, a, 1);
  let b = v128.load64_zero(sig + k0 + 8);
  b = v128.load64_lane(sig + k1 + 8, b, 1);
  const frac = f64x2.sub(x, f64x2.convert_low_i32x4_s(k));
  return f64x2.add(a, f64x2.mul(frac, f64x2.sub(b, a)));
}

@inline
function decide2(sig: usize, ex: v128, prod: v128, u: v128): v128 {
  const z = f64x2.add(
    f64x2.add(f64x2.splat(-2.2), f64x2.mul(f64x2.splat(3.1), ex)),
    f64x2.mul(f64x2.splat(0.8), prod),
  );
  let x = f64x2.mul(f64x2.add(z, f64x2.splat(20)), f64x2.splat(32));
  x = f64x2.pmax(f64x2.splat(0), f64x2.pmin(f64x2.splat(1280), x));
  const p = gatherLerp(sig, x);
  return f64x2.lt(u, p);
}

/** Stores four lanes' decisions (all-ones masks) as 0/1 bytes; returns them as 0/1 lanes. */
@inline
function storeDecisions(ptr: usize, m: v128): v128 {
  const one = v128.and(m, i32x4.splat(1));
  v128.store32_lane(ptr, i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_u(one, one), one), 0);
  return one;
}

@inline
function sumLanes(v: v128): i32 {
  return (
    i32x4.extract_lane(v, 0) +
    i32x4.extract_lane(v, 1) +
    i32x4.extract_lane(v, 2) +
    i32x4.extract_lane(v, 3)
  );
}

/** n a multiple of 4. */
export function f64x2Year(exporting: usize, productivity: usize, sig: usize, key: i32, n: i32): i32 {
  let count = i32x4.splat(0);
  const keyV = i32x4.splat(key);
  const mult = i32x4.splat(SLOT_MULT);
  let slot = i32x4(1, 2, 3, 4);
  const four = i32x4.splat(4);
  const scale = f64x2.splat(1.0 / 4294967296.0);
  for (let i = 0; i < n; i += 4) {
    const h = mix4(v128.xor(keyV, i32x4.mul(slot, mult)));
    slot = i32x4.add(slot, four);
    const uLo = f64x2.mul(f64x2.convert_low_i32x4_u(h), scale);
    const uHi = f64x2.mul(f64x2.convert_low_i32x4_u(i64x2.shuffle(h, h, 1, 0)), scale);
    const ex4 = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(exporting + i)));
    const exLo = f64x2.convert_low_i32x4_u(ex4);
    const exHi = f64x2.convert_low_i32x4_u(i64x2.shuffle(ex4, ex4, 1, 0));
    const pr = v128.load(productivity + (<usize>i << 2));
    const prLo = f64x2.promote_low_f32x4(pr);
    const prHi = f64x2.promote_low_f32x4(i64x2.shuffle(pr, pr, 1, 0));
    const mLo = decide2(sig, exLo, prLo, uLo);
    const mHi = decide2(sig, exHi, prHi, uHi);
    // 64-bit masks to 32-bit lanes, then 0/1 bytes.
    const m = i32x4.shuffle(mLo, mHi, 0, 2, 4, 6);
    count = i32x4.add(count, storeDecisions(exporting + i, m));
  }
  return sumLanes(count);
}

/** 1 / (1 + e^-z) in f32: e^-z as 2^n * p(f), p a degree-5 polynomial on [0, 1). */
@inline
function sigmoid4(z: v128): v128 {
  let t = f32x4.mul(z, f32x4.splat(-1.4426950408889634));
  t = f32x4.pmax(f32x4.splat(-126), f32x4.pmin(f32x4.splat(126), t));
  const n = f32x4.floor(t);
  const f = f32x4.sub(t, n);
  let p = f32x4.splat(1.8775767e-3);
  p = f32x4.add(f32x4.mul(p, f), f32x4.splat(8.9893397e-3));
  p = f32x4.add(f32x4.mul(p, f), f32x4.splat(5.5826318e-2));
  p = f32x4.add(f32x4.mul(p, f), f32x4.splat(2.4015361e-1));
  p = f32x4.add(f32x4.mul(p, f), f32x4.splat(6.9315308e-1));
  p = f32x4.add(f32x4.mul(p, f), f32x4.splat(1.0));
  const e = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  const ez = f32x4.mul(p, e);
  return f32x4.div(f32x4.splat(1), f32x4.add(f32x4.splat(1), ez));
}

/** n a multiple of 4. */
export function f32x4Year(exporting: usize, productivity: usize, key: i32, n: i32): i32 {
  let count = i32x4.splat(0);
  const keyV = i32x4.splat(key);
  const mult = i32x4.splat(SLOT_MULT);
  let slot = i32x4(1, 2, 3, 4);
  const four = i32x4.splat(4);
  for (let i = 0; i < n; i += 4) {
    const h = mix4(v128.xor(keyV, i32x4.mul(slot, mult)));
    slot = i32x4.add(slot, four);
    // Top 24 bits of the hash as a uniform in [0, 1).
    const u = f32x4.mul(f32x4.convert_i32x4_u(i32x4.shr_u(h, 8)), f32x4.splat(1.0 / 16777216.0));
    const ex4 = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(exporting + i)));
    const pr = v128.load(productivity + (<usize>i << 2));
    const z = f32x4.add(
      f32x4.add(f32x4.splat(-2.2), f32x4.mul(f32x4.splat(3.1), f32x4.convert_i32x4_u(ex4))),
      f32x4.mul(f32x4.splat(0.8), pr),
    );
    const m = f32x4.lt(u, sigmoid4(z));
    count = i32x4.add(count, storeDecisions(exporting + i, m));
  }
  return sumLanes(count);
}

// --- The model's export decision, the heaviest stage of the firm-year pass (assembly/
// firm-year.ts): an index over nine columns, a sunk cost with a table exp and a table of lost
// experience, and the two table sigmoids (staying, starting), then the draw. Scalar, and four
// firms per step in f64x2 with the same arithmetic.

const SIG_OFFSET: f64 = 20;
const SIG_SCALE: f64 = 32;
const SIG_LAST: f64 = 1280;

/** Column addresses (setColumns): f32 columns unless said. */
let cStat: usize = 0; // f64 static index
let cLogEmp: usize = 0;
let cLinks: usize = 0; // u8
let cBarrier: usize = 0; // the four barriers' sum
let cDemand: usize = 0;
let cKnow: usize = 0;
let cConcern: usize = 0;
let cGap: usize = 0; // u8 years since exit
let cEx: usize = 0; // u8 exporting

export function setColumns(
  stat: usize,
  logEmp: usize,
  links: usize,
  barrier: usize,
  demand: usize,
  know: usize,
  concern: usize,
  gap: usize,
  ex: usize,
): void {
  cStat = stat;
  cLogEmp = logEmp;
  cLinks = links;
  cBarrier = barrier;
  cDemand = demand;
  cKnow = know;
  cConcern = concern;
  cGap = gap;
  cEx = ex;
}

@inline
function lerpAt(t: usize, x: f64): f64 {
  const k = <i32>x;
  const a = load<f64>(t + (<usize>k << 3));
  return a + (x - <f64>k) * (load<f64>(t + (<usize>(k + 1) << 3)) - a);
}

export function decisionScalar(sig: usize, expn: usize, lost: usize, key: i32, n: i32): i32 {
  const stat = cStat;
  const logEmp = cLogEmp;
  const links = cLinks;
  const barrier = cBarrier;
  const demand = cDemand;
  const know = cKnow;
  const concern = cConcern;
  const gap = cGap;
  const ex = cEx;
  let exporters = 0;
  for (let i = 0; i < n; i++) {
    const i4 = <usize>i << 2;
    const kn = <f64>load<f32>(know + i4);
    const index =
      load<f64>(stat + (<usize>i << 3)) +
      0.31 * <f64>load<f32>(logEmp + i4) +
      0.8 * <f64>load<u8>(links + i) -
      0.35 * <f64>load<f32>(barrier + i4) +
      0.4 * <f64>load<f32>(demand + i4) +
      0.25 * kn;
    const last = <i32>load<u8>(ex + i);
    let sunk = 2.5 * (1 + 0.15 * (<f64>load<f32>(concern + i4) - 3));
    const ky = 0.3 * kn * 32;
    if (ky > 0) sunk *= lerpAt(expn, ky < 2047 ? ky : 2047);
    const g = <i32>load<u8>(gap + i);
    if (!last && g > 0) sunk *= load<f64>(lost + (<usize>g << 3));
    let x = (index + 0.2 - 1.2 + SIG_OFFSET) * SIG_SCALE;
    x = x > 0 ? (x > SIG_LAST ? SIG_LAST : x) : 0;
    const pStay = lerpAt(sig, x);
    x = (index - 1.2 - sunk + SIG_OFFSET) * SIG_SCALE;
    x = x > 0 ? (x > SIG_LAST ? SIG_LAST : x) : 0;
    const pStart = lerpAt(sig, x);
    const u = <f64>(mix32s(key ^ ((i + 1) * SLOT_MULT)) & 0xfffff) * (1.0 / 1048576.0);
    const p = last ? pStay : pStart;
    const now = u < p ? 1 : 0;
    store<u8>(ex + i, <u8>now);
    exporters += now;
  }
  return exporters;
}

@inline
function gather2(t: usize, k: v128): v128 {
  const a = <usize>i32x4.extract_lane(k, 0) << 3;
  const b = <usize>i32x4.extract_lane(k, 1) << 3;
  return v128.load64_lane(t + b, v128.load64_zero(t + a), 1);
}

@inline
function lerp2(t: usize, x: v128): v128 {
  const k = i32x4.trunc_sat_f64x2_s_zero(x);
  const a = gather2(t, k);
  const b = gather2(t + 8, k);
  return f64x2.add(a, f64x2.mul(f64x2.sub(x, f64x2.convert_low_i32x4_s(k)), f64x2.sub(b, a)));
}

@inline
function f32pair(p: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(p));
}

@inline
function u8pair(p: usize): v128 {
  const v = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load16_lane(p, i32x4.splat(0), 0)));
  return f64x2.convert_low_i32x4_u(v);
}

@inline
function clampSig(x: v128): v128 {
  return f64x2.pmax(f64x2.splat(0), f64x2.pmin(f64x2.splat(SIG_LAST), x));
}

/** Two firms from slot i; returns their 0/1 decisions in the low two i32 lanes. */
@inline
function decide2model(
  sig: usize,
  expn: usize,
  lost: usize,
  i: i32,
  u: v128,
  stat: usize,
  logEmp: usize,
  links: usize,
  barrier: usize,
  demand: usize,
  know: usize,
  concern: usize,
  gap: usize,
  ex: usize,
): v128 {
  const i4 = <usize>i << 2;
  const kn = f32pair(know + i4);
  const index = f64x2.add(
    f64x2.add(
      f64x2.add(
        f64x2.add(
          f64x2.add(
            v128.load(stat + (<usize>i << 3)),
            f64x2.mul(f64x2.splat(0.31), f32pair(logEmp + i4)),
          ),
          f64x2.mul(f64x2.splat(0.8), u8pair(links + i)),
        ),
        f64x2.neg(f64x2.mul(f64x2.splat(0.35), f32pair(barrier + i4))),
      ),
      f64x2.mul(f64x2.splat(0.4), f32pair(demand + i4)),
    ),
    f64x2.mul(f64x2.splat(0.25), kn),
  );
  const last = u8pair(ex + i);
  const lastMask = f64x2.ne(last, f64x2.splat(0));
  let sunk = f64x2.mul(
    f64x2.splat(2.5),
    f64x2.add(
      f64x2.splat(1),
      f64x2.mul(f64x2.splat(0.15), f64x2.sub(f32pair(concern + i4), f64x2.splat(3))),
    ),
  );
  const ky = f64x2.mul(f64x2.mul(f64x2.splat(0.3), kn), f64x2.splat(32));
  const kyPos = f64x2.gt(ky, f64x2.splat(0));
  const e = lerp2(expn, f64x2.pmin(ky, f64x2.splat(2047)));
  sunk = v128.bitselect(f64x2.mul(sunk, e), sunk, kyPos);
  const g = u8pair(gap + i);
  const lostV = gather2(lost, i32x4.trunc_sat_f64x2_s_zero(g));
  const useLost = v128.andnot(f64x2.gt(g, f64x2.splat(0)), lastMask);
  sunk = v128.bitselect(f64x2.mul(sunk, lostV), sunk, useLost);
  const off = f64x2.splat(SIG_OFFSET);
  const scale = f64x2.splat(SIG_SCALE);
  const pStay = lerp2(
    sig,
    clampSig(f64x2.mul(f64x2.add(f64x2.add(index, f64x2.splat(0.2 - 1.2)), off), scale)),
  );
  const pStart = lerp2(
    sig,
    clampSig(
      f64x2.mul(f64x2.add(f64x2.sub(f64x2.sub(index, f64x2.splat(1.2)), sunk), off), scale),
    ),
  );
  const p = v128.bitselect(pStay, pStart, lastMask);
  return i32x4.shuffle(f64x2.lt(u, p), f64x2.lt(u, p), 0, 2, 4, 6);
}

/** n a multiple of 4. */
export function decisionF64x2(sig: usize, expn: usize, lost: usize, key: i32, n: i32): i32 {
  const stat = cStat;
  const logEmp = cLogEmp;
  const links = cLinks;
  const barrier = cBarrier;
  const demand = cDemand;
  const know = cKnow;
  const concern = cConcern;
  const gap = cGap;
  const ex = cEx;
  let count = i32x4.splat(0);
  const keyV = i32x4.splat(key);
  const mult = i32x4.splat(SLOT_MULT);
  let slot = i32x4(1, 2, 3, 4);
  const scale = f64x2.splat(1.0 / 1048576.0);
  for (let i = 0; i < n; i += 4) {
    const h = v128.and(mix4(v128.xor(keyV, i32x4.mul(slot, mult))), i32x4.splat(0xfffff));
    slot = i32x4.add(slot, i32x4.splat(4));
    const uLo = f64x2.mul(f64x2.convert_low_i32x4_u(h), scale);
    const uHi = f64x2.mul(f64x2.convert_low_i32x4_u(i64x2.shuffle(h, h, 1, 0)), scale);
    const lo = decide2model(sig, expn, lost, i, uLo, stat, logEmp, links, barrier, demand, know, concern, gap, ex);
    const hi = decide2model(sig, expn, lost, i + 2, uHi, stat, logEmp, links, barrier, demand, know, concern, gap, ex);
    const m = i32x4.shuffle(lo, hi, 0, 1, 4, 5);
    count = i32x4.add(count, storeDecisions(ex + i, m));
  }
  return sumLanes(count);
}
