/**
 * Counter-based random numbers: every draw is a pure hash of (seed, replication, year, stream,
 * firm slot). Nothing is carried from one draw to the next, so
 *  - a baseline and a reform see the same draw for the same firm, year and purpose (common
 *    random numbers: an empty reform differs by exactly zero), and
 *  - results do not depend on how firms are split over threads or in which order they run.
 *
 * The mixer is the "lowbias32" integer hash (Wellons 2018; avalanche bias ~0.17), a bijection
 * on 32-bit words. A year/stream key is hashed once per year; each firm's draw is one more
 * hash of (key xor slot * golden ratio), which is what the hot kernels inline.
 */
import type { SimRng } from "../policy/index.ts";

/** Stream ids: one per purpose, so two purposes never share a draw. */
export const STREAM = {
  death: 1,
  birth: 2,
  founderRestart: 3,
  /** Unused since model 1.2.0: the demand shock takes the death draw's top bits. */
  demand: 4,
  decision: 5,
  projectEnd: 6,
  pullEvent: 7,
  linkFormation: 8,
  /** Unused since 1.2.0: adding a market takes the intensity draw's high half. */
  marketsUp: 9,
  marketsDown: 10,
  intensity: 11,
  plans: 12,
  mentoring: 13,
  /** Unused since 1.2.0: the sales noise takes the decision draw's top 12 bits. */
  salesNoise: 14,
  discovery: 15,
  /** Synthesis of attributes uses streams synth + k for attribute k (k < 100). */
  synth: 100,
  /** Policy modules draw from streams >= policyBase (e.g. lottery rationing). */
  policyBase: 1000,
} as const;

const GOLDEN = 0x9e3779b9;
const TWO_POW_M32 = 2 ** -32;

/** lowbias32: a fast 32-bit bijective mixer. Returns an unsigned 32-bit integer. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * lowbias32 returning a signed 32-bit integer: a small integer for the engine, so a call that is
 * not inlined never allocates. Hot loops use `(mix32s(...) >>> 0) * U32_TO_UNIT`.
 */
export function mix32s(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return x ^ (x >>> 16);
}

/** The per-(seed, replication, year, stream) key that firm draws are derived from. */
export function drawKey(seed: number, replication: number, year: number, stream: number): number {
  let h = mix32((seed >>> 0) ^ 0x5bd1e995);
  h = mix32(h ^ Math.imul(replication + 1, GOLDEN));
  h = mix32(h ^ Math.imul(year + 0x10000, 0x85ebca6b));
  h = mix32(h ^ Math.imul(stream + 1, 0xc2b2ae35));
  return h;
}

/** Uniform in [0, 1) for one firm slot under a key (inline this expression in hot loops). */
export function uniformAt(key: number, slot: number): number {
  return mix32(key ^ Math.imul(slot + 1, GOLDEN)) * TWO_POW_M32;
}

/**
 * A seeded generator bound to one run (seed, replication). Pass it; never keep it in a module.
 * Programmes receive the same object, so its shape is declared with theirs (src/policy).
 */
export type CounterRng = SimRng;

export function counterRng(seed: number, replication: number): CounterRng {
  // Seeds key the draws by their 32 bits: two seeds a multiple of 2^32 apart would alias.
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be a whole number from 0 to 4294967295, got ${seed}`);
  }
  if (!Number.isInteger(replication) || replication < 0) {
    throw new RangeError(`replication must be a non-negative integer, got ${replication}`);
  }
  return new SeededCounterRng(seed >>> 0, replication);
}

/**
 * One class for every run: its methods are the same functions whatever the seed, so a kernel
 * optimized for one replication's generator is not thrown away for the next one's (closures
 * made per run were a new call target each time).
 */
class SeededCounterRng implements CounterRng {
  constructor(
    readonly seed: number,
    readonly replication: number,
  ) {}
  key(year: number, stream: number): number {
    return drawKey(this.seed, this.replication, year, stream);
  }
  uniform(key: number, slot: number): number {
    return uniformAt(key, slot);
  }
}

/** Scale that turns a 32-bit hash into a uniform: `mix32(...) * U32_TO_UNIT`. */
export const U32_TO_UNIT = TWO_POW_M32;
/** Multiplier of the slot inside a draw: `mix32(key ^ Math.imul(slot + 1, SLOT_MULT))`. */
export const SLOT_MULT = GOLDEN;
