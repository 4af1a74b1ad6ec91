/**
 * Accumulators as data: `{init, add, value}` objects by name, reused to summarise replications
 * (and usable for any stream of numbers).
 */
import { qt } from "../stats/index.ts";

export interface Reducer<S, V> {
  init(): S;
  add(state: S, x: number): S;
  value(state: S): V;
}

export interface Interval {
  mean: number;
  /**
   * Lower and upper bounds of the 95% Monte Carlo interval of the mean (t, n - 1 df); NaN, with
   * `sd`, when n < 2.
   */
  lo: number;
  hi: number;
  sd: number;
  n: number;
}

interface Welford {
  n: number;
  mean: number;
  m2: number;
}

/** Mean and 95% interval of the mean across replications (Welford's update). */
export const meanInterval: Reducer<Welford, Interval> = {
  init: () => ({ n: 0, mean: 0, m2: 0 }),
  add(s, x) {
    const n = s.n + 1;
    const d = x - s.mean;
    const mean = s.mean + d / n;
    return { n, mean, m2: s.m2 + d * (x - mean) };
  },
  value(s) {
    if (s.n === 0)
      return { mean: Number.NaN, lo: Number.NaN, hi: Number.NaN, sd: Number.NaN, n: 0 };
    // One replication says nothing about the spread: no sd and no interval (NaN, null in JSON),
    // rather than a zero-width interval that reads as certainty.
    if (s.n === 1) return { mean: s.mean, lo: Number.NaN, hi: Number.NaN, sd: Number.NaN, n: 1 };
    const sd = Math.sqrt(s.m2 / (s.n - 1));
    const half = qt(0.975, s.n - 1) * (sd / Math.sqrt(s.n));
    return { mean: s.mean, lo: s.mean - half, hi: s.mean + half, sd, n: s.n };
  },
};

export const sum: Reducer<number, number> = {
  init: () => 0,
  add: (s, x) => s + x,
  value: (s) => s,
};

export const REDUCERS = { meanInterval, sum } as const;

export function reduce<S, V>(r: Reducer<S, V>, xs: Iterable<number>): V {
  let s = r.init();
  for (const x of xs) s = r.add(s, x);
  return r.value(s);
}
